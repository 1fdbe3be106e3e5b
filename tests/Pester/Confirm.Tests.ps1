# -Confirm through a host that really prompts (ScriptedHost.cs answers like a user at the keyboard), at
# ThrottleLimit 1 and 8: the questions come in input order, and exactly the payments answered Yes change.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
    Add-Type -Path (Join-Path $PSScriptRoot 'ScriptedHost.cs')

    function Invoke-Prompted([string[]] $Answers, [scriptblock] $Script, [object[]] $Arguments) {
        # A runspace on the scripted host, with the module imported and connected, running $Script.
        $scripted = [PiPlatformTests.ScriptedHost]::new($Answers)
        $runspace = [runspacefactory]::CreateRunspace($scripted)
        $runspace.Open()
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        try {
            $null = $ps.AddScript({
                    param($ModulePath, $BaseUri)
                    Import-Module (Join-Path $ModulePath 'PiPlatform.psd1')
                    Connect-PiPlatform -Sandbox $BaseUri
                }).AddArgument((Get-Module PiPlatform).ModuleBase).AddArgument($sandbox.BaseUri).Invoke()
            $ps.Commands.Clear()
            $null = $ps.AddScript($Script)
            foreach ($a in $Arguments) { $null = $ps.AddArgument($a) }
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = $output; Questions = $scripted.Questions; Lines = $scripted.Lines; Errors = @($ps.Streams.Error) }
        }
        finally {
            $ps.Dispose()
            $runspace.Dispose()
        }
    }
}

AfterAll { Complete-PiTest $sandbox }

Describe '-Confirm through a prompting host' {
    It 'asks before each payment in input order and cancels only those answered Yes (ThrottleLimit <_>)' -ForEach 1, 8 {
        $ids = @(1..5 | ForEach-Object { New-SandboxPayment $sandbox })
        $run = Invoke-Prompted -Answers 'Y', 'N', 'Y', 'L' -Arguments $ids, $_ -Script {
            param($ids, $throttle) $ids | Stop-PiPayment -ThrottleLimit $throttle
        }
        $run.Questions | Should -HaveCount 4
        for ($i = 0; $i -lt 4; $i++) { $run.Questions[$i] | Should -Match $ids[$i] }
        $run.Output.Identifier | Should -Be $ids[0], $ids[2]
        Get-SandboxChanges $sandbox $ids[0] 'cancel' | Should -Be 1
        Get-SandboxChanges $sandbox $ids[1] 'cancel' | Should -Be 0
        Get-SandboxChanges $sandbox $ids[2] 'cancel' | Should -Be 1
        $ids[3..4] | ForEach-Object { Get-SandboxChanges $sandbox $_ 'cancel' | Should -Be 0 }
    }

    It '"Yes to All" stops asking and changes the rest' {
        $ids = @(1..4 | ForEach-Object { New-SandboxPayment $sandbox })
        $run = Invoke-Prompted -Answers 'N', 'A' -Arguments (, $ids) -Script { param($ids) $ids | Approve-PiPayment -Confirm -ThrottleLimit 4 }
        $run.Questions | Should -HaveCount 2
        $run.Output.Identifier | Should -Be $ids[1..3]
        Get-SandboxChanges $sandbox $ids[0] 'approve' | Should -Be 0
    }

    It 'New-PiPayment (ConfirmImpact High) asks by default and sends nothing when told No' {
        $before = (Get-SandboxStats $sandbox).requests.total
        $run = Invoke-Prompted -Answers 'N' -Arguments @() -Script { New-PiPayment -UserUid uid-carol-0003 -Amount 1 -Memo 'asked' }
        $run.Questions | Should -HaveCount 1
        $run.Questions[0] | Should -Match 'uid-carol-0003'
        $run.Output | Should -BeNullOrEmpty
        (Get-SandboxStats $sandbox).requests.total | Should -Be $before
    }
}

Describe '-WhatIf shows the payout plan, on the host, and changes nothing' {
    It 'Submit-PiPayment says what it would pay, from which wallet, to whom' {
        $created = New-PiPayment -Confirm:$false -UserUid "uid-payee-$(Get-Random -Minimum 900000 -Maximum 999999)" -Amount 2.25 -Memo 'what if'
        $run = Invoke-Prompted -Answers @() -Arguments (, $created.Identifier) -Script {
            param($id) Get-PiPayment $id | Submit-PiPayment -WhatIf
        }
        $wallet = (Get-PiPlatformConnection | Where-Object IsDefault).WalletAddress
        $run.Lines | Should -Contain "What if: Performing the operation `"Pay 2.25 Pi from wallet $wallet to $($created.ToAddress) (sign and submit the blockchain transaction)`" on target `"$($created.Identifier)`"."
        (Get-PiPayment $created.Identifier).TxId | Should -BeNullOrEmpty
    }

    It 'Resume-PiPayment says for each payment what it would do and why' {
        $unpaid = New-PiPayment -Confirm:$false -UserUid "uid-payee-$(Get-Random -Minimum 900000 -Maximum 999999)" -Amount 1.5 -Memo 'stuck'
        $paid = New-PiPayment -Confirm:$false -UserUid "uid-payee-$(Get-Random -Minimum 900000 -Maximum 999999)" -Amount 1 -Memo 'paid' | Submit-PiPayment -Confirm:$false
        $run = Invoke-Prompted -Answers @() -Arguments (, @($unpaid.Identifier, $paid.Identifier)) -Script {
            param($ids) $ids | Get-PiPayment | Resume-PiPayment -WhatIf
        }
        $run.Lines | Should -HaveCount 2
        $run.Lines[0] | Should -Match "Pay 1.5 Pi to $($unpaid.ToAddress), then complete: no transaction on the chain pays it"
        $run.Lines[1] | Should -Match "Complete with txid $($paid.TxId): Pi links it to transaction"
        (Get-PiPayment $unpaid.Identifier).TxId | Should -BeNullOrEmpty
        (Get-PiPayment $paid.Identifier).State | Should -Not -Be 'Completed'
    }
}
