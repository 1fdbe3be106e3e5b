BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
}

AfterAll { Complete-PiTest $sandbox }

Describe 'New-PiPayment' {
    It 'creates an app-to-user payment with exact amount and hashtable metadata' {
        $p = New-PiPayment -UserUid uid-carol-0003 -Amount 0.1234567 -Memo 'Prize' -Metadata @{ campaign = 'spring'; tier = @{ level = 2 } } -Confirm:$false
        $p.Direction | Should -Be 'AppToUser'
        $p.Amount | Should -Be 0.1234567
        $p.Metadata.tier.level | Should -Be 2
        $p.State | Should -Be 'AwaitingTransaction'
        (Get-PiPayment -Incomplete).Identifier | Should -Contain $p.Identifier
    }

    It 'surfaces the existing payment when the user has one ongoing' {
        $existing = (Get-PiPayment -Incomplete | Where-Object UserUid -eq 'uid-carol-0003')[0]
        New-PiPayment uid-carol-0003 1 'Again' -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'ongoing_payment_found,PiPlatform.Commands.NewPiPaymentCommand'
        $failed[0].TargetObject | Should -BeOfType [PiPlatform.Payment]
        $failed[0].TargetObject.Identifier | Should -Be $existing.Identifier
        $failed[0].Exception.Payment.Identifier | Should -Be $existing.Identifier
    }

    It '-WhatIf sends nothing' {
        $before = (Get-SandboxStats $sandbox).requests.by_route.'POST /v2/payments'
        New-PiPayment uid-alice-0001 1 'x' -WhatIf
        (Get-SandboxStats $sandbox).requests.by_route.'POST /v2/payments' | Should -Be $before
    }

    It 'keeps an amount from a CSV cell exact, and refuses one it cannot read exactly' {
        $id = (Get-PiPayment -Incomplete | Where-Object UserUid -eq 'uid-carol-0003').Identifier
        Stop-PiPayment $id -Confirm:$false | Out-Null
        $csv = Join-Path $TestDrive 'amounts.csv'
        @(
            [pscustomobject]@{ UserUid = 'uid-carol-0003'; Amount = '0,5'; Memo = 'comma' }
            [pscustomobject]@{ UserUid = 'uid-carol-0003'; Amount = '123456789.1234567'; Memo = 'exact' }
        ) | Export-Csv $csv
        $made = Import-Csv $csv | New-PiPayment -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $made.Amount | Should -Be ([decimal]::Parse('123456789.1234567', [cultureinfo]::InvariantCulture))
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Match "'0,5' is not an amount"
        { New-PiPayment uid-carol-0003 (0.1 + 0.2) 'binary' -Confirm:$false } | Should -Throw '*cannot hold*'
    }

    It 'binds Import-Csv rows and reports each failure with the API''s code' {
        $csv = Join-Path $TestDrive 'payouts.csv'
        @(
            [pscustomobject]@{ UserUid = 'uid-nobody'; Amount = '1'; Memo = 'a' }
            [pscustomobject]@{ UserUid = 'uid-dave-0004'; Amount = '1'; Memo = 'b' }
        ) | Export-Csv $csv
        Import-Csv $csv | New-PiPayment -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed.FullyQualifiedErrorId | Should -Be 'user_not_found,PiPlatform.Commands.NewPiPaymentCommand', 'missing_wallet,PiPlatform.Commands.NewPiPaymentCommand'
        $failed[0].TargetObject | Should -Be 'uid-nobody'
    }

    It 'refuses a bad amount before sending' {
        $before = (Get-SandboxStats $sandbox).requests.total
        New-PiPayment uid-dave-0004 0.00000001 'x' -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'invalid_amount,*'
        (Get-SandboxStats $sandbox).requests.total | Should -Be $before
    }

    It 'accepts metadata as a JSON string and refuses a non-object' {
        $id = (Get-PiPayment -Incomplete | Where-Object UserUid -eq 'uid-carol-0003').Identifier
        Stop-PiPayment $id -Confirm:$false | Out-Null
        (New-PiPayment uid-carol-0003 2 'json' -Metadata '{"a":[1,2]}' -Confirm:$false).Metadata.a | Should -Be 1, 2
        New-PiPayment uid-carol-0003 2 'x' -Metadata 42 -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'invalid_metadata,*'
        $failed[0].TargetObject | Should -Be 'uid-carol-0003'
    }

    It 'reads an empty Metadata cell of Import-Csv as no metadata' {
        $id = (Get-PiPayment -Incomplete | Where-Object UserUid -eq 'uid-carol-0003').Identifier
        Stop-PiPayment $id -Confirm:$false | Out-Null
        $csv = Join-Path $TestDrive 'no-metadata.csv'
        [pscustomobject]@{ UserUid = 'uid-carol-0003'; Amount = '1'; Memo = 'plain'; Metadata = '' } | Export-Csv $csv
        $p = Import-Csv $csv | New-PiPayment -Confirm:$false
        $p.Memo | Should -Be 'plain'
        $p.Metadata.Count | Should -Be 0
    }
}
