BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Complete-PiPayment' {
    It 'the user story: incomplete payments ready to complete, -WhatIf first, then for real' {
        $before = Get-SandboxPayments $sandbox | ConvertTo-Json -Depth 10
        $ready = Get-PiPayment -Incomplete | Where-Object State -eq ReadyToComplete
        $ready | Should -Not -BeNullOrEmpty
        $ready | Complete-PiPayment -WhatIf | Should -BeNullOrEmpty
        Get-SandboxPayments $sandbox | ConvertTo-Json -Depth 10 | Should -Be $before

        $done = Get-PiPayment -Incomplete | Where-Object State -eq ReadyToComplete | Complete-PiPayment
        $done.State | Should -Be (@('Completed') * @($ready).Count)
        Get-PiPayment -Incomplete | Where-Object State -eq ReadyToComplete | Should -BeNullOrEmpty
    }

    It 'takes the txid from a piped payment' {
        $id = New-SandboxPayment $sandbox -State ReadyToComplete
        $p = Get-PiPayment $id
        ($p | Complete-PiPayment).Transaction.TxId | Should -Be $p.Transaction.TxId
    }

    It 'reads the txid when given only an id' {
        $id = New-SandboxPayment $sandbox -State ReadyToComplete
        $p = Complete-PiPayment $id -Verbose 4>&1
        ($p | Where-Object { $_ -is [PiPlatform.Payment] }).State | Should -Be 'Completed'
        ($p | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match "using its transaction's txid"
    }

    It 'says there is no txid yet for a payment without a transaction' {
        $id = New-SandboxPayment $sandbox -State AwaitingTransaction
        Complete-PiPayment $id -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'missing_txid,PiPlatform.Commands.CompletePiPaymentCommand'
        $failed[0].TargetObject | Should -Be $id
    }

    It 'is idempotent with the same txid and refuses another' {
        $id = New-SandboxPayment $sandbox -State ReadyToComplete
        $txid = (Get-PiPayment $id).TxId
        Complete-PiPayment $id -TxId $txid | Out-Null
        $again = Complete-PiPayment $id -TxId $txid -Verbose 4>&1
        ($again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "Payment $id was already completed with this txid: nothing to complete."
        Get-SandboxChanges $sandbox $id 'complete' | Should -Be 1
        Complete-PiPayment $id -TxId ('f' * 64) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'already_completed,PiPlatform.Commands.CompletePiPaymentCommand'
    }

    It 'refuses an unverified transaction with the API''s code' {
        $id = New-SandboxPayment $sandbox -State TransactionUnverified
        Complete-PiPayment $id -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'not_verified,PiPlatform.Commands.CompletePiPaymentCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'binds a CSV of ids and txids' {
        $rows = 1..2 | ForEach-Object {
            $id = New-SandboxPayment $sandbox -State ReadyToComplete
            [pscustomobject]@{ Identifier = $id; TxId = (Get-PiPayment $id).TxId }
        }
        $csv = Join-Path $TestDrive 'complete.csv'
        $rows | Export-Csv $csv
        (Import-Csv $csv | Complete-PiPayment).State | Should -Be 'Completed', 'Completed'
    }
}
