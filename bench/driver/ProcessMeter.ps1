# CPU time and memory of a process and its descendants, read from Linux's /proc while they are alive.
# Read while alive on purpose: once .NET has reaped an exited child, its /proc entry (and its times) are gone.

$script:ClockTicksPerSecond = 100
try { $script:ClockTicksPerSecond = [int] (& getconf CLK_TCK) } catch { Write-Verbose 'getconf CLK_TCK failed; assuming 100.' }

function Get-ProcStatFields([int] $ProcessId) {
    # The fields after "pid (comm)": comm may hold spaces and parentheses, so split after the last ')'.
    # Index 0 is field 3 (state) of proc(5), so field n is at n - 3.
    try { $stat = [System.IO.File]::ReadAllText("/proc/$ProcessId/stat") } catch { return $null }
    $stat.Substring($stat.LastIndexOf(')') + 2).Split(' ')
}

function Get-ProcessTreeIds([int] $RootId) {
    $childrenOf = @{}
    foreach ($dir in [System.IO.Directory]::EnumerateDirectories('/proc')) {
        $name = [System.IO.Path]::GetFileName($dir)
        if ($name -notmatch '^\d+$') { continue }
        $fields = Get-ProcStatFields ([int] $name)
        if (-not $fields) { continue }
        $parent = [int] $fields[1]
        if (-not $childrenOf.ContainsKey($parent)) { $childrenOf[$parent] = [System.Collections.Generic.List[int]]::new() }
        $childrenOf[$parent].Add([int] $name)
    }
    $tree = [System.Collections.Generic.List[int]]::new()
    $queue = [System.Collections.Generic.Queue[int]]::new()
    $queue.Enqueue($RootId)
    while ($queue.Count -gt 0) {
        $id = $queue.Dequeue()
        $tree.Add($id)
        if ($childrenOf.ContainsKey($id)) { foreach ($child in $childrenOf[$id]) { $queue.Enqueue($child) } }
    }
    $tree
}

function Get-ProcStatusKilobytes([int] $ProcessId, [string] $Key) {
    try { $lines = [System.IO.File]::ReadAllLines("/proc/$ProcessId/status") } catch { return 0 }
    foreach ($line in $lines) {
        if ($line.StartsWith("${Key}:")) { return [long] ($line -replace '^\S+:\s+(\d+).*$', '$1') }
    }
    0
}

function Measure-ProcessTree {
    <#
    .SYNOPSIS
        User+system CPU seconds (reaped children included), resident and peak resident bytes, summed over a
        process and, unless -Alone, its live descendants.
    #>
    param([Parameter(Mandatory)] [int] $ProcessId, [switch] $Alone)

    $ids = @(if ($Alone) { $ProcessId } else { Get-ProcessTreeIds $ProcessId })
    $ticks = 0L; $rss = 0L; $peak = 0L
    foreach ($id in $ids) {
        $fields = Get-ProcStatFields $id
        if (-not $fields) { continue }
        # utime, stime, cutime, cstime: fields 14 to 17.
        $ticks += [long] $fields[11] + [long] $fields[12] + [long] $fields[13] + [long] $fields[14]
        $rss += 1KB * (Get-ProcStatusKilobytes $id 'VmRSS')
        $peak += 1KB * (Get-ProcStatusKilobytes $id 'VmHWM')
    }
    [pscustomobject]@{
        CpuSeconds = $ticks / $script:ClockTicksPerSecond
        RssBytes = $rss
        PeakRssBytes = $peak
        Processes = $ids.Count
    }
}
