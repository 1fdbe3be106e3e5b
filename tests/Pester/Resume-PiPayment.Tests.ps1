# Stuck payments as a user resumes them: what the facts decide is done (completed, paid then completed, cancelled);
# what they do not is an error that says why, and nothing is changed for it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
    $script:nextPayee = Get-Random -Minimum 100000 -Maximum 800000
    function New-Payout([decimal] $Amount = 1) { New-PiPayment -Confirm:$false -UserUid "uid-payee-$(($script:nextPayee++))" -Amount $Amount -Memo 'stuck' }
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Resume-PiPayment' {
    BeforeEach { Reset-Sandbox $sandbox }

    It 'without input, completes the paid payouts and pays then completes the unpaid ones' {
        $paid = New-Payout | Submit-PiPayment -Confirm:$false
        $unpaid = New-Payout 2
        $open = @(Get-PiPayment -Incomplete)

        $done = Resume-PiPayment -Confirm:$false -ErrorVariable failed

        $failed | Should -BeNullOrEmpty
        @($done).Count | Should -Be $open.Count
        ($done | Where-Object Identifier -eq $paid.Identifier).TxId | Should -Be $paid.TxId
        $done.State | Sort-Object -Unique | Should -Be 'Completed'
        @(Get-PiPayment -Incomplete) | Should -BeNullOrEmpty
        (Get-PiPayment $unpaid.Identifier).TxId | Should -Match '^[0-9a-f]{64}$'
    }

    It 'with -Cancel, cancels the payouts no transaction pays and still completes the paid ones' {
        $paid = New-Payout | Submit-PiPayment -Confirm:$false
        $unpaid = New-Payout

        $done = $paid, (Get-PiPayment $unpaid.Identifier) | Resume-PiPayment -Cancel -Confirm:$false

        ($done | Where-Object Identifier -eq $paid.Identifier).State | Should -Be 'Completed'
        ($done | Where-Object Identifier -eq $unpaid.Identifier).State | Should -Be 'Cancelled'
    }

    It 'leaves what the facts do not decide, with the reason, per payment, and goes on' {
        $plain = Connect-PiPlatform -BaseUri $sandbox.BaseUri -HorizonUri $sandbox.BaseUri -ApiKey (ConvertTo-SecureString 'pi-sandbox-key' -AsPlainText -Force) -PassThru
        $unpaid = New-Payout
        $userPaid = New-SandboxPayment $sandbox -State ReadyToComplete

        $done = Resume-PiPayment -PaymentId $unpaid.Identifier, $userPaid -Connection $plain -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

        $done.Identifier | Should -Be $userPaid
        $done.State | Should -Be 'Completed'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'payment_not_resumable,PiPlatform.Commands.ResumePiPaymentCommand'
        $failed[0].TargetObject | Should -Be $unpaid.Identifier
        $failed[0].Exception.Message | Should -Match '-WalletSeed'
        (Get-PiPayment $unpaid.Identifier).State | Should -Be 'AwaitingTransaction'
        Disconnect-PiPlatform -Connection $plain
        Connect-PiPlatform -Sandbox $sandbox.BaseUri
    }

    It 'with -ErrorAction Stop, stops at the first payment it cannot decide' {
        $plain = Connect-PiPlatform -BaseUri $sandbox.BaseUri -HorizonUri $sandbox.BaseUri -ApiKey (ConvertTo-SecureString 'pi-sandbox-key' -AsPlainText -Force) -PassThru
        $unpaid = New-Payout
        { Resume-PiPayment -PaymentId $unpaid.Identifier -Connection $plain -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'payment_not_resumable,PiPlatform.Commands.ResumePiPaymentCommand'
        Disconnect-PiPlatform -Connection $plain
        Connect-PiPlatform -Sandbox $sandbox.BaseUri
    }
}
