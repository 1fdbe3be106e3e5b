BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-PiPlatformUnderTest
}

Describe 'Start-PiSandbox and Stop-PiSandbox' {
    It 'starts a sandbox on a free loopback port with seeded payments, and stops it' {
        $sandbox = Start-PiSandbox -Seed 21
        try {
            $sandbox.BaseUri.Host | Should -Be '127.0.0.1'
            $sandbox.Port | Should -BeGreaterThan 0
            $sandbox.IsRunning | Should -BeTrue
            # 21 seeded across the states, plus the two app-to-user payments the sandbox always seeds.
            @(Get-SandboxPayments $sandbox).Count | Should -Be 23
        }
        finally {
            $sandbox | Stop-PiSandbox
        }
        $sandbox.IsRunning | Should -BeFalse
        { Invoke-RestMethod ([uri]::new($sandbox.BaseUri, '/sandbox/users')) -TimeoutSec 5 } | Should -Throw
    }

    It 'starts with the latency asked for, on Pi''s API and Horizon alike' {
        $sandbox = Start-PiSandbox -LatencyMs 150 -LatencyJitterMs 10
        try {
            $config = Invoke-RestMethod ([uri]::new($sandbox.BaseUri, '/sandbox/config'))
            $config.latency_ms | Should -Be 150
            $config.latency_jitter_ms | Should -Be 10
            $clock = [Diagnostics.Stopwatch]::StartNew()
            Invoke-RestMethod ([uri]::new($sandbox.BaseUri, '/fee_stats')) | Out-Null
            $clock.ElapsedMilliseconds | Should -BeGreaterOrEqual 150
        }
        finally { $sandbox | Stop-PiSandbox }
    }

    It 'says clearly when the sandbox is not where it is looked for' {
        { Start-PiSandbox -Path (Join-Path $TestDrive 'nothing.dll') } | Should -Throw -ErrorId 'sandbox_not_found,PiPlatform.Commands.StartPiSandboxCommand'
    }
}
