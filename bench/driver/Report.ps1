# The Markdown the benchmark prints and saves: one table per block, the startup table, the memory run, the
# sandbox's headroom and the machine. Every number here comes from a row measured in this run.

$script:ClientNames = [ordered]@{
    Ceiling = 'ceiling: C# HttpClient'; Module = 'PiPlatform module'; Node = 'pi-backend (Node SDK)'; RestMethod = 'Invoke-RestMethod'
}

function Get-RunLabel($Row) {
    $w = $Row.Width
    switch ($Row.Client) {
        'Ceiling' { if ($w -eq 1) { 'ceiling: C# HttpClient, 1 worker' } else { "ceiling: C# HttpClient, $w workers" } }
        'Module' {
            $cmdlet = if ($Row.Op -eq 'get') { 'Get-PiPayment' } else { 'Approve-PiPayment -Confirm:$false' }
            if ($Row.ThrottleLimit -eq $false) { "``" + '$ids \| ' + "$cmdlet`` (no ThrottleLimit yet)" }
            else { "``" + '$ids \| ' + "$cmdlet -ThrottleLimit $w``" }
        }
        'Node' {
            $call = if ($Row.Op -eq 'get') { 'getPayment' } else { 'approve (its axios client)' }
            if ($w -eq 1) { "pi-backend $call, sequential" } else { "pi-backend $call, pool of $w" }
        }
        'RestMethod' { if ($w -eq 1) { '`Invoke-RestMethod` in `foreach`' } else { "``ForEach-Object -Parallel -ThrottleLimit $w`` + ``Invoke-RestMethod``" } }
    }
}

function Format-Number($Value, [string] $Format) {
    if ($null -eq $Value) { return '–' }
    $Value.ToString($Format, [cultureinfo]::InvariantCulture)
}

function Format-RunTable([object[]] $Rows) {
    $lines = @(
        '| op | client | width | wall s | req/s | × ceiling | client CPU s | client peak RSS MB | TCP conns | peak in flight | sandbox CPU s |'
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
    )
    foreach ($row in $Rows) {
        $label = Get-RunLabel $row
        if (-not $row.Valid) {
            $lines += "| $($row.Op) | $label | $($row.Width) | **FAILED**: $($row.Problem -replace '\|', '\|' -replace '\s+', ' ') | – | – | – | – | $($row.Connections) | $($row.PeakInFlight) | – |"
            continue
        }
        $ceiling = $Rows | Where-Object { $_.Client -eq 'Ceiling' -and $_.Op -eq $row.Op -and $_.Width -eq $row.Width -and $_.Valid } | Select-Object -First 1
        $ratio = if ($ceiling) { Format-Number ($row.WallMs / $ceiling.WallMs) '0.00' } else { '–' }
        $lines += '| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} | {8} | {9} | {10} |' -f $row.Op, $label, $row.Width,
            (Format-Number ($row.WallMs / 1000) '0.000'), (Format-Number $row.RequestsPerSecond '0'), $ratio,
            (Format-Number $row.ClientCpuSeconds '0.00'), (Format-Number ($row.ClientPeakRssBytes / 1MB) '0'),
            $row.Connections, $row.PeakInFlight, (Format-Number $row.SandboxCpuSeconds '0.00')
    }
    $lines
}

function Format-StartupTable([object[]] $Rows) {
    # Once per client type: its first valid run (the zero-latency block runs first).
    $lines = @(
        '| client | process start → ready ms | import + connect + first call ms (in the client) | CPU s at ready | RSS MB at ready |'
        '| --- | ---: | ---: | ---: | ---: |'
    )
    foreach ($client in $script:ClientNames.Keys) {
        $row = $Rows | Where-Object { $_.Client -eq $client -and $_.Valid } | Select-Object -First 1
        if (-not $row) { continue }
        $lines += '| {0} | {1} | {2} | {3} | {4} |' -f $script:ClientNames[$client], (Format-Number $row.ToReadyMs '0'),
            (Format-Number $row.StartupInClientMs '0'), (Format-Number $row.StartupCpuSeconds '0.00'),
            (Format-Number ($row.ClientRssAtReadyBytes / 1MB) '0')
    }
    $lines
}

function Format-MemoryTable($Row, [int] $TargetMB) {
    $lines = @(
        '| piped ids | ThrottleLimit | wall s | req/s | RSS MB after import + connect | peak RSS MB | growth MB | target |'
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'
    )
    if (-not $Row.Valid) {
        return $lines + "| $($Row.Count) | $($Row.Width) | **FAILED**: $($Row.Problem -replace '\s+', ' ') | – | – | – | – | – |"
    }
    $growth = ($Row.ClientPeakRssBytes - $Row.ClientRssAtReadyBytes) / 1MB
    $verdict = if ($growth -lt $TargetMB) { "met (< $TargetMB MB)" } else { "**missed** (≥ $TargetMB MB)" }
    $throttle = if ($Row.ThrottleLimit -eq $false) { "$($Row.Width) (no ThrottleLimit yet)" } else { "$($Row.Width)" }
    $lines + ('| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} |' -f $Row.Count, $throttle, (Format-Number ($Row.WallMs / 1000) '0.0'),
        (Format-Number $Row.RequestsPerSecond '0'), (Format-Number ($Row.ClientRssAtReadyBytes / 1MB) '0'),
        (Format-Number ($Row.ClientPeakRssBytes / 1MB) '0'), (Format-Number $growth '0.0'), $verdict)
}

function Format-SandboxHeadroom([object[]] $Rows) {
    # Proof the server was not the limit: the fastest valid ceiling run of the block, and the sandbox's CPU during it.
    $best = $Rows | Where-Object { $_.Client -eq 'Ceiling' -and $_.Valid } | Sort-Object RequestsPerSecond -Descending | Select-Object -First 1
    if (-not $best) { return 'Sandbox headroom: no valid ceiling run in this block.' }
    $core = $best.SandboxCpuSeconds / ($best.WallMs / 1000)
    'Sandbox headroom: it answered the ceiling ({0}, width {1}) at {2} req/s, using {3} CPU s in {4} s (≈ {5:P0} of one core, of {6}).' -f `
        $best.Op, $best.Width, (Format-Number $best.RequestsPerSecond '0'), (Format-Number $best.SandboxCpuSeconds '0.00'),
        (Format-Number ($best.WallMs / 1000) '0.000'), $core, [Environment]::ProcessorCount
}

function Get-MachineLine([string] $NodeExe, [string] $NodeRoot) {
    $memory = (Get-Content /proc/meminfo -TotalCount 1) -replace '^MemTotal:\s+(\d+).*$', '$1'
    $os = if (Test-Path /etc/os-release) { ((Get-Content /etc/os-release | Where-Object { $_ -like 'PRETTY_NAME=*' }) -replace '^PRETTY_NAME="?(.*?)"?$', '$1') } else { 'Linux' }
    $kernel = 'Linux ' + (Get-Content /proc/sys/kernel/osrelease)
    $sdk = (& dotnet --version 2>$null)
    $node = if ($NodeExe) { (& $NodeExe --version) } else { 'not found' }
    $piBackend = Join-Path $NodeRoot 'node_modules/pi-backend/package.json'
    $piBackendVersion = if (Test-Path $piBackend) { (Get-Content -Raw $piBackend | ConvertFrom-Json).version } else { 'not installed' }
    'Machine: {0} cores, {1:0.0} GiB, {2} ({3}), {4} (SDK {5}), pwsh {6}, Node {7}, pi-backend {8}' -f [Environment]::ProcessorCount,
        ([long] $memory * 1KB / 1GB), $os, $kernel, [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription, $sdk,
        $PSVersionTable.PSVersion, $node, $piBackendVersion
}
