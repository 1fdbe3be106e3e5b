#Requires -Version 7.4
<#
.SYNOPSIS
    Runs the PiPlatform benchmark: the module, the C# ceiling, the Node SDK and plain Invoke-RestMethod, side by
    side against the sandbox on loopback, and prints one Markdown table per block.
.DESCRIPTION
    Builds nothing: run it through `dotnet pwsh ./build.ps1 -Task Bench [arguments]`, which builds the module and
    the bench project and installs bench/node first. See bench/README.md for what each row and column is.

    Default: two blocks (no added latency, then -LatencyMs per answer), each with GETs and approves at width 1 and
    -Width, then the memory run. -Sweep instead runs the module and the ceiling at widths 1 to 64 with latency.
#>
[CmdletBinding()]
param(
    # Payment ids per run (every client gets the same count; GET runs share the seeded ids).
    [ValidateRange(1, 100000)] [int] $Count = 2000,
    # The concurrent width W: -ThrottleLimit, the pool size, the ceiling's workers.
    [ValidateRange(2, 1024)] [int] $Width = 16,
    # Added latency per /v2 answer in the second block (and in the sweep); 0 runs only the first block.
    [ValidateRange(0, 60000)] [int] $LatencyMs = 20,
    # Only the sweep: module and ceiling at widths 1, 2, 4, 8, 16, 32, 64, with -LatencyMs.
    [switch] $Sweep,
    # Ids piped in the memory run (0 skips it).
    [ValidateRange(0, 100000)] [int] $MemoryIds = 100000,
    # A smoke run: 50 ids per run and 500 in the memory run, unless -Count or -MemoryIds say otherwise.
    [switch] $Quick,
    # Which clients to run, e.g. Ceiling,Module (all by default); the ratios need the ceiling. Commas are split
    # here because "pwsh -File" (and so build.ps1's pass-through) hands a list over as one string.
    [string[]] $Clients = @('Ceiling', 'Module', 'Node', 'RestMethod')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
foreach ($part in 'ProcessMeter', 'BenchProcess', 'Sandbox', 'ClientRun', 'Report') { . (Join-Path $PSScriptRoot "driver/$part.ps1") }

$allClients = 'Ceiling', 'Module', 'Node', 'RestMethod'
$Clients = @($Clients -split ',' | ForEach-Object Trim | Where-Object { $_ })
foreach ($client in $Clients) { if ($client -notin $allClients) { throw "Unknown client '$client': use $($allClients -join ', ')." } }
# The run order, and so the table order, is always the same whatever order they were given in.
$Clients = @($allClients | Where-Object { $_ -in $Clients })
if ($Quick -and -not $PSBoundParameters.ContainsKey('Count')) { $Count = 50 }
if ($Quick -and -not $PSBoundParameters.ContainsKey('MemoryIds')) { $MemoryIds = 500 }
$sweepWidths = 1, 2, 4, 8, 16, 32, 64
$memoryTargetMB = 50

$root = Split-Path -Parent $PSScriptRoot
$pinned = (Get-Content -Raw (Join-Path $root '.config/dotnet-tools.json') | ConvertFrom-Json).tools.powershell.version
if ($PSVersionTable.PSVersion.ToString() -ne $pinned) {
    throw "Run this with the pinned pwsh $pinned (dotnet tool restore; dotnet pwsh ...), not $($PSVersionTable.PSVersion)."
}
$version = (Import-PowerShellDataFile (Join-Path $root 'PiPlatform.psd1')).ModuleVersion
$outDir = Join-Path $root 'out/bench'
$bench = [pscustomobject]@{
    Root = $PSScriptRoot
    DotnetHost = Get-DotnetHost
    PwshDll = Join-Path $PSHOME 'pwsh.dll'
    ModuleManifest = Join-Path $root "out/PiPlatform/$version/PiPlatform.psd1"
    SandboxDll = Join-Path $root "out/PiPlatform/$version/sandbox/PiPlatform.Sandbox.dll"
    BenchDll = Join-Path $PSScriptRoot 'PiPlatform.Bench/bin/Release/net10.0/PiPlatform.Bench.dll'
    NodeExe = (Get-Command node -CommandType Application -ErrorAction Ignore | Select-Object -First 1)?.Source
    WorkDir = Join-Path $outDir 'work'
    LogDir = Join-Path $outDir 'logs'
}
foreach ($needed in $bench.ModuleManifest, $bench.SandboxDll, $bench.BenchDll, $bench.PwshDll) {
    if (-not (Test-Path -LiteralPath $needed)) { throw "$needed is missing: run 'dotnet pwsh ./build.ps1 -Task Bench', which builds it." }
}
# The sandbox's ready line is read the way Start-PiSandbox reads it: by the client's PiSandboxDefaults, its one owner.
Add-Type -Path (Join-Path (Split-Path $bench.ModuleManifest) 'PiPlatform.Client.dll')
$notes = [System.Collections.Generic.List[string]]::new()
if ('Node' -in $Clients -and -not $bench.NodeExe) { $Clients = $Clients -ne 'Node'; $notes.Add('pi-backend rows skipped: node is not on PATH.') }
if ('Node' -in $Clients -and -not (Test-Path (Join-Path $PSScriptRoot 'node/node_modules/pi-backend'))) {
    $Clients = $Clients -ne 'Node'; $notes.Add('pi-backend rows skipped: bench/node/node_modules is missing (build.ps1 -Task Bench runs npm ci).')
}
Remove-Item -Recurse -Force -ErrorAction Ignore -LiteralPath $bench.WorkDir, $bench.LogDir
New-Item -ItemType Directory -Force -Path $bench.WorkDir, $bench.LogDir | Out-Null

function Invoke-Block([int] $BlockLatencyMs, [int[]] $Widths, [string[]] $BlockClients) {
    # One sandbox for the block; every run in it resets it, so runs do not see each other's payments or counters.
    $sandbox = Start-BenchSandbox $bench.SandboxDll $Count $BlockLatencyMs
    try {
        $seeded = Join-Path $bench.WorkDir "seeded-$BlockLatencyMs.ids"
        Save-SeededIds $bench.BenchDll $sandbox.BaseUri $Count $seeded
        Invoke-SandboxWarmUp $sandbox $bench.BenchDll
        foreach ($op in 'get', 'approve') {
            foreach ($w in $Widths) {
                foreach ($client in $BlockClients) {
                    $row = Invoke-ClientRun -Bench $bench -Sandbox $sandbox -Client $client -Op $op -Width $w -Seed $Count -SeededIdsPath $seeded -Count $Count
                    Write-RunProgress $row
                    $row
                }
            }
        }
    }
    finally {
        Stop-BenchSandbox $sandbox
    }
}

function Write-RunProgress($Row) {
    $outcome = if ($Row.Valid) { '{0:0.000} s, {1:0} req/s' -f ($Row.WallMs / 1000), $Row.RequestsPerSecond } else { "FAILED: $($Row.Problem)" }
    Write-Host ("  {0} {1} w{2} @{3} ms: {4}" -f $Row.Client, $Row.Op, $Row.Width, $Row.Block, $outcome)
}

$commit = (& git -C $root rev-parse --short HEAD 2>$null) ?? 'unknown'
if (& git -C $root status --porcelain 2>$null) { $commit += ' + uncommitted changes' }
$arguments = ($PSBoundParameters.GetEnumerator() | ForEach-Object {
        if ($_.Value -is [switch]) { "-$($_.Key)" } else { "-$($_.Key) $($_.Value -join ',')" } }) -join ' '
$report = [System.Collections.Generic.List[string]]::new()
$report.Add('# PiPlatform benchmark')
$report.Add('')
$command = "dotnet pwsh ./build.ps1 -Task Bench $arguments".TrimEnd()
$report.Add("$([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm')) UTC, commit $commit. Command: ``$command``")
$report.Add('')
$report.Add((Get-MachineLine $bench.NodeExe (Join-Path $PSScriptRoot 'node')))
$report.Add('')
foreach ($note in $notes) { $report.Add("Note: $note"); $report.Add('') }

$rows = [System.Collections.Generic.List[object]]::new()
if ($Sweep) {
    Write-Host "Sweep: $Count ids per run, widths $($sweepWidths -join ', '), $LatencyMs ms added per answer"
    $sweepRows = @(Invoke-Block $LatencyMs $sweepWidths @($Clients | Where-Object { $_ -in 'Ceiling', 'Module' }))
    $rows.AddRange($sweepRows)
    $report.Add("## Sweep: $Count ids per run, $LatencyMs ms added per answer")
    $report.Add('')
    $report.AddRange([string[]] (Format-RunTable $sweepRows))
    $report.Add('')
    $report.Add((Format-SandboxHeadroom $sweepRows))
    $report.Add('')
}
else {
    $blocks = @(0) + @(if ($LatencyMs -gt 0) { $LatencyMs })
    foreach ($blockLatency in $blocks) {
        $title = if ($blockLatency -eq 0) { 'no added latency' } else { "$blockLatency ms added per answer" }
        Write-Host "Block: $title, $Count ids per run"
        $blockRows = @(Invoke-Block $blockLatency @(1, $Width) $Clients)
        $rows.AddRange($blockRows)
        $report.Add("## $title ($Count ids per run)")
        $report.Add('')
        $report.AddRange([string[]] (Format-RunTable $blockRows))
        $report.Add('')
        $report.Add((Format-SandboxHeadroom $blockRows))
        $report.Add('')
    }
    $report.Add('## Startup, once per client type (its first run, in the first block)')
    $report.Add('')
    $report.AddRange([string[]] (Format-StartupTable $rows))
    $report.Add('')
}

if ($MemoryIds -gt 0 -and -not $Sweep -and 'Module' -in $Clients) {
    Write-Host "Memory: $MemoryIds ids piped through Get-PiPayment"
    $sandbox = Start-BenchSandbox $bench.SandboxDll $MemoryIds 0
    try {
        $seeded = Join-Path $bench.WorkDir 'memory.ids'
        Save-SeededIds $bench.BenchDll $sandbox.BaseUri $MemoryIds $seeded
        Invoke-SandboxWarmUp $sandbox $bench.BenchDll
        $memoryRow = Invoke-ClientRun -Bench $bench -Sandbox $sandbox -Client Module -Op get -Width $Width -Seed $MemoryIds -SeededIdsPath $seeded -NoWarmup
        Write-RunProgress $memoryRow
        $rows.Add($memoryRow)
    }
    finally {
        Stop-BenchSandbox $sandbox
    }
    $report.Add("## Memory: $MemoryIds ids piped through ``Get-PiPayment | Out-Null``, no added latency")
    $report.Add('')
    $report.AddRange([string[]] (Format-MemoryTable $memoryRow $memoryTargetMB))
    $report.Add('')
}

Set-Content -LiteralPath (Join-Path $outDir 'results.md') -Value $report
$rows | ConvertTo-Json -Depth 3 | Set-Content -LiteralPath (Join-Path $outDir 'results.json')
$report
Write-Host "Written: $(Join-Path $outDir 'results.md') (and results.json, logs/)"
$failed = @($rows | Where-Object { -not $_.Valid }).Count
if ($failed -gt 0) {
    Write-Host "$failed run(s) failed; their logs are in $($bench.LogDir)" -ForegroundColor Red
    exit 1
}
