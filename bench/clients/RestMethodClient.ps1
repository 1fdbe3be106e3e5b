<#
.SYNOPSIS
    What a user writes without the module: Invoke-RestMethod in a foreach loop (width 1), or in
    ForEach-Object -Parallel -ThrottleLimit <width>.
.DESCRIPTION
    A benchmark client (bench/README.md, "The client protocol"). Startup is one Invoke-RestMethod of -WarmupId.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $IdsPath,
    [Parameter(Mandatory)] [ValidateSet('get', 'approve')] [string] $Op,
    [Parameter(Mandatory)] [int] $Width,
    [string] $WarmupId,
    [string] $ApiKey = 'pi-sandbox-key'
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'ClientProtocol.ps1')

$startup = [System.Diagnostics.Stopwatch]::StartNew()
$base = $BaseUri.TrimEnd('/')
$headers = @{ Authorization = "Key $ApiKey" }
if ($WarmupId) { Invoke-RestMethod -Uri "$base/v2/payments/$WarmupId" -Headers $headers | Out-Null }
$startup.Stop()

$method = if ($Op -eq 'get') { 'Get' } else { 'Post' }
$suffix = if ($Op -eq 'get') { '' } else { '/approve' }
$ids = [System.IO.File]::ReadAllLines($IdsPath)

Write-ReadyAndWaitForGo $startup.Elapsed
$runErrors = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()
$wall = [System.Diagnostics.Stopwatch]::StartNew()
if ($Width -eq 1) {
    foreach ($id in $ids) {
        try {
            Invoke-RestMethod -Method $method -Uri "$base/v2/payments/$id$suffix" -Headers $headers | Out-Null
        }
        catch {
            $runErrors.Add($_)
        }
    }
}
else {
    # -Parallel takes no -ErrorAction; its errors still reach -ErrorVariable, and 2>$null keeps them off the console.
    $ids | ForEach-Object -Parallel {
        Invoke-RestMethod -Method $using:method -Uri "$($using:base)/v2/payments/$_$($using:suffix)" -Headers $using:headers
    } -ThrottleLimit $Width -ErrorVariable runErrors 2>$null | Out-Null
}
$wall.Stop()

Write-ResultAndWaitForRelease -Client 'restmethod' -Op $Op -Width $Width -Count $ids.Count -Failed $runErrors.Count `
    -Wall $wall.Elapsed -FirstError (Get-FirstErrorText $runErrors)
