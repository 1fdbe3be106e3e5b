# One timed run: untimed setup, one client process, the handshake, and every number of the row, measured on
# both sides. A run is valid only when the client and the sandbox agree that every request was made and succeeded.

$script:RunNumber = 0

function Get-ClientCommand($Bench, [string] $Client, [string] $Op, [int] $Width, [string] $BaseUri, [string] $IdsPath, [string] $WarmupId) {
    switch ($Client) {
        'Ceiling' {
            $arguments = @($Bench.BenchDll, 'ceiling', '--base-uri', $BaseUri, '--ids', $IdsPath, '--op', $Op, '--width', "$Width")
            if ($WarmupId) { $arguments += @('--warmup-id', $WarmupId) }
            return @{ FileName = $Bench.DotnetHost; Arguments = $arguments }
        }
        'Node' {
            $arguments = @((Join-Path $Bench.Root 'node/pi-backend-client.js'), '--base-uri', $BaseUri, '--ids', $IdsPath, '--op', $Op, '--width', "$Width")
            if ($WarmupId) { $arguments += @('--warmup-id', $WarmupId) }
            return @{ FileName = $Bench.NodeExe; Arguments = $arguments }
        }
        default {
            # The pinned pwsh started as "dotnet <PSHOME>/pwsh.dll": one process to measure, where "dotnet pwsh" would
            # put the SDK's CLI and the tool's shim above it in the tree.
            $script = if ($Client -eq 'Module') { 'ModuleClient.ps1' } else { 'RestMethodClient.ps1' }
            $arguments = @($Bench.PwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $Bench.Root "clients/$script"),
                '-BaseUri', $BaseUri, '-IdsPath', $IdsPath, '-Op', $Op, '-Width', "$Width")
            if ($Client -eq 'Module') { $arguments += @('-ModulePath', $Bench.ModuleManifest) }
            if ($WarmupId) { $arguments += @('-WarmupId', $WarmupId) }
            return @{ FileName = $Bench.DotnetHost; Arguments = $arguments }
        }
    }
}

function Invoke-ClientRun {
    param(
        [Parameter(Mandatory)] $Bench,
        [Parameter(Mandatory)] $Sandbox,
        [Parameter(Mandatory)] [string] $Client,
        [Parameter(Mandatory)] [string] $Op,
        [Parameter(Mandatory)] [int] $Width,
        [Parameter(Mandatory)] [int] $Seed,
        [Parameter(Mandatory)] [string] $SeededIdsPath,
        [int] $Count,
        [switch] $NoWarmup
    )

    $script:RunNumber++
    $name = '{0:d3}-{1}-{2}-{3}ms-w{4}' -f $script:RunNumber, $Client.ToLowerInvariant(), $Op, $Sandbox.LatencyMs, $Width
    $base = $Sandbox.BaseUri

    # Untimed setup: a freshly seeded sandbox (so peak in flight and the counters start over), and for an
    # approve run, fresh payments awaiting approval. The warmup GET is of a seeded id, never of one to approve.
    Reset-BenchSandbox $base $Seed
    $idsPath = $SeededIdsPath
    if ($Op -eq 'approve') {
        $idsPath = Join-Path $Bench.WorkDir "$name.ids"
        New-PaymentsToApprove $Bench.BenchDll $base $Count $idsPath
    }
    $Count = [System.IO.File]::ReadAllLines($idsPath).Count
    $warmupId = if ($NoWarmup) { $null } else { (Get-Content -LiteralPath $SeededIdsPath -TotalCount 1) }
    $before = Get-SandboxStats $base

    $command = Get-ClientCommand $Bench $Client $Op $Width $base $idsPath $warmupId
    $timeout = [TimeSpan]::FromMilliseconds(120000 + $Count * ($Sandbox.LatencyMs + 50))
    $launch = [System.Diagnostics.Stopwatch]::StartNew()
    $child = Start-BenchProcess -FileName $command.FileName -Arguments $command.Arguments
    $result = $null; $problem = $null
    try {
        $ready = Read-ProtocolLine $child ([TimeSpan]::FromSeconds(120)) 'ready'
        if (-not $ready) { throw 'The client ended before it was ready.' }
        $toReady = $launch.Elapsed
        $atReady = Measure-ProcessTree $child.Process.Id
        $sandboxAtGo = Measure-ProcessTree $Sandbox.Process.Id -Alone
        $child.Process.StandardInput.WriteLine('go')
        $child.Process.StandardInput.Flush()
        $result = Read-ProtocolLine $child $timeout 'wall_ms'
        $atDone = Measure-ProcessTree $child.Process.Id
        $sandboxAtDone = Measure-ProcessTree $Sandbox.Process.Id -Alone
        if (-not $result) { throw 'The client ended without a result.' }
    }
    catch {
        $problem = "$_"
    }
    finally {
        $exit = Stop-BenchProcess $child
    }
    $after = Get-SandboxStats $base
    Save-ClientLog $Bench $name $child $exit

    $row = [pscustomobject]@{
        Block = $Sandbox.LatencyMs; Client = $Client; Op = $Op; Width = $Width; Count = $Count
        Valid = $false; Problem = $problem; ThrottleLimit = $null; PsVersion = $null
        WallMs = $null; RequestsPerSecond = $null; ClientCpuSeconds = $null; ClientPeakRssBytes = $null
        ClientRssAtReadyBytes = $null; ToReadyMs = $null; StartupInClientMs = $null; StartupCpuSeconds = $null
        # Accepted since the setup snapshot, less the one connection of the closing stats call itself.
        Connections = $after.Accepted - $before.Accepted - 1
        PeakInFlight = $after.PeakInFlight; ServerRequests = $after.Requests - $before.Requests
        ServerApproves = $after.Changes - $before.Changes; SandboxCpuSeconds = $null; Log = $name
    }
    if ($result) {
        $row.ThrottleLimit = $result.PSObject.Properties['throttle_limit']?.Value
        $row.PsVersion = $result.PSObject.Properties['ps_version']?.Value
        $row.WallMs = [double] $result.wall_ms
        $row.RequestsPerSecond = $Count / ($row.WallMs / 1000)
        $row.ClientCpuSeconds = $atDone.CpuSeconds - $atReady.CpuSeconds
        $row.ClientPeakRssBytes = $atDone.PeakRssBytes
        $row.ClientRssAtReadyBytes = $atReady.RssBytes
        $row.ToReadyMs = $toReady.TotalMilliseconds
        $row.StartupInClientMs = [double] $ready.startup_ms
        $row.StartupCpuSeconds = $atReady.CpuSeconds
        $row.SandboxCpuSeconds = $sandboxAtDone.CpuSeconds - $sandboxAtGo.CpuSeconds
        $row.Problem = Test-RunAgreement $result $row $exit.ExitCode ([int] -not $NoWarmup)
    }
    $row.Valid = -not $row.Problem
    $row
}

function Test-RunAgreement($Result, $Row, [int] $ExitCode, [int] $WarmupRequests) {
    # Why a run does not count, or $null. The sandbox's own counters check the client's claim: a client that
    # skipped requests, or approved payments that were not fresh, cannot pass for a fast one.
    if ($Result.failed -ne 0 -or $Result.ok -ne $Row.Count) { return "$($Result.failed) of $($Row.Count) failed, first: $($Result.first_error)" }
    if ($ExitCode -ne 0) { return "exit code $ExitCode" }
    $expected = $Row.Count + $WarmupRequests
    if ($Row.ServerRequests -ne $expected) { return "the sandbox counted $($Row.ServerRequests) requests, not $expected" }
    if ($Row.Op -eq 'approve' -and $Row.ServerApproves -ne $Row.Count) { return "the sandbox counted $($Row.ServerApproves) approvals, not $($Row.Count)" }
    $null
}

function Save-ClientLog($Bench, [string] $Name, $Child, $Exit) {
    # Whatever the client said besides the protocol, kept for a failed run's post-mortem.
    $text = (($Child.Lines -join "`n") + "`n" + $Exit.StdErr).Trim()
    if ($text) { Set-Content -LiteralPath (Join-Path $Bench.LogDir "$Name.log") -Value $text }
}
