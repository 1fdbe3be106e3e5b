<#
.SYNOPSIS
    Runs every tests/**/*.Tests.ps1 with Pester against the built module folder; build.ps1 calls it in a fresh
    pwsh so the module is imported the way a user imports it. Writes a small JSON summary for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [Parameter(Mandatory)] [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
# The test files import the module from here (see TestHelpers.psm1).
$env:PIPLATFORM_MODULE_PATH = $ModulePath

$configuration = New-PesterConfiguration
$configuration.Run.Path = (Split-Path $PSScriptRoot -Parent)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath

$result = Invoke-Pester -Configuration $configuration
@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $SummaryPath
exit ([int]($result.Result -ne 'Passed'))
