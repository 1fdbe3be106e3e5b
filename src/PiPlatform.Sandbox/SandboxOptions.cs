namespace PiPlatform.Sandbox;

/// <summary>Settings of one sandbox instance, fixed once it has started.</summary>
public sealed class SandboxOptions
{
    /// <summary>The loopback port to listen on; 0 picks a free one (read it back from <see cref="SandboxHost.BaseUri"/>).</summary>
    public int Port { get; init; } = PiSandboxDefaults.Port;

    /// <summary>How many user-to-app payments to seed, round-robin over the seven lifecycle states.</summary>
    public int Seed { get; init; } = PiSandboxDefaults.SeedCount;

    /// <summary>The server API key that <c>Authorization: Key ...</c> must carry.</summary>
    public string ApiKey { get; init; } = PiSandboxDefaults.ApiKey;

    /// <summary>The <c>network</c> written on payments: <c>"Pi Testnet"</c> or <c>"Pi Network"</c> (Mainnet).</summary>
    public string Network { get; init; } = "Pi Testnet";

    /// <summary>Milliseconds added before every /v2 answer, as a real network and server would (0: none).</summary>
    public int LatencyMs { get; init; }

    /// <summary>Up to this many milliseconds more, drawn at random per answer, so answers overtake each other.</summary>
    public int LatencyJitterMs { get; init; }

    /// <summary>When set, the sandbox stops itself once that process has exited (checked every second).</summary>
    public int? ParentProcessId { get; init; }
}
