<#
.SYNOPSIS
    The main job, end to end against a local sandbox: review the app's pending payments and, through the
    pipeline, approve those awaiting approval and complete those whose transaction is verified. Prints a
    before/after table. Run it with: dotnet pwsh ./build.ps1 -Task Demo

.PARAMETER ModulePath
    The built module folder (out/PiPlatform/<version>); build.ps1 passes it.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'PiPlatform.psd1')

$sandbox = Start-PiSandbox -Seed 14
try {
    Connect-PiPlatform -Sandbox $sandbox.BaseUri
    Write-Host "Sandbox at $($sandbox.BaseUri) (process $($sandbox.ProcessId))" -ForegroundColor Cyan

    # The app's own records hold the ids of its user-to-app payments (Pi lists only its A2U ones); here the
    # sandbox stands in for those records.
    $ids = (Invoke-RestMethod ([uri]::new($sandbox.BaseUri, '/sandbox/payments'))).payments.identifier
    $before = $ids | Get-PiPayment

    Write-Host "`nBefore:" -ForegroundColor Cyan
    # Amounts as text: a table column of a decimal would be rounded for display, and money should not be.
    $amount = @{ Name = 'Amount'; Expression = { $_.Amount.ToString([cultureinfo]::InvariantCulture) }; Align = 'Right' }
    $before | Sort-Object State | Format-Table Identifier, State, $amount, Direction -AutoSize | Out-String -Width 160 | Write-Host

    # Approve what awaits approval; complete what has a verified transaction. The same pipeline, with -WhatIf,
    # shows what it would do without doing it.
    $approved = $before | Where-Object State -eq AwaitingApproval | Approve-PiPayment
    $completed = $before | Where-Object State -eq ReadyToComplete | Complete-PiPayment
    # The app's own unfinished app-to-user payments, from Pi's list, get the same treatment.
    $completed += Get-PiPayment -Incomplete | Where-Object State -eq ReadyToComplete | Complete-PiPayment

    $after = $ids | Get-PiPayment
    Write-Host "After (approved $(@($approved).Count), completed $(@($completed).Count)):" -ForegroundColor Cyan
    $changed = @($approved.Identifier) + @($completed.Identifier)
    $after | Sort-Object State | Format-Table Identifier,
        @{ Name = 'Was'; Expression = { $id = $_.Identifier; ($before | Where-Object Identifier -eq $id).State } },
        @{ Name = 'Now'; Expression = { $_.State } }, $amount,
        @{ Name = 'Changed'; Expression = { if ($_.Identifier -in $changed) { 'yes' } else { '' } } } -AutoSize | Out-String -Width 160 | Write-Host

    Write-Host 'States, before -> after:' -ForegroundColor Cyan
    $summary = foreach ($state in [PiPlatform.PaymentState].GetEnumNames()) {
        [pscustomobject]@{
            State  = $state
            Before = @($before | Where-Object State -eq $state).Count
            After  = @($after | Where-Object State -eq $state).Count
        }
    }
    $summary | Format-Table | Out-String -Width 160 | Write-Host
}
finally {
    Disconnect-PiPlatform
    $sandbox | Stop-PiSandbox
}
