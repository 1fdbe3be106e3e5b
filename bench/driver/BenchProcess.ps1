# Child processes with their stdin and stdout held by the driver (the client protocol runs over them) and their
# stderr kept for the log. Only processes started here are ever stopped, by their own Process object.

function Start-BenchProcess([string] $FileName, [string[]] $Arguments) {
    $info = [System.Diagnostics.ProcessStartInfo]::new($FileName)
    foreach ($argument in $Arguments) { $info.ArgumentList.Add($argument) }
    $info.UseShellExecute = $false
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    # No telemetry or update checks: they would add network attempts and CPU to the clients' numbers.
    $info.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
    $info.Environment['POWERSHELL_UPDATECHECK'] = 'Off'
    $info.Environment['DOTNET_CLI_TELEMETRY_OPTOUT'] = '1'
    $process = [System.Diagnostics.Process]::Start($info)
    [pscustomobject]@{
        Process = $process
        # Read on the thread pool from the start, so a chatty child can never block on a full stderr pipe.
        StdErr = $process.StandardError.ReadToEndAsync()
        Lines = [System.Collections.Generic.List[string]]::new()
    }
}

function Read-BenchLine($Child, [TimeSpan] $Timeout) {
    # The next stdout line, or $null at the end of the stream; throws when the child stays silent too long.
    $read = $Child.Process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait($Timeout)) {
        throw "No answer from $($Child.Process.StartInfo.FileName) (pid $($Child.Process.Id)) within $([int] $Timeout.TotalSeconds) s."
    }
    $line = $read.Result
    if ($null -ne $line) { $Child.Lines.Add($line) }
    $line
}

function Read-ProtocolLine($Child, [TimeSpan] $Timeout, [string] $Property) {
    # The next JSON line carrying $Property; other lines (a stray warning) are kept in $Child.Lines for the log.
    $deadline = [DateTime]::UtcNow + $Timeout
    while ($true) {
        $left = $deadline - [DateTime]::UtcNow
        if ($left -le [TimeSpan]::Zero) { $left = [TimeSpan]::FromMilliseconds(1) }
        $line = Read-BenchLine $Child $left
        if ($null -eq $line) { return $null }
        if ($line.StartsWith('{')) {
            $value = $line | ConvertFrom-Json
            if ($value.PSObject.Properties.Name -contains $Property) { return $value }
        }
    }
}

function Stop-BenchProcess($Child, [TimeSpan] $Grace = [TimeSpan]::FromSeconds(30)) {
    # Close stdin (the client protocol's "you may exit"), wait, and kill only if it does not go.
    try { $Child.Process.StandardInput.Close() } catch { Write-Verbose "stdin already closed: $_" }
    if (-not $Child.Process.WaitForExit([int] $Grace.TotalMilliseconds)) {
        $Child.Process.Kill($true)
        $Child.Process.WaitForExit()
    }
    $Child.Process.WaitForExit() # the parameterless wait also waits for the redirected streams to end
    $exitCode = $Child.Process.ExitCode
    $stderr = $Child.StdErr.Result
    $Child.Process.Dispose()
    [pscustomobject]@{ ExitCode = $exitCode; StdErr = $stderr }
}
