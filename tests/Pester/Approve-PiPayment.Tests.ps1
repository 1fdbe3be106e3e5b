BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Approve-PiPayment' {
    It 'approves and emits the updated payment' {
        $id = New-SandboxPayment $sandbox
        $p = Approve-PiPayment -PaymentId $id
        $p.State | Should -Be 'AwaitingTransaction'
        $p.Status.DeveloperApproved | Should -BeTrue
        Get-SandboxChanges $sandbox $id 'approve' | Should -Be 1
    }

    It 'takes piped payments (bound by Identifier)' {
        $ids = 1..3 | ForEach-Object { New-SandboxPayment $sandbox }
        ($ids | Get-PiPayment | Approve-PiPayment).State | Should -Be (@('AwaitingTransaction') * 3)
    }

    It 'treats a second approve as success with a verbose line, and changes nothing more (sandbox answers <_>)' -ForEach 'error', 'ok' {
        Invoke-Sandbox $sandbox '/sandbox/config' -Method POST -Body @{ repeat_approve = $_ } | Out-Null
        try {
            $id = New-SandboxPayment $sandbox
            Approve-PiPayment $id | Out-Null
            $output = Approve-PiPayment $id -Verbose -ErrorVariable failed 4>&1
            $failed | Should -BeNullOrEmpty
            ($output | Where-Object { $_ -is [PiPlatform.Payment] }).Status.DeveloperApproved | Should -BeTrue
            $verbose = ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
            if ($_ -eq 'error') {
                $verbose | Should -Contain "Payment $id was already approved: nothing to approve."
            }
            else {
                # A 200 to a repeat of a bare id looks like a first approve: the line says what Pi answered.
                @($verbose -match "^Payment ${id}: POST /v2/payments/$id/approve -> 200").Count | Should -Be 1
            }
            # A piped payment shows it was approved, so the repeat is named whatever Pi answers.
            $piped = Get-PiPayment $id | Approve-PiPayment -Verbose 4>&1
            ($piped | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "Payment $id was already approved: nothing to approve."
            Get-SandboxChanges $sandbox $id 'approve' | Should -Be 1
        }
        finally {
            Invoke-Sandbox $sandbox '/sandbox/config' -Method POST -Body @{ repeat_approve = 'error' } | Out-Null
        }
    }

    It '-WhatIf sends nothing' {
        $ids = 1..3 | ForEach-Object { New-SandboxPayment $sandbox }
        $before = (Get-SandboxStats $sandbox).requests.by_route.'POST /v2/payments/{id}/approve'
        $ids | Approve-PiPayment -WhatIf | Should -BeNullOrEmpty
        (Get-SandboxStats $sandbox).requests.by_route.'POST /v2/payments/{id}/approve' | Should -Be $before
        $ids | ForEach-Object { Get-SandboxChanges $sandbox $_ 'approve' | Should -Be 0 }
    }

    It 'one bad payment in ten does not stop the other nine' {
        $ids = [System.Collections.Generic.List[string]](1..9 | ForEach-Object { New-SandboxPayment $sandbox })
        $cancelled = New-SandboxPayment $sandbox
        Stop-PiPayment $cancelled -Confirm:$false | Out-Null
        $ids.Insert(4, $cancelled)
        $out = $ids | Approve-PiPayment -ErrorVariable failed -ErrorAction SilentlyContinue
        $out | Should -HaveCount 9
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'cancelled_payment,PiPlatform.Commands.ApprovePiPaymentCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failed[0].TargetObject | Should -Be $cancelled
        $failed[0].ErrorDetails.RecommendedAction | Should -Match 'new one'
    }

    It '-ErrorAction Stop with -ThrottleLimit 1 stops at the bad payment before the next is sent' {
        $cancelled = New-SandboxPayment $sandbox
        Stop-PiPayment $cancelled -Confirm:$false | Out-Null
        $after = New-SandboxPayment $sandbox
        { $cancelled, $after | Approve-PiPayment -ThrottleLimit 1 -ErrorAction Stop } | Should -Throw -ErrorId 'cancelled_payment,PiPlatform.Commands.ApprovePiPaymentCommand'
        Get-SandboxChanges $sandbox $after 'approve' | Should -Be 0
    }
}
