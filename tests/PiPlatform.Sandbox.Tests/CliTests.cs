using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>The built executable, run as a separate process the way a cmdlet or a developer runs it.</summary>
public sealed partial class CliTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [GeneratedRegex(@"^Pi sandbox listening on (http://127\.0\.0\.1:\d+/)$")]
    private static partial Regex ListeningLine();

    [Fact]
    public async Task It_prints_the_machine_readable_ready_line_first_then_the_address_and_key_for_people_and_serves_requests()
    {
        using var sandbox = Start("--port", "0", "--parent-pid", Environment.ProcessId.ToString());

        string first = await ReadLineAsync(sandbox);
        string second = await ReadLineAsync(sandbox);
        string third = await ReadLineAsync(sandbox);

        Uri? ready = PiSandboxDefaults.ReadReadyLine(first);
        Assert.True(ready != null, $"first line was '{first}'");
        var match = ListeningLine().Match(second);
        Assert.True(match.Success, $"second line was '{second}'");
        Assert.Equal(ready, new Uri(match.Groups[1].Value));
        Assert.Equal("API key: " + PiSandboxDefaults.ApiKey, third);
        using var http = new HttpClient { BaseAddress = ready, Timeout = Patience };
        var users = JsonDocument.Parse(await http.GetStringAsync("sandbox/users")).RootElement;
        Assert.Equal(4, users.GetArrayLength());
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/payments/incomplete_server_payments");
        request.Headers.TryAddWithoutValidation("Authorization", "Key pi-sandbox-key");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        Assert.False(sandbox.HasExited);
    }

    [Fact]
    public async Task Options_are_applied_and_a_custom_key_is_not_echoed()
    {
        using var sandbox = Start("--port", "0", "--seed", "1", "--api-key", "my-secret-key", "--network", "Pi Network",
            "--latency-ms", "7", "--latency-jitter-ms", "3");

        Uri? ready = PiSandboxDefaults.ReadReadyLine(await ReadLineAsync(sandbox));
        string rest = await ReadLineAsync(sandbox) + await ReadLineAsync(sandbox);

        Assert.NotNull(ready);
        Assert.DoesNotContain("my-secret-key", rest);
        using var http = new HttpClient { BaseAddress = ready, Timeout = Patience };
        var payments = JsonDocument.Parse(await http.GetStringAsync("sandbox/payments")).RootElement.GetProperty("payments");
        Assert.Equal(3, payments.GetArrayLength());
        Assert.Equal("Pi Network", payments[0].GetProperty("network").GetString());
        var config = JsonDocument.Parse(await http.GetStringAsync("sandbox/config")).RootElement;
        Assert.Equal((7, 3), (config.GetProperty("latency_ms").GetInt32(), config.GetProperty("latency_jitter_ms").GetInt32()));
    }

    [Theory]
    [InlineData("--port", "abc")]
    [InlineData("--port", "70000")]
    [InlineData("--seed", "-3")]
    [InlineData("--network", "Pi Mainnet")]
    [InlineData("--api-key", "")]
    [InlineData("--latency-ms", "60001")]
    [InlineData("--latency-jitter-ms", "-1")]
    [InlineData("--bogus", "1")]
    [InlineData("--port")]
    [InlineData("stray")]
    public async Task Invalid_arguments_exit_2_with_a_message_on_stderr(params string[] args)
    {
        using var sandbox = Start(args);

        string stdout = await sandbox.Process.StandardOutput.ReadToEndAsync();
        string stderr = await sandbox.Process.StandardError.ReadToEndAsync();
        await WaitForExitAsync(sandbox);

        Assert.Equal(2, sandbox.ExitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("Usage:", stderr);
    }

    [Fact]
    public async Task The_largest_seed_is_the_shared_limit_and_one_more_is_refused()
    {
        using (var largest = Start("--port", "0", "--seed", PiSandboxDefaults.MaxSeedCount.ToString()))
        {
            Assert.NotNull(PiSandboxDefaults.ReadReadyLine(await ReadLineAsync(largest)));
        }

        using var tooMany = Start("--port", "0", "--seed", (PiSandboxDefaults.MaxSeedCount + 1).ToString());
        string stderr = await tooMany.Process.StandardError.ReadToEndAsync();
        await WaitForExitAsync(tooMany);
        Assert.Equal(2, tooMany.ExitCode);
        Assert.Contains($"0 to {PiSandboxDefaults.MaxSeedCount}", CommandLine.Usage);
    }

    [Fact]
    public async Task It_exits_on_its_own_once_the_parent_process_is_gone()
    {
        // A parent that has come and gone: the sandbox itself, asked only for --help.
        int deadParent;
        using (var parent = Start("--help"))
        {
            await WaitForExitAsync(parent);
            deadParent = parent.Id;
        }

        using var sandbox = Start("--port", "0", "--parent-pid", deadParent.ToString());
        Assert.NotNull(PiSandboxDefaults.ReadReadyLine(await ReadLineAsync(sandbox)));

        await WaitForExitAsync(sandbox);
        Assert.Equal(0, sandbox.ExitCode);
    }

    [Fact]
    public async Task Sigterm_stops_it_cleanly_with_exit_code_0()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // No SIGTERM to send there; Ctrl+C handling is the same PosixSignalRegistration code path.
        }

        using var sandbox = Start("--port", "0");
        Assert.NotNull(PiSandboxDefaults.ReadReadyLine(await ReadLineAsync(sandbox)));

        Assert.Equal(0, Kill(sandbox.Id, 15));
        await WaitForExitAsync(sandbox);

        Assert.Equal(0, sandbox.ExitCode);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>The apphost copied beside the tests, or the dll through the dotnet host that runs the tests.</summary>
    private static RunningSandbox Start(params string[] args)
    {
        string dll = typeof(SandboxHost).Assembly.Location;
        string appHost = Path.ChangeExtension(dll, OperatingSystem.IsWindows() ? ".exe" : null)!.TrimEnd('.');
        string? dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        var info = dotnet is not null && File.Exists(dotnet) ? new ProcessStartInfo(dotnet) : new ProcessStartInfo(appHost);
        if (info.FileName == dotnet)
        {
            info.ArgumentList.Add(dll);
        }

        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return new RunningSandbox(Process.Start(info) ?? throw new InvalidOperationException("The sandbox did not start."));
    }

    private static async Task<string> ReadLineAsync(RunningSandbox sandbox)
    {
        var line = sandbox.Process.StandardOutput.ReadLineAsync();
        var done = await Task.WhenAny(line, Task.Delay(Patience));
        Assert.True(done == line, "The sandbox printed nothing in time.");
        return await line ?? throw new EndOfStreamException("The sandbox closed stdout: " + await sandbox.Process.StandardError.ReadToEndAsync());
    }

    private static async Task WaitForExitAsync(RunningSandbox sandbox)
    {
        using var timeout = new System.Threading.CancellationTokenSource(Patience);
        await sandbox.Process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>A started sandbox process, killed (this one process, by its id) if a test leaves it running.</summary>
    private sealed class RunningSandbox : IDisposable
    {
        public RunningSandbox(Process process) => Process = process;

        public Process Process { get; }

        public bool HasExited => Process.HasExited;

        public int ExitCode => Process.ExitCode;

        public int Id => Process.Id;

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
                Process.WaitForExit(5000);
            }

            Process.Dispose();
        }
    }
}
