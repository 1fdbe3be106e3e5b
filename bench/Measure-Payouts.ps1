# Payout throughput of the built module against the sandbox (which plays Horizon): -Count payouts created, then timed
# through Submit-PiPayment at each ThrottleLimit, with and without added latency; and how many requests each payout
# costs on each API, from the sandbox's own counts. Not part of CI; run it on a quiet machine:
#     dotnet pwsh ./build.ps1 -Task Build; dotnet pwsh ./bench/Measure-Payouts.ps1
# A wallet pays one transaction at a time (sequence numbers), so ThrottleLimit only overlaps the reads of Pi.
param([int] $Count = 200, [int[]] $LatencyMs = @(0, 20), [int[]] $ThrottleLimit = @(1, 16))

$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$version = (Import-PowerShellDataFile (Join-Path $root 'PiPlatform.psd1')).ModuleVersion
Import-Module (Join-Path $root "out/PiPlatform/$version/PiPlatform.psd1")
$payee = Get-Random -Minimum 100000 -Maximum 800000
foreach ($latency in $LatencyMs) {
    $sandbox = Start-PiSandbox -LatencyMs $latency
    try {
        Connect-PiPlatform -Sandbox $sandbox.BaseUri
        foreach ($width in $ThrottleLimit) {
            $created = 1..$Count | ForEach-Object { [pscustomobject]@{ UserUid = "uid-payee-$(($payee++))"; Amount = 0.0000001; Memo = 'bench' } } |
                New-PiPayment -Confirm:$false
            $before = (Invoke-RestMethod ([uri]::new($sandbox.BaseUri, '/sandbox/stats'))).requests.by_api
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $paid = @($created | Submit-PiPayment -Confirm:$false -ThrottleLimit $width)
            $clock.Stop()
            $after = (Invoke-RestMethod ([uri]::new($sandbox.BaseUri, '/sandbox/stats'))).requests.by_api
            if ($paid.Count -ne $Count) { throw "Only $($paid.Count) of $Count payouts were paid." }
            '{0} ms latency, ThrottleLimit {1}: {2} payouts in {3:0.00} s = {4:0.0}/s; per payout {5:0.00} Pi + {6:0.00} Horizon requests' -f `
                $latency, $width, $Count, $clock.Elapsed.TotalSeconds, ($Count / $clock.Elapsed.TotalSeconds),
                (($after.pi - $before.pi) / $Count), (($after.horizon - $before.horizon) / $Count)
        }
        Disconnect-PiPlatform
    }
    finally { $sandbox | Stop-PiSandbox }
}
