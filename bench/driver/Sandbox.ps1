# The sandbox as the benchmark's server: one process per block, its control endpoints, and the untimed setup
# of each run (reset, fresh payments to approve, the seeded ids).

function Start-BenchSandbox([string] $SandboxDll, [int] $Seed, [int] $LatencyMs) {
    $arguments = @($SandboxDll, '--port', '0', '--seed', "$Seed", '--latency-ms', "$LatencyMs", '--parent-pid', "$PID")
    $child = Start-BenchProcess -FileName (Get-DotnetHost) -Arguments $arguments
    $first = Read-BenchLine $child ([TimeSpan]::FromSeconds(60))
    $baseUri = [PiPlatform.PiSandboxDefaults]::ReadReadyLine($first)
    if (-not $baseUri) {
        $child.Process.Kill($true)
        throw "The sandbox did not start: '$first' $($child.StdErr.Result)"
    }
    # Its stdout says nothing more that matters; drain it so it can never block on a full pipe.
    $child | Add-Member -NotePropertyName StdOutRest -NotePropertyValue $child.Process.StandardOutput.ReadToEndAsync()
    $child | Add-Member -NotePropertyName BaseUri -NotePropertyValue $baseUri.AbsoluteUri
    $child | Add-Member -NotePropertyName LatencyMs -NotePropertyValue $LatencyMs
    $child
}

function Stop-BenchSandbox($Sandbox) {
    if ($Sandbox.Process.HasExited) { return }
    $Sandbox.Process.Kill($true)
    $Sandbox.Process.WaitForExit()
    $Sandbox.Process.Dispose()
}

function Invoke-SandboxControl([string] $BaseUri, [string] $Method, [string] $Path, [string] $Body) {
    # A new HttpClient (and so a new TCP connection) per call, on purpose: each control call then adds exactly
    # one accepted connection to the sandbox's count, which the driver subtracts from a client's.
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $http.Timeout = [TimeSpan]::FromMinutes(5)
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), [uri]::new([uri] $BaseUri, $Path))
        if ($Body) { $request.Content = [System.Net.Http.StringContent]::new($Body, [System.Text.Encoding]::UTF8, 'application/json') }
        $response = $http.SendAsync($request).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw "$Method $Path answered $([int] $response.StatusCode): $text" }
        $text
    }
    finally {
        $http.Dispose()
    }
}

function Get-SandboxStats([string] $BaseUri) {
    # Only the counters the benchmark reads, picked out with System.Text.Json: after a 100,000 seed the full
    # answer lists every payment, which ConvertFrom-Json would take seconds over.
    $document = [System.Text.Json.JsonDocument]::Parse((Invoke-SandboxControl $BaseUri GET 'sandbox/stats'))
    try {
        $root = $document.RootElement
        [pscustomobject]@{
            Requests = $root.GetProperty('requests').GetProperty('total').GetInt64()
            Changes = $root.GetProperty('changes').GetProperty('total').GetInt64()
            Accepted = $root.GetProperty('connections').GetProperty('accepted').GetInt64()
            PeakInFlight = $root.GetProperty('in_flight').GetProperty('peak').GetInt64()
        }
    }
    finally {
        $document.Dispose()
    }
}

function Reset-BenchSandbox([string] $BaseUri, [int] $Seed) {
    Invoke-SandboxControl $BaseUri POST 'sandbox/reset' "{`"seed`": $Seed}" | Out-Null
}

function Invoke-BenchSetup([string] $BenchDll, [string[]] $Arguments) {
    # Its output, if any, goes to the console: this runs inside functions whose pipeline output is the rows.
    & (Get-DotnetHost) $BenchDll @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "PiPlatform.Bench $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Save-SeededIds([string] $BenchDll, [string] $BaseUri, [int] $Count, [string] $Path) {
    Invoke-BenchSetup $BenchDll @('list-ids', '--base-uri', $BaseUri, '--count', "$Count", '--out', $Path)
}

function Invoke-SandboxWarmUp($Sandbox, [string] $BenchDll) {
    # The sandbox's JIT happens here, not in the first timed run of the block: traffic in rounds, then a wait
    # until its background tier-1 compiles are done (the warm-up command says why both are needed).
    Invoke-BenchSetup $BenchDll @('warm-up', '--base-uri', $Sandbox.BaseUri, '--count', '100')
    Wait-ProcessIdle $Sandbox.Process.Id
}

function Wait-ProcessIdle([int] $ProcessId, [TimeSpan] $Window = [TimeSpan]::FromMilliseconds(500), [TimeSpan] $AtMost = [TimeSpan]::FromSeconds(15)) {
    # Idle: at most one clock tick of CPU in a whole window.
    $deadline = [DateTime]::UtcNow + $AtMost
    $last = (Measure-ProcessTree $ProcessId -Alone).CpuSeconds
    while ([DateTime]::UtcNow -lt $deadline) {
        Start-Sleep -Milliseconds $Window.TotalMilliseconds
        $now = (Measure-ProcessTree $ProcessId -Alone).CpuSeconds
        if ($now - $last -le 1.5 / $script:ClockTicksPerSecond) { return }
        $last = $now
    }
    Write-Warning "The sandbox (pid $ProcessId) was still busy after $($AtMost.TotalSeconds) s of waiting."
}

function New-PaymentsToApprove([string] $BenchDll, [string] $BaseUri, [int] $Count, [string] $Path) {
    Invoke-BenchSetup $BenchDll @('create-payments', '--base-uri', $BaseUri, '--count', "$Count", '--out', $Path)
}

function Get-DotnetHost {
    # The dotnet host this pwsh runs on (the pinned pwsh is a .NET tool), so the sandbox, the ceiling and the
    # PowerShell clients all run on the one runtime the driver itself uses.
    $path = [Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($path) -ne 'dotnet') { return 'dotnet' }
    $path
}
