using System;
using System.Collections.Generic;
using System.Globalization;

namespace PiPlatform.Sandbox;

/// <summary>Parses the sandbox's few options; no dependency for this, the grammar is tiny.</summary>
internal static class CommandLine
{
    public static readonly string Usage =
        "Usage: PiPlatform.Sandbox [--port N] [--seed N] [--api-key K] [--network \"Pi Testnet\"|\"Pi Network\"] [--latency-ms N] [--latency-jitter-ms N] [--parent-pid N]\n"
        + "  --port N        loopback port, 0 = any free port (default " + PiSandboxDefaults.Port + ")\n"
        + "  --seed N        how many user-to-app payments to seed (0 to " + PiSandboxDefaults.MaxSeedCount + ", default " + PiSandboxDefaults.SeedCount + ": two per lifecycle state)\n"
        + "  --api-key K     the server API key to accept (default " + PiSandboxDefaults.ApiKey + ")\n"
        + "  --network NAME  network written on payments (default \"Pi Testnet\")\n"
        + "  --latency-ms N  milliseconds added before every API answer, /v2 and Horizon (0 to " + PiSandboxDefaults.MaxLatencyMs + ", default 0)\n"
        + "  --latency-jitter-ms N  up to N random milliseconds more per answer (default 0)\n"
        + "  --parent-pid N  exit when that process exits";

    /// <summary>The options, or null with <paramref name="error"/> set; <paramref name="help"/> when --help was asked.</summary>
    public static SandboxOptions? Parse(IReadOnlyList<string> args, out string? error, out bool help)
    {
        error = null;
        help = false;
        var options = new SandboxOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help" or "-?")
            {
                help = true;
                return options;
            }

            if (i + 1 >= args.Count)
            {
                error = name.StartsWith("--", StringComparison.Ordinal) ? $"Option '{name}' needs a value." : $"Unexpected argument '{name}'.";
                return null;
            }

            string value = args[++i];
            switch (name)
            {
                case "--port" when TryInt(value, 0, 65535, out int port):
                    options = With(options, port: port);
                    break;
                case "--seed" when TryInt(value, 0, PiSandboxDefaults.MaxSeedCount, out int seed):
                    options = With(options, seed: seed);
                    break;
                case "--api-key" when !string.IsNullOrWhiteSpace(value):
                    options = With(options, apiKey: value);
                    break;
                case "--network" when value is "Pi Testnet" or "Pi Network":
                    options = With(options, network: value);
                    break;
                case "--latency-ms" when TryInt(value, 0, Store.SandboxConfig.MaxLatencyMs, out int latency):
                    options = With(options, latencyMs: latency);
                    break;
                case "--latency-jitter-ms" when TryInt(value, 0, Store.SandboxConfig.MaxLatencyMs, out int jitter):
                    options = With(options, latencyJitterMs: jitter);
                    break;
                case "--parent-pid" when TryInt(value, 1, int.MaxValue, out int pid):
                    options = With(options, parentPid: pid);
                    break;
                case "--port" or "--seed" or "--api-key" or "--network" or "--latency-ms" or "--latency-jitter-ms" or "--parent-pid":
                    error = $"Invalid value '{value}' for {name}.";
                    return null;
                default:
                    error = $"Unknown option '{name}'.";
                    return null;
            }
        }

        return options;
    }

    private static bool TryInt(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    // SandboxOptions is init-only (immutable once built), so each option makes a new instance.
    private static SandboxOptions With(SandboxOptions o, int? port = null, int? seed = null, string? apiKey = null,
        string? network = null, int? latencyMs = null, int? latencyJitterMs = null, int? parentPid = null) => new()
        {
            Port = port ?? o.Port,
            Seed = seed ?? o.Seed,
            ApiKey = apiKey ?? o.ApiKey,
            Network = network ?? o.Network,
            LatencyMs = latencyMs ?? o.LatencyMs,
            LatencyJitterMs = latencyJitterMs ?? o.LatencyJitterMs,
            ParentProcessId = parentPid ?? o.ParentProcessId,
        };
}
