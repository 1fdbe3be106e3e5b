<#
.SYNOPSIS
    Runs every tests/**/*.Tests.ps1 with Pester against the built module folder; build.ps1 calls it in a fresh
    pwsh so the module is imported the way a user imports it. Writes a small JSON summary for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    # The folder of test files; by default every suite under tests/. (Build.Tests.ps1 points it at a folder of its own.)
    [string] $Path = (Split-Path $PSScriptRoot -Parent)
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
# The test files import the module from here (see TestHelpers.psm1).
$env:PIPLATFORM_MODULE_PATH = $ModulePath

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath

$result = Invoke-Pester -Configuration $configuration
# A test file that ran no test (all skipped, filtered out, or its Describe never ran) proves nothing: count it failed.
$empty = @($result.Containers | Where-Object { $_.PassedCount + $_.FailedCount -eq 0 })
foreach ($container in $empty) { Write-Host "Pester: $($container.Item) ran no tests" -ForegroundColor Red }
@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount + $empty.Count
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $SummaryPath
exit ([int]($result.Result -ne 'Passed' -or $empty.Count -gt 0))
