# -ThrottleLimit as a user sees it: order, streaming, bounded concurrency and connections, Ctrl+C, -WhatIf,
# -ErrorAction Stop, 429 pauses, the rate cap and progress. Every claim is read off the sandbox (its request
# log, in-flight peak and connection count) or off the pipeline itself, never off a stopwatch alone.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
    Reset-Sandbox $sandbox -Seed 300
    $script:ids = @(Get-SandboxPayments $sandbox | Select-Object -ExpandProperty identifier)

    function Get-ApiLog {
        # The sandbox's log of /v2 requests since the last reset, oldest first.
        (Invoke-Sandbox $sandbox '/sandbox/requests').requests
    }

    function New-Approvable([int] $Count) {
        @(1..$Count | ForEach-Object { New-SandboxPayment $sandbox })
    }
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Bulk work with -ThrottleLimit' {
    BeforeEach {
        Reset-Sandbox $sandbox -Seed 300
    }

    It 'keeps input order, errors included, while answers come back in random order' {
        Set-SandboxConfig $sandbox @{ latency_ms = 2; latency_jitter_ms = 40 }
        $inputs = [System.Collections.Generic.List[string]]$ids[0..149]
        $inputs.Insert(20, 'NoSuchPayment-1')
        $inputs.Insert(90, 'NoSuchPayment-2')

        $out = $inputs | Get-PiPayment -ThrottleLimit 16 -ErrorAction Continue 2>&1

        $named = $out | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.TargetObject } else { $_.Identifier } }
        $named -join ',' | Should -Be ($inputs -join ',')
        # Proof that the answers really overtook each other: the server finished them out of input order.
        $answered = (Get-ApiLog | Sort-Object answered_ms).path -replace '^/v2/payments/', ''
        $answered -join ',' | Should -Not -Be ($inputs -join ',')
    }

    It 'keeps input order for state changes too' {
        $approvable = New-Approvable 40
        Set-SandboxConfig $sandbox @{ latency_jitter_ms = 30 }
        ($approvable | Approve-PiPayment -ThrottleLimit 8).Identifier -join ',' | Should -Be ($approvable -join ',')
    }

    It 'writes the first result before it has read the last input' {
        Set-SandboxConfig $sandbox @{ latency_ms = 5 }
        $script:read = 0
        $script:readAtFirst = $null
        & { foreach ($id in $ids[0..199]) { $script:read++; $id } } |
            Get-PiPayment -ThrottleLimit 4 |
            ForEach-Object { if ($null -eq $script:readAtFirst) { $script:readAtFirst = $script:read } }
        $script:readAtFirst | Should -BeLessThan 40
        $script:read | Should -Be 200
    }

    It 'has at most ThrottleLimit requests in flight, and really runs them at once' -ForEach 1, 5 {
        Set-SandboxConfig $sandbox @{ latency_ms = 25 }
        $ids[0..59] | Get-PiPayment -ThrottleLimit $_ | Should -HaveCount 60
        $peak = (Get-SandboxStats $sandbox).in_flight.peak
        $peak | Should -BeLessOrEqual $_
        $peak | Should -BeGreaterOrEqual ([Math]::Min($_, 3))
    }

    It 'opens about ThrottleLimit connections, not one per request' {
        $connection = Connect-PiPlatform -Sandbox $sandbox.BaseUri -PassThru
        try {
            Reset-Sandbox $sandbox -Seed 300
            Set-SandboxConfig $sandbox @{ latency_ms = 5 }
            $ids[0..199] | Get-PiPayment -ThrottleLimit 8 -Connection $connection | Should -HaveCount 200
            # The module's pool, plus one each for the two test calls to /sandbox/ around it.
            (Get-SandboxStats $sandbox).connections.accepted | Should -BeLessOrEqual 10
        }
        finally {
            Disconnect-PiPlatform -Connection $connection
            Connect-PiPlatform -Sandbox $sandbox.BaseUri
        }
    }

    It 'names the item first in every -Verbose line' {
        $verbose = $ids[0..5] | Get-PiPayment -ThrottleLimit 4 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose | Should -HaveCount 6
        foreach ($line in $verbose.Message) {
            $line | Should -Match '^Payment (\S+): GET /v2/payments/\1 -> 200'
        }
    }

    It '-WhatIf sends nothing at ThrottleLimit <_>' -ForEach 1, 4, 64 {
        # Made through the sandbox's user side: no /v2 request, so the count below starts at 0.
        $approvable = New-Approvable 6
        $approvable | Approve-PiPayment -WhatIf -ThrottleLimit $_ | Should -BeNullOrEmpty
        $approvable | Complete-PiPayment -WhatIf -ThrottleLimit $_ | Should -BeNullOrEmpty
        $approvable | Stop-PiPayment -WhatIf -ThrottleLimit $_ | Should -BeNullOrEmpty
        1..3 | ForEach-Object { [pscustomobject]@{ UserUid = "uid-$_"; Amount = 1; Memo = 'm' } } | New-PiPayment -WhatIf -ThrottleLimit $_ | Should -BeNullOrEmpty
        (Get-SandboxStats $sandbox).requests.total | Should -Be 0
    }

    It '-ErrorAction Stop stops at the first failure in input order, after writing everything before it' {
        Set-SandboxConfig $sandbox @{ latency_ms = 30; latency_jitter_ms = 30 }
        $inputs = @($ids[0..2]) + 'NoSuchPayment' + @($ids[3..99])
        $got = [System.Collections.Generic.List[string]]::new()
        $thrown = $null
        try {
            $inputs | Get-PiPayment -ThrottleLimit 8 -ErrorAction Stop | ForEach-Object { $got.Add($_.Identifier) }
        }
        catch {
            $thrown = $_
        }
        $thrown.FullyQualifiedErrorId | Should -Be 'payment_not_found,PiPlatform.Commands.GetPiPaymentCommand'
        $thrown.TargetObject | Should -Be 'NoSuchPayment'
        $got -join ',' | Should -Be ($ids[0..2] -join ',')
        # What was in flight was cancelled, and nothing new was sent after the stop.
        $sent = (Get-SandboxStats $sandbox).requests.total
        $sent | Should -BeLessThan 30
        Start-Sleep -Milliseconds 300
        (Get-SandboxStats $sandbox).requests.total | Should -Be $sent
    }

    It 'stops downstream-limited pipelines early (Select-Object -First)' {
        Set-SandboxConfig $sandbox @{ latency_ms = 10 }
        $ids | Get-PiPayment -ThrottleLimit 4 | Select-Object -First 3 | Should -HaveCount 3
        (Get-SandboxStats $sandbox).requests.total | Should -BeLessThan 30
    }

    It 'a 429 pauses every worker for its Retry-After, then all requests succeed' {
        Set-SandboxConfig $sandbox @{ latency_ms = 10 }
        Invoke-Sandbox $sandbox '/sandbox/faults' -Method POST -Body @{ status = 429; retry_after = '1'; count = 1; method = 'GET'; path_contains = '/v2/payments/' } | Out-Null

        $ids[0..79] | Get-PiPayment -ThrottleLimit 8 | Should -HaveCount 80

        $log = @(Get-ApiLog)
        $limited = @($log | Where-Object status -eq 429)
        $limited | Should -HaveCount 1
        $told = $limited[0].answered_ms
        # Requests already on their way when Pi said 429 may land just after it; none starts in the paused second.
        @($log | Where-Object { $_.received_ms -gt ($told + 100) -and $_.received_ms -lt ($told + 900) }) | Should -BeNullOrEmpty
        @($log | Where-Object { $_.received_ms -ge ($told + 900) }).Count | Should -BeGreaterThan 40
    }

    It 'a Retry-After longer than what is left of -TimeoutSec fails at once instead of waiting past it' {
        $short = Connect-PiPlatform -Sandbox $sandbox.BaseUri -TimeoutSec 2 -PassThru
        try {
            Invoke-Sandbox $sandbox '/sandbox/faults' -Method POST -Body @{ status = 429; retry_after = '30'; count = 1 } | Out-Null
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            Get-PiPayment $ids[0] -Connection $short -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
            $failed[0].FullyQualifiedErrorId | Should -Be 'rate_limited,PiPlatform.Commands.GetPiPaymentCommand'
            $failed[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        }
        finally {
            Disconnect-PiPlatform -Connection $short
            Connect-PiPlatform -Sandbox $sandbox.BaseUri
        }
    }

    It 'Connect-PiPlatform -MaxRequestsPerSecond spaces the requests of every worker' {
        $capped = Connect-PiPlatform -Sandbox $sandbox.BaseUri -MaxRequestsPerSecond 20 -PassThru
        try {
            $capped.MaxRequestsPerSecond | Should -Be 20
            Reset-Sandbox $sandbox -Seed 300
            $ids[0..40] | Get-PiPayment -ThrottleLimit 8 -Connection $capped | Should -HaveCount 41
            $received = @((Get-ApiLog).received_ms)
            # 41 requests at 20/s: 40 gaps of 50 ms, 2 s from the first to the last. The slack is for the first requests,
            # which also open their connections: a late first one shortens the span (unbounded, 41 take ~0.1 s).
            ($received[-1] - $received[0]) | Should -BeGreaterThan 1700
        }
        finally {
            Disconnect-PiPlatform -Connection $capped
            Connect-PiPlatform -Sandbox $sandbox.BaseUri
        }
    }

    It 'New-PiPayment creates for different users at once, never two for one user at once' {
        # Long enough that all four are in flight together even on a loaded machine.
        Set-SandboxConfig $sandbox @{ latency_ms = 300 }
        $rows = 'uid-alice-0001', 'uid-bob-0002', 'uid-carol-0003', 'uid-dave-0004' |
            ForEach-Object { [pscustomobject]@{ UserUid = $_; Amount = 1; Memo = 'payout' } }
        $rows | New-PiPayment -Confirm:$false -ThrottleLimit 8 -ErrorAction SilentlyContinue | Out-Null
        (Get-SandboxStats $sandbox).in_flight.peak | Should -Be 4

        Reset-Sandbox $sandbox -Seed 0
        Set-SandboxConfig $sandbox @{ latency_ms = 60 }
        $carol = 1..4 | ForEach-Object { [pscustomobject]@{ UserUid = 'uid-carol-0003'; Amount = $_; Memo = "payout $_" } }
        $made = $carol | New-PiPayment -Confirm:$false -ThrottleLimit 8 -ErrorVariable refused -ErrorAction SilentlyContinue
        (Get-SandboxStats $sandbox).in_flight.peak | Should -Be 1
        $made | Should -HaveCount 1
        $made.Amount | Should -Be 1
        $refused | Should -HaveCount 3
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'ongoing_payment_found,PiPlatform.Commands.NewPiPaymentCommand' }
        $refused | ForEach-Object { $_.TargetObject.Identifier | Should -Be $made.Identifier }
    }

    It 'Send-PiNotification sends its batches of 256 at once, results in input order' {
        Set-SandboxConfig $sandbox @{ latency_ms = 400; notification_quota = 1000 }
        $notes = 1..600 | ForEach-Object { [pscustomobject]@{ UserUid = 'uid-alice-0001'; Title = "n$_"; Body = 'b' } }
        $sent = $notes | Send-PiNotification -Confirm:$false -ThrottleLimit 4
        $sent.Title -join ',' | Should -Be ($notes.Title -join ',')
        ($sent | Where-Object Delivered).Count | Should -Be 600
        (Get-SandboxStats $sandbox).in_flight.peak | Should -Be 3
    }
}

Describe 'Ctrl+C and progress (in a second PowerShell, whose streams and Stop() the test holds)' {
    BeforeEach {
        Reset-Sandbox $sandbox -Seed 300
        $script:ps = New-PiRunspace $sandbox
    }

    AfterEach {
        $ps.Dispose()
    }

    It 'Stop() mid-batch returns promptly and nothing more is sent' {
        Set-SandboxConfig $sandbox @{ latency_ms = 200 }
        $null = $ps.AddScript({ param($ids) $ids | Get-PiPayment -ThrottleLimit 4 }).AddArgument($ids[0..99])
        $running = $ps.BeginInvoke()
        $deadline = (Get-Date).AddSeconds(20)
        while ((Get-SandboxStats $sandbox).requests.total -lt 8 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 20 }

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
        $running.IsCompleted | Should -BeTrue
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'

        $sent = (Get-SandboxStats $sandbox).requests.total
        $sent | Should -BeLessThan 30
        Start-Sleep -Milliseconds 500
        (Get-SandboxStats $sandbox).requests.total | Should -Be $sent
        (Get-SandboxStats $sandbox).in_flight.current | Should -Be 0
    }

    It 'shows no progress for a handful of items' {
        Set-SandboxConfig $sandbox @{ latency_ms = 150 }
        $null = $ps.AddScript({ param($ids) $ids | Get-PiPayment -ThrottleLimit 1 }).AddArgument($ids[0..4])
        $ps.Invoke() | Should -HaveCount 5
        $ps.Streams.Progress | Should -BeNullOrEmpty
    }

    It 'shows progress for a long batch, with done of total, errors and rate, then Completed' {
        Set-SandboxConfig $sandbox @{ latency_ms = 20 }
        $null = $ps.AddScript({ param($ids) Get-PiPayment -PaymentId $ids -ThrottleLimit 1 -ErrorAction SilentlyContinue }).AddArgument(@('NoSuchPayment') + $ids[0..59])
        $ps.Invoke() | Should -HaveCount 60
        $records = @($ps.Streams.Progress)
        $records.Count | Should -BeGreaterThan 1
        # At most a few a second: 61 items over at least 1.2 s give nowhere near one record per item.
        $records.Count | Should -BeLessThan 30
        $records[0].Activity | Should -Be 'Get-PiPayment'
        $records[0].StatusDescription | Should -Match '^\d+ of 61 done, 1 failed, \d+/s$'
        $records[0].PercentComplete | Should -BeGreaterThan 0
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It 'shows no progress under $ProgressPreference = SilentlyContinue' {
        Set-SandboxConfig $sandbox @{ latency_ms = 20 }
        $null = $ps.AddScript({ param($ids) $ProgressPreference = 'SilentlyContinue'; $ids | Get-PiPayment -ThrottleLimit 1 }).AddArgument($ids[0..59])
        $ps.Invoke() | Should -HaveCount 60
        $ps.Streams.Progress | Should -BeNullOrEmpty
    }
}
