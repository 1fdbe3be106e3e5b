using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Threading.Tasks;
using PiPlatform.Stellar;

namespace PiPlatform.Commands
{
    /// <summary>Starts the local Pi Platform API sandbox that ships with the module.</summary>
    [Cmdlet(VerbsLifecycle.Start, "PiSandbox")]
    [OutputType(typeof(SandboxServer))]
    public sealed class StartPiSandboxCommand : PiCmdlet
    {
        /// <summary>The port; 0 (the default) picks a free one. The sandbox's own default is <see cref="PiSandboxDefaults.Port"/>.</summary>
        [Parameter(Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>How many payments to seed, spread over every state.</summary>
        [Parameter]
        [ValidateRange(0, PiSandboxDefaults.MaxSeedCount)]
        public int Seed { get; set; } = PiSandboxDefaults.SeedCount;

        /// <summary>The network the sandbox's payments are on.</summary>
        [Parameter]
        [ValidateSet(StellarNetwork.PiTestnet, StellarNetwork.PiMainnet)]
        public string Network { get; set; } = StellarNetwork.PiTestnet;

        /// <summary>Milliseconds the sandbox waits before every answer of Pi's API and Horizon, as a network would.</summary>
        [Parameter]
        [ValidateRange(0, PiSandboxDefaults.MaxLatencyMs)]
        public int LatencyMs { get; set; }

        /// <summary>Up to this many random milliseconds more per answer.</summary>
        [Parameter]
        [ValidateRange(0, PiSandboxDefaults.MaxLatencyMs)]
        public int LatencyJitterMs { get; set; }

        /// <summary>The sandbox's PiPlatform.Sandbox.dll; default: the one in the module's 'sandbox' folder.</summary>
        [Parameter]
        public string? Path { get; set; }

        /// <summary>Seconds to wait for the sandbox to listen.</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int StartTimeoutSec { get; set; } = 60;

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            string dll = Path != null ? GetUnresolvedProviderPathFromPSPath(Path) : DefaultPath();
            if (!File.Exists(dll)) ThrowTerminatingError(ErrorFactory.SandboxNotFound(dll));
            var start = new ProcessStartInfo(DotnetHost())
            {
                Arguments = $"\"{dll}\" --port {Port} --seed {Seed} --network \"{Network}\" --latency-ms {LatencyMs} --latency-jitter-ms {LatencyJitterMs} --parent-pid {Process.GetCurrentProcess().Id}",
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                CreateNoWindow = true,
            };
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new Win32Exception("Process.Start returned nothing.");
            }
            catch (Win32Exception error)
            {
                ThrowTerminatingError(ErrorFactory.SandboxFailed(error.Message, start.FileName));
                return;
            }
            Task<string> errors = process.StandardError.ReadToEndAsync();
            Task<string?> firstLine = process.StandardOutput.ReadLineAsync();
            bool listening;
            try
            {
                // Ctrl+C while it starts stops the wait and the half-started sandbox.
                listening = firstLine.Wait(StartTimeoutSec * 1000, CancelToken);
            }
            catch (OperationCanceledException)
            {
                if (!process.HasExited) process.Kill();
                throw new PipelineStoppedException();
            }
            Uri? baseUri = listening ? PiSandboxDefaults.ReadReadyLine(firstLine.Result) : null;
            if (baseUri == null)
            {
                if (!process.HasExited) process.Kill();
                process.WaitForExit(5000);
                string detail = errors.Wait(2000) && errors.Result.Length > 0 ? errors.Result.Trim() : $"no ready line ('{PiSandboxDefaults.ReadyLinePrefix}...') within {StartTimeoutSec} s";
                ThrowTerminatingError(ErrorFactory.SandboxFailed(detail, dll));
            }
            // Keep reading what it prints so that a full pipe never blocks it.
            _ = process.StandardOutput.ReadToEndAsync();
            var server = new SandboxServer(process, baseUri!, Seed);
            WriteVerbose($"Sandbox {server.ProcessId} listening on {server.BaseUri}.");
            WriteObject(server);
        }

        private string DefaultPath()
        {
            string moduleBase = MyInvocation.MyCommand.Module?.ModuleBase
                ?? System.IO.Path.GetDirectoryName(typeof(StartPiSandboxCommand).Assembly.Location) ?? ".";
            return System.IO.Path.Combine(moduleBase, "sandbox", "PiPlatform.Sandbox.dll");
        }

        // The dotnet host that runs this pwsh if it is one (dotnet tool), else DOTNET_HOST_PATH, else dotnet on PATH.
        private static string DotnetHost()
        {
            string? current = Process.GetCurrentProcess().MainModule?.FileName;
            if (current != null && System.IO.Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return current;
            }
            return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        }
    }
}
