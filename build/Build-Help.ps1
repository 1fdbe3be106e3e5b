<#
.SYNOPSIS
    Generates the module's Get-Help files from docs/en-US into the built module folder; build.ps1's Build step
    runs it in a fresh pwsh, so that importing the module here never locks the DLLs of the build's own session.
    Exits 1, listing every problem (each naming its cmdlet and page), if the help does not fit the cmdlets.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [string] $OutputPath = (Join-Path $ModulePath 'en-US')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

Import-Module (Join-Path $PSScriptRoot 'HelpGenerator.psm1')
$manifest = @(Get-ChildItem -LiteralPath $ModulePath -Filter '*.psd1')[0]
$module = Import-Module $manifest.FullName -PassThru
try {
    New-ModuleHelp -Module $module -DocsPath $DocsPath -OutputPath $OutputPath | ForEach-Object { Write-Host "Help: $($_.FullName)" }
}
catch {
    [Console]::Error.WriteLine($_.Exception.Message)
    exit 1
}
