using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Sandbox;

/// <summary>The command-line entry point; see README.md.</summary>
internal static class Program
{
    private const int ExitOk = 0;
    private const int ExitStartFailed = 1;
    private const int ExitUsage = 2;

    private static async Task<int> Main(string[] args)
    {
        var options = CommandLine.Parse(args, out string? error, out bool help);
        if (help)
        {
            Console.Out.WriteLine(CommandLine.Usage);
            return ExitOk;
        }

        if (options is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(CommandLine.Usage);
            return ExitUsage;
        }

        // Ctrl+C and SIGTERM end the wait below; cancelling the signal keeps the runtime from killing us first.
        var shutdown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        SandboxHost host;
        try
        {
            host = await SandboxHost.StartAsync(options);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Could not listen on 127.0.0.1:{options.Port}: {e.Message}");
            return ExitStartFailed;
        }

        await using (host)
        {
            // A launcher (Start-PiSandbox) waits for this first line, machine-readable, so flush it at once.
            Console.Out.WriteLine(PiSandboxDefaults.ReadyLine(host.BaseUri));
            Console.Out.WriteLine($"Pi sandbox listening on {host.BaseUri}");
            // The default key is public; a custom one is treated as a secret and not echoed.
            Console.Out.WriteLine(options.ApiKey == PiSandboxDefaults.ApiKey ? $"API key: {options.ApiKey}" : "API key: (as given by --api-key)");
            Console.Out.Flush();

            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (host.Stopping.Register(() => stopped.TrySetResult()))
            {
                await Task.WhenAny(shutdown.Task, stopped.Task);
            }
        }

        return ExitOk;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            shutdown.TrySetResult();
        }
    }
}
