# Exactly once under faults: thousands of changes piped through at ThrottleLimit 16 while the sandbox faults a fifth
# of all requests, every kind mixed (5xx before and after the change, HTML and empty bodies, resets before and after,
# truncated answers, answers slower than the timeout, 429 with Retry-After in both forms). The sandbox's own count of
# real changes is the judge: nothing lost, nothing doubled, and no input reported failed that in fact happened.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-PiPlatformUnderTest
    $script:sandbox = Start-PiSandbox
    # A short timeout, so the answers delayed past it are timeouts; retries start at once (the backoff is jittered
    # from 0), so the test spends its time on faults, not on waiting.
    Connect-PiPlatform -Sandbox $sandbox.BaseUri -TimeoutSec 2 -MaximumRetryCount 5 -RetryIntervalSec 0

    function Add-MixedFaults([string] $PathContains, [int] $Seed) {
        # Rates adding up to 20 % of matching requests, each kind with its own reproducible draw.
        $past = [DateTimeOffset]::UtcNow.AddMinutes(-1).ToString('r', [cultureinfo]::InvariantCulture)
        $faults = @(
            @{ status = 503; rate = 0.04 }
            @{ status = 502; content_type = 'text/html'; body = '<html><h1>502 Bad Gateway</h1></html>'; after_processing = $true; rate = 0.04 }
            @{ action = 'reset'; rate = 0.03 }
            @{ action = 'reset'; after_processing = $true; rate = 0.03 }
            @{ action = 'truncate'; rate = 0.02 }
            @{ status = 500; rate = 0.02 }
            @{ action = 'delay'; delay_ms = 2500; rate = 0.01 }
            @{ status = 429; retry_after = '0'; rate = 0.005 }
            @{ status = 429; retry_after = $past; rate = 0.005 }
        )
        $n = 0
        foreach ($fault in $faults) {
            $fault.path_contains = $PathContains
            $fault.seed = $Seed + $n++
            Invoke-Sandbox $sandbox '/sandbox/faults' -Method POST -Body $fault | Out-Null
        }
    }

    function Get-ChangeCounts([string] $Kind) {
        # payment id -> how many real changes of that kind the sandbox made.
        $counts = @{}
        foreach ($p in (Get-SandboxStats $sandbox).changes.by_payment.PSObject.Properties) { $counts[$p.Name] = [int]$p.Value.$Kind }
        $counts
    }

    function Assert-ExactlyOnce($Inputs, $Outputs, $Failed, [string] $Kind) {
        # Every input gave exactly one output or one error naming it. (ForEach-Object, not member access: an empty
        # $Failed.TargetObject is one $null, which would count as a name.)
        $named = @($Outputs | ForEach-Object Identifier) + @($Failed | ForEach-Object TargetObject)
        $named.Count | Should -Be $Inputs.Count
        ($named | Sort-Object -Unique).Count | Should -Be $Inputs.Count
        @($named | Where-Object { $_ -notin $Inputs }) | Should -BeNullOrEmpty
        $counts = Get-ChangeCounts $Kind
        # Never doubled; every success really happened once; every failure other than "state unknown" really did not.
        @($Inputs | Where-Object { $counts[$_] -gt 1 }) | Should -BeNullOrEmpty
        @($Outputs | Where-Object { $counts[$_.Identifier] -ne 1 }) | Should -BeNullOrEmpty
        @($Failed | Where-Object { $_.FullyQualifiedErrorId -notlike 'payment_state_unknown,*' -and $counts[$_.TargetObject] -ne 0 }) | Should -BeNullOrEmpty
    }

    function Write-Figures([string] $What, [int] $Inputs, $Outputs, $Failed, $Before, [string] $ReadRoute, [int] $Changes) {
        # The README's Reliability table comes from these lines; the assertions above are what makes them true.
        $after = Get-SandboxStats $sandbox
        $requests = $after.requests.total - $Before.requests.total
        $reads = [int]$after.requests.by_route.$ReadRoute - [int]$Before.requests.by_route.$ReadRoute
        $figures = [ordered]@{
            run = $What; inputs = $Inputs; outputs = @($Outputs).Count; errors = @($Failed).Count
            state_unknown = @($Failed | Where-Object { $_.FullyQualifiedErrorId -like 'payment_state_unknown,*' }).Count
            requests = $requests; read_backs = $reads; resent = $requests - $Inputs - $reads
            faults_injected = $after.faults.injected; by_action = $after.faults.by_action; real_changes = $Changes; lost = 0; doubled = 0
        }
        Write-Host "Reliability figures: $($figures | ConvertTo-Json -Compress)"
    }
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Exactly once under faults, at ThrottleLimit 16' {
    It '1,000 approvals: each payment approved exactly once, each input one output or one error' {
        Reset-Sandbox $sandbox -Seed 7000
        $ids = @(Get-SandboxPayments $sandbox | Where-Object { -not $_.status.developer_approved -and -not $_.status.cancelled -and -not $_.status.user_cancelled -and $_.direction -eq 'user_to_app' }).identifier
        $ids.Count | Should -Be 1000
        Add-MixedFaults '/v2/payments' -Seed 100
        $before = Get-SandboxStats $sandbox

        $out = $ids | Approve-PiPayment -ThrottleLimit 16 -ErrorAction SilentlyContinue -ErrorVariable failed

        Assert-ExactlyOnce $ids $out $failed 'approve'
        @($out).Count | Should -BeGreaterThan 950
        (Get-SandboxStats $sandbox).faults.injected | Should -BeGreaterThan 150
        Write-Figures 'approve' $ids.Count $out $failed $before 'GET /v2/payments/{id}' (Get-SandboxStats $sandbox).changes.total
    }

    It '1,000 completions: each payment completed exactly once with its own txid' {
        Reset-Sandbox $sandbox -Seed 7000
        $ready = @(Get-PiPayment -PaymentId (Get-SandboxPayments $sandbox).identifier | Where-Object { $_.State -eq 'ReadyToComplete' -and $_.Direction -eq 'UserToApp' })
        $ready.Count | Should -Be 1000
        Add-MixedFaults '/v2/payments' -Seed 200
        $before = Get-SandboxStats $sandbox

        $out = $ready | Complete-PiPayment -ThrottleLimit 16 -ErrorAction SilentlyContinue -ErrorVariable failed

        Assert-ExactlyOnce $ready.Identifier $out $failed 'complete'
        @($out).Count | Should -BeGreaterThan 950
        foreach ($p in $out) { $p.State | Should -Be 'Completed' }
        $txids = @{}; foreach ($p in $ready) { $txids[$p.Identifier] = $p.TxId }
        @($out | Where-Object { $_.TxId -ne $txids[$_.Identifier] }) | Should -BeNullOrEmpty
        Write-Figures 'complete' $ready.Count $out $failed $before 'GET /v2/payments/{id}' (Get-SandboxStats $sandbox).changes.total
    }

    It '200 app-to-user payouts: no user ever gets two payments' {
        Reset-Sandbox $sandbox -Seed 0
        $rows = 1..200 | ForEach-Object { [pscustomobject]@{ UserUid = "uid-payee-$_"; Amount = [decimal]"0.$_"; Memo = "payout $_"; Metadata = @{ row = $_ } } }
        Add-MixedFaults '/v2/payments' -Seed 300
        $before = Get-SandboxStats $sandbox

        $out = $rows | New-PiPayment -Confirm:$false -ThrottleLimit 16 -ErrorAction SilentlyContinue -ErrorVariable failed

        @($out).Count + @($failed).Count | Should -Be 200
        $byUser = Get-SandboxPayments $sandbox | Where-Object { $_.user_uid -like 'uid-payee-*' } | Group-Object user_uid -AsHashTable -AsString
        @($byUser.Values | Where-Object { @($_).Count -gt 1 }) | Should -BeNullOrEmpty
        foreach ($p in $out) {
            @($byUser[$p.UserUid]).Count | Should -Be 1
            $byUser[$p.UserUid][0].identifier | Should -Be $p.Identifier
            $p.Amount | Should -Be ([decimal]"0.$($p.UserUid -replace '^uid-payee-')")
        }
        foreach ($e in @($failed | Where-Object { $_.FullyQualifiedErrorId -notlike 'payment_state_unknown,*' })) {
            $byUser.ContainsKey([string]$e.TargetObject) | Should -BeFalse
        }
        @($out).Count | Should -BeGreaterThan 180
        Write-Figures 'create' 200 $out $failed $before 'GET /v2/payments/incomplete_server_payments' $byUser.Count
    }
}
