<#
.SYNOPSIS
    The module as a user runs it: ids piped through Get-PiPayment or Approve-PiPayment into Out-Null.
.DESCRIPTION
    A benchmark client (bench/README.md, "The client protocol"). Startup is Import-Module, Connect-PiPlatform and one
    Get-PiPayment of -WarmupId (left out when -WarmupId is not given: the memory run measures growth from just after
    the connect). -ThrottleLimit is passed only when the cmdlet has it; the result says whether it did.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $IdsPath,
    [Parameter(Mandatory)] [ValidateSet('get', 'approve')] [string] $Op,
    [Parameter(Mandatory)] [int] $Width,
    [string] $WarmupId
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'ClientProtocol.ps1')

$startup = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module $ModulePath
Connect-PiPlatform -Sandbox $BaseUri
if ($WarmupId) { Get-PiPayment -PaymentId $WarmupId | Out-Null }
$startup.Stop()

$command = if ($Op -eq 'get') { 'Get-PiPayment' } else { 'Approve-PiPayment' }
$hasThrottleLimit = (Get-Command $command).Parameters.ContainsKey('ThrottleLimit')
$throttle = if ($hasThrottleLimit) { @{ ThrottleLimit = $Width } } else { @{} }
$ids = [System.IO.File]::ReadAllLines($IdsPath)

Write-ReadyAndWaitForGo $startup.Elapsed
$runErrors = $null
$wall = [System.Diagnostics.Stopwatch]::StartNew()
if ($Op -eq 'get') {
    $ids | Get-PiPayment @throttle -ErrorAction SilentlyContinue -ErrorVariable runErrors | Out-Null
}
else {
    $ids | Approve-PiPayment @throttle -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable runErrors | Out-Null
}
$wall.Stop()

Write-ResultAndWaitForRelease -Client 'module' -Op $Op -Width $Width -Count $ids.Count -Failed $runErrors.Count `
    -Wall $wall.Elapsed -FirstError (Get-FirstErrorText $runErrors) -Extra @{ throttle_limit = $hasThrottleLimit }
