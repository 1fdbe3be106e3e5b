# The handshake every benchmark client speaks (bench/README.md, "The client protocol"), dot-sourced by the
# PowerShell clients. Only these JSON lines go to stdout; everything else a client says goes to stderr.

function Write-ReadyAndWaitForGo([TimeSpan] $Startup) {
    Write-ProtocolLine ([ordered]@{ ready = $true; startup_ms = $Startup.TotalMilliseconds })
    $line = [Console]::In.ReadLine()
    if ($line -ne 'go') { throw "Expected 'go' on stdin, got '$line'." }
}

function Write-ResultAndWaitForRelease([string] $Client, [string] $Op, [int] $Width, [int] $Count, [int] $Failed,
    [TimeSpan] $Wall, $FirstError, [hashtable] $Extra = @{}) {
    $result = [ordered]@{
        client = $Client; op = $Op; width = $Width; count = $Count; ok = $Count - $Failed; failed = $Failed
        wall_ms = $Wall.TotalMilliseconds; first_error = $FirstError
        ps_version = $PSVersionTable.PSVersion.ToString()
    }
    foreach ($key in $Extra.Keys) { $result[$key] = $Extra[$key] }
    Write-ProtocolLine $result
    # Stay alive until the driver has read this process's CPU and memory from /proc and closes stdin.
    [Console]::In.ReadToEnd() | Out-Null
}

function Write-ProtocolLine($Value) {
    [Console]::Out.WriteLine(($Value | ConvertTo-Json -Compress -Depth 3))
    [Console]::Out.Flush()
}

function Get-FirstErrorText($Errors) {
    # The first failure, in one line: enough to tell a refused request from a broken run.
    if ($Errors.Count -eq 0) { return $null }
    $first = $Errors[0]
    $text = if ($first.ErrorDetails -and $first.ErrorDetails.Message) { $first.ErrorDetails.Message } else { $first.ToString() }
    "$($first.FullyQualifiedErrorId): $text" -replace '\s+', ' '
}
