# The payout pipeline as a user runs it: create with Pi, pay on the chain (the sandbox plays Horizon), complete. The
# chain is read from the sandbox's Horizon endpoints, never from the module: one successful transaction per payment.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
    $script:wallet = (Get-PiPlatformConnection | Where-Object IsDefault).WalletAddress
    $script:nextPayee = Get-Random -Minimum 100000 -Maximum 800000

    function New-Payee { "uid-payee-$(($script:nextPayee++))" }

    function Get-PaidOnChain([string] $PaymentId) {
        # The wallet's successful transactions whose memo is the payment id, as Horizon lists them.
        $found = @(); $cursor = ''
        do {
            $page = Invoke-Sandbox $sandbox "/accounts/$wallet/transactions?order=asc&limit=200$cursor"
            $records = @($page._embedded.records)
            $found += @($records | Where-Object { $_.successful -and $_.memo -eq $PaymentId })
            if ($records.Count) { $cursor = "&cursor=$($records[-1].paging_token)" }
        } while ($records.Count -eq 200)
        , $found
    }

    function Get-WalletSequence { [long](Invoke-Sandbox $sandbox "/accounts/$wallet").sequence }
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Submit-PiPayment' {
    It 'pays a CSV of payouts end to end: Import-Csv | New-PiPayment | Submit-PiPayment | Complete-PiPayment' {
        $csv = Join-Path $TestDrive 'payouts.csv'
        1..3 | ForEach-Object { [pscustomobject]@{ UserUid = New-Payee; Amount = "1.$_"; Memo = "Reward $_" } } | Export-Csv $csv

        $done = Import-Csv $csv | New-PiPayment -Confirm:$false | Submit-PiPayment -Confirm:$false | Complete-PiPayment

        $done.Count | Should -Be 3
        $done.State | Should -Be (@('Completed') * 3)
        $done.Amount | Should -Be @(1.1, 1.2, 1.3)
        foreach ($p in $done) {
            $paid = Get-PaidOnChain $p.Identifier
            $paid.Count | Should -Be 1
            $paid[0].hash | Should -Be $p.TxId
        }
    }

    It 'emits the payment with its txid, typed, ready for Complete-PiPayment' {
        $paid = New-PiPayment -Confirm:$false -UserUid (New-Payee) -Amount 0.5 -Memo 'typed' | Submit-PiPayment -Confirm:$false
        $paid.PSObject.TypeNames[0] | Should -Be 'PiPlatform.Payment'
        $paid.TxId | Should -Match '^[0-9a-f]{64}$'
        $paid.FromAddress | Should -Be $wallet
    }

    It '-WhatIf sends nothing to Pi or Horizon (Confirm.Tests.ps1 reads what it says)' {
        $created = New-PiPayment -Confirm:$false -UserUid (New-Payee) -Amount 2.25 -Memo 'what if'
        $sequence = Get-WalletSequence
        $before = (Get-SandboxStats $sandbox).requests.total

        $created | Submit-PiPayment -WhatIf | Should -BeNullOrEmpty

        (Get-SandboxStats $sandbox).requests.total | Should -Be $before   # the sandbox counts Pi and Horizon requests, not its own
        Get-WalletSequence | Should -Be $sequence
        (Get-PaidOnChain $created.Identifier).Count | Should -Be 0
    }

    It 'refuses what is not a payable payout, per item, naming the payment, and goes on' {
        $userToApp = New-SandboxPayment $sandbox
        $good = New-PiPayment -Confirm:$false -UserUid (New-Payee) -Amount 1 -Memo 'good'

        $paid = $userToApp, $good.Identifier | Submit-PiPayment -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

        $paid.Identifier | Should -Be $good.Identifier
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'not_app_to_user,PiPlatform.Commands.SubmitPiPaymentCommand'
        $failed[0].TargetObject | Should -Be $userToApp
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses to pay a payment twice, and says to complete it instead' {
        $paid = New-PiPayment -Confirm:$false -UserUid (New-Payee) -Amount 1 -Memo 'twice' | Submit-PiPayment -Confirm:$false
        { $paid | Submit-PiPayment -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'payment_already_has_linked_txid,PiPlatform.Commands.SubmitPiPaymentCommand'
        (Get-PaidOnChain $paid.Identifier).Count | Should -Be 1
    }

    It 'reports Horizon''s refusals by their result code, with the next step, and goes on: <Code>' -ForEach @(
        @{ Code = 'op_no_destination'; Payee = { "uid-inactive-$(Get-Random -Minimum 100000 -Maximum 999999)" }; Amount = 1; Next = 'activate' }
        @{ Code = 'op_underfunded'; Payee = { New-Payee }; Amount = 5000000; Next = 'Fund the app wallet' }
    ) {
        $refused = New-PiPayment -Confirm:$false -UserUid (& $Payee) -Amount $Amount -Memo $Code
        $good = New-PiPayment -Confirm:$false -UserUid (New-Payee) -Amount 1 -Memo 'after'

        $paid = $refused, $good | Submit-PiPayment -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

        $paid.Identifier | Should -Be $good.Identifier
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be "$Code,PiPlatform.Commands.SubmitPiPaymentCommand"
        $failed[0].TargetObject | Should -Be $refused.Identifier
        $failed[0].Exception.Message | Should -Match "Result codes: tx_failed, $Code"
        $failed[0].ErrorDetails.RecommendedAction | Should -Match $Next
        (Get-PaidOnChain $refused.Identifier).Count | Should -Be 0
    }

    It 'stops before any input on a connection without a wallet, and says how to give one' {
        $plain = Connect-PiPlatform -BaseUri $sandbox.BaseUri -HorizonUri $sandbox.BaseUri -ApiKey (ConvertTo-SecureString 'pi-sandbox-key' -AsPlainText -Force) -PassThru
        $plain.WalletAddress | Should -BeNullOrEmpty
        $err = { 'any-id' | Submit-PiPayment -Connection $plain -Confirm:$false } | Should -Throw -ErrorId 'wallet_not_configured,PiPlatform.Commands.SubmitPiPaymentCommand' -PassThru
        $err.Exception.Message | Should -Match 'Connect-PiPlatform -WalletSeed'
        Disconnect-PiPlatform -Connection $plain
        Connect-PiPlatform -Sandbox $sandbox.BaseUri
    }

    It 'pays each payment exactly once when a third of the submit answers are lost after the transaction is applied' {
        $created = 1..30 | ForEach-Object { [pscustomobject]@{ UserUid = New-Payee; Amount = 0.0000001; Memo = 'lossy' } } | New-PiPayment -Confirm:$false
        Invoke-Sandbox $sandbox '/sandbox/faults' -Method POST -Body @{ action = 'reset'; after_processing = $true; method = 'POST'; path_contains = '/transactions'; rate = 0.33; seed = 7 } | Out-Null
        try {
            $paid = $created | Submit-PiPayment -Confirm:$false -MaximumRetryCount 10 -RetryIntervalSec 0 -ErrorVariable failed
        }
        finally {
            Invoke-RestMethod -Method DELETE -Uri ([uri]::new($sandbox.BaseUri, '/sandbox/faults')) | Out-Null
        }
        $failed | Should -BeNullOrEmpty
        $paid.Count | Should -Be 30
        foreach ($p in $paid) { (Get-PaidOnChain $p.Identifier).Count | Should -Be 1 }
        (Get-SandboxStats $sandbox).faults.injected | Should -BeGreaterThan 0
    }

    It 'pays 100 payouts piped at ThrottleLimit 32 without a clash on sequence numbers' {
        $created = 1..100 | ForEach-Object { [pscustomobject]@{ UserUid = New-Payee; Amount = 0.0000001; Memo = 'bulk' } } | New-PiPayment -Confirm:$false
        $sequence = Get-WalletSequence

        $paid = $created | Submit-PiPayment -Confirm:$false -ThrottleLimit 32 -ErrorVariable failed

        $failed | Should -BeNullOrEmpty
        $paid.Identifier | Should -Be $created.Identifier
        Get-WalletSequence | Should -Be ($sequence + 100)
        @($paid.TxId | Sort-Object -Unique).Count | Should -Be 100
    }
}

Describe 'The wallet seed' {
    It 'is checked at connect, and a bad one is refused without being shown' {
        $typo = 'SAWRZ3TSRLRQ2SLB4RJ7UWFB5JWDQPRQYMSWZO4PUMPQGECHVK23IJSA'
        $err = { Connect-PiPlatform -Sandbox $sandbox.BaseUri -WalletSeed (ConvertTo-SecureString $typo -AsPlainText -Force) } |
            Should -Throw -ErrorId 'invalid_wallet_seed,PiPlatform.Commands.ConnectPiPlatformCommand' -PassThru
        ($err | Out-String) + $err.Exception.ToString() | Should -Not -Match $typo.Substring(1, 16)
    }

    It 'comes from $env:PI_WALLET_SEED when -WalletSeed is not given' {
        $env:PI_WALLET_SEED = 'SATWYBE5EXMIJWRAOJK2IK34QN7WIAHW4RZ4KH2HFKWXWM53GWULKYRR'
        try {
            $c = Connect-PiPlatform -BaseUri $sandbox.BaseUri -ApiKey (ConvertTo-SecureString 'pi-sandbox-key' -AsPlainText -Force) -PassThru
            $c.WalletAddress | Should -Be 'GAGVQWIUCKEMIAYF4IB2DQFXE6OJXNAPSLCY4B4HLIUDFM4RNZK6AX3M'
            Disconnect-PiPlatform -Connection $c
            Connect-PiPlatform -Sandbox $sandbox.BaseUri
        }
        finally { Remove-Item env:PI_WALLET_SEED }
    }

    It 'appears in no stream, error or object while paying' {
        $seed = 'SAWRZ3TSRLRQ2SLB4RJ7UWFB5JWDQPRQYMSWZO4PUMPQGECHVK23IJSF'
        $c = Connect-PiPlatform -Sandbox $sandbox.BaseUri -WalletSeed (ConvertTo-SecureString $seed -AsPlainText -Force) -PassThru -Verbose 4>&1
        $payee = New-Payee
        $everything = & {
            $c
            $c | Format-List * | Out-String
            New-PiPayment -Confirm:$false -UserUid $payee -Amount 1 -Memo 'secret' -Connection $c[-1] |
                Submit-PiPayment -Connection $c[-1] -Confirm:$false -Verbose -Debug |
                Complete-PiPayment -Connection $c[-1] -Verbose -Debug
            'not-a-payment' | Submit-PiPayment -Connection $c[-1] -Confirm:$false -ErrorAction Continue
            $Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }
        } *>&1 | Out-String
        $everything | Should -Match 'Payment .*: signed transaction [0-9a-f]{64}'
        $everything | Should -Not -Match $seed.Substring(1, 16)
        Disconnect-PiPlatform -Connection $c[-1]
        Connect-PiPlatform -Sandbox $sandbox.BaseUri
    }
}
