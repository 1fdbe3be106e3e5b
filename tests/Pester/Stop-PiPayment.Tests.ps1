BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Stop-PiPayment' {
    It 'cancels, and answers to Cancel-PiPayment' {
        (Stop-PiPayment (New-SandboxPayment $sandbox) -Confirm:$false).State | Should -Be 'Cancelled'
        (Cancel-PiPayment (New-SandboxPayment $sandbox) -Confirm:$false).State | Should -Be 'Cancelled'
    }

    It 'treats an already cancelled payment as success' {
        $id = New-SandboxPayment $sandbox
        Stop-PiPayment $id -Confirm:$false | Out-Null
        (Stop-PiPayment $id -Confirm:$false -ErrorVariable failed).State | Should -Be 'Cancelled'
        $failed | Should -BeNullOrEmpty
        Get-SandboxChanges $sandbox $id 'cancel' | Should -Be 1
    }

    It '-WhatIf sends nothing' {
        $id = New-SandboxPayment $sandbox
        Stop-PiPayment $id -WhatIf
        (Get-PiPayment $id).State | Should -Be 'AwaitingApproval'
    }

    It 'refuses once a transaction exists' {
        $id = New-SandboxPayment $sandbox -State ReadyToComplete
        Stop-PiPayment $id -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'payment_tx_present,PiPlatform.Commands.StopPiPaymentCommand'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match 'Complete-PiPayment'
    }

    It 'cancels the stale unfinished payments in bulk' {
        $stale = 1..4 | ForEach-Object { New-SandboxPayment $sandbox -State AwaitingTransaction }
        ($stale | Get-PiPayment | Where-Object State -eq AwaitingTransaction | Stop-PiPayment -Confirm:$false).State |
            Should -Be (@('Cancelled') * 4)
    }
}
