namespace PiPlatform.Sandbox;

/// <summary>Settings of one sandbox instance, fixed once it has started.</summary>
public sealed class SandboxOptions
{
    /// <summary>The loopback port to listen on; 0 picks a free one (read it back from <see cref="SandboxHost.BaseUri"/>).</summary>
    public int Port { get; init; } = SandboxDefaults.Port;

    /// <summary>How many user-to-app payments to seed, round-robin over the seven lifecycle states.</summary>
    public int Seed { get; init; } = SandboxDefaults.SeedCount;

    /// <summary>The server API key that <c>Authorization: Key ...</c> must carry.</summary>
    public string ApiKey { get; init; } = SandboxDefaults.ApiKey;

    /// <summary>The <c>network</c> written on payments: <c>"Pi Testnet"</c> or <c>"Pi Network"</c> (Mainnet).</summary>
    public string Network { get; init; } = "Pi Testnet";

    /// <summary>Milliseconds added before every /v2 answer, as a real network and server would (0: none).</summary>
    public int LatencyMs { get; init; }

    /// <summary>Up to this many milliseconds more, drawn at random per answer, so answers overtake each other.</summary>
    public int LatencyJitterMs { get; init; }

    /// <summary>When set, the sandbox stops itself once that process has exited (checked every second).</summary>
    public int? ParentProcessId { get; init; }
}

/// <summary>The sandbox's well-known defaults.</summary>
public static class SandboxDefaults
{
    /// <summary>The default port (the first digits of pi).</summary>
    public const int Port = 31415;

    /// <summary>The default number of seeded payments: two in each of the seven lifecycle states.</summary>
    public const int SeedCount = 14;

    /// <summary>The default API key. It is well known on purpose: the sandbox guards nothing.</summary>
    public const string ApiKey = "pi-sandbox-key";
}
