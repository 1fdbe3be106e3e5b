BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Initialize-PiTest
    $script:ids = @((Get-SandboxPayments $sandbox).identifier)
}

AfterAll { Complete-PiTest $sandbox }

Describe 'Get-PiPayment' {
    It 'emits typed payments with PascalCase properties' {
        $p = Get-PiPayment -PaymentId $ids[0]
        $p.PSTypeNames[0] | Should -Be 'PiPlatform.Payment'
        $p.Identifier | Should -Be $ids[0]
        $p.Amount | Should -BeOfType [decimal]
        $p.CreatedAt | Should -BeOfType [DateTimeOffset]
        $p.Status.DeveloperApproved | Should -BeOfType [bool]
        $p.PaymentId | Should -Be $ids[0]
    }

    It 'makes metadata usable like a hashtable' {
        $p = Get-PiPayment -PaymentId (New-SandboxPayment $sandbox)
        $p.Metadata.order | Should -Be 'o-1'
        $p.Metadata['ORDER'] | Should -Be 'o-1'
    }

    It 'takes ids from the pipeline by value, in order' {
        $out = $ids[0..4] | Get-PiPayment
        $out.Identifier | Should -Be $ids[0..4]
    }

    It 'takes ids from Import-Csv by property name' {
        $csv = Join-Path $TestDrive 'ids.csv'
        $ids[0..2] | ForEach-Object { [pscustomobject]@{ PaymentId = $_; Note = 'x' } } | Export-Csv $csv
        (Import-Csv $csv | Get-PiPayment).Identifier | Should -Be $ids[0..2]
        $ids[0..1] | ForEach-Object { [pscustomobject]@{ Identifier = $_ } } | Get-PiPayment | Should -HaveCount 2
    }

    It 'lists the incomplete server payments, all app-to-user and unfinished' {
        $incomplete = Get-PiPayment -Incomplete
        $incomplete | Should -Not -BeNullOrEmpty
        $incomplete | ForEach-Object {
            $_.Direction | Should -Be 'AppToUser'
            $_.State | Should -BeIn 'AwaitingTransaction', 'TransactionUnverified', 'ReadyToComplete'
        }
    }

    It 'has a State for every seeded lifecycle step' {
        $states = ($ids | Get-PiPayment).State | Sort-Object -Unique
        foreach ($s in 'AwaitingApproval', 'AwaitingTransaction', 'TransactionUnverified', 'ReadyToComplete', 'Completed', 'Cancelled', 'UserCancelled') {
            $states | Should -Contain $s
        }
    }

    It 'reports a missing payment as a non-terminating error and goes on' {
        $out = $ids[0], 'NoSuchPayment', $ids[1] | Get-PiPayment -ErrorVariable failed -ErrorAction SilentlyContinue
        $out.Identifier | Should -Be $ids[0], $ids[1]
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'payment_not_found,PiPlatform.Commands.GetPiPaymentCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 'NoSuchPayment'
        $failed[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $failed[0].Exception | Should -BeOfType [PiPlatform.PiNotFoundException]
    }

    It 'stops at the first failure with -ErrorAction Stop' {
        { 'NoSuchPayment', $ids[0] | Get-PiPayment -ErrorAction Stop } | Should -Throw -ErrorId 'payment_not_found,PiPlatform.Commands.GetPiPaymentCommand'
    }

    It 'refuses hostile ids without sending anything' -ForEach @(
        @{ Id = '../me' }, @{ Id = 'a/b' }, @{ Id = 'a?x=1' }, @{ Id = "a`nb" }, @{ Id = '' }, @{ Id = ' ' }, @{ Id = 'x#y' }, @{ Id = 'a\b' }
    ) {
        $before = (Get-SandboxStats $sandbox).requests.total
        Get-PiPayment -PaymentId $Id -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'invalid_identifier,*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-SandboxStats $sandbox).requests.total | Should -Be $before
    }

    It 'writes what it asked for to -Verbose' {
        $verbose = Get-PiPayment -PaymentId $ids[0] -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose.Message | Should -Match "GET /v2/payments/$($ids[0]) -> 200"
    }

    It 'reports an HTML answer from a proxy as a server error with its status and a snippet, once retries are spent' {
        Invoke-Sandbox $sandbox '/sandbox/faults' -Method POST -Body @{ status = 502; count = 2; content_type = 'text/html'; body = '<html>502 Bad Gateway</html>' } | Out-Null
        Get-PiPayment -PaymentId $ids[0] -MaximumRetryCount 1 -RetryIntervalSec 0 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'server_error,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $failed[0].Exception.Message | Should -Match '502'
        $failed[0].Exception.Message | Should -Match 'text/html'
        $failed[0].Exception.Message | Should -Match 'Bad Gateway'
    }

    It 'formats payments as a table of a few columns' {
        $text = Get-PiPayment -PaymentId $ids[0] | Out-String
        $text | Should -Match 'Identifier\s+State\s+Amount'
    }
}

Describe 'Stopping a request in flight' {
    It 'Ctrl+C (StopProcessing) cancels the HTTP request at once instead of waiting for the timeout' {
        # A server that accepts the connection and never answers.
        $listener = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $listener.Start()
        $ps = [powershell]::Create()
        try {
            $manifest = Join-Path (Get-Module PiPlatform).ModuleBase 'PiPlatform.psd1'
            $null = $ps.AddScript({
                    param($Manifest, $Uri)
                    Import-Module $Manifest
                    Connect-PiPlatform -Sandbox $Uri -TimeoutSec 60
                    Get-PiPayment -PaymentId abc
                }).AddArgument($manifest).AddArgument("http://127.0.0.1:$($listener.LocalEndpoint.Port)/")
            $null = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not $listener.Pending() -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $listener.Pending() | Should -BeTrue -Because 'the request must be in flight before it is stopped'
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop() # what Ctrl+C does: StopProcessing on the running cmdlet
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'without cancellation it would wait out the 60 s timeout'
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Dispose()
            $listener.Stop()
        }
    }
}
