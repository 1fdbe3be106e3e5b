using System;

namespace PiPlatform.Sandbox.Store;

/// <summary>Everything one sandbox instance holds in memory; one instance per <see cref="SandboxHost"/>.</summary>
internal sealed class SandboxState
{
    public SandboxState(SandboxOptions options, TimeProvider time)
    {
        Options = options;
        StartedAt = time.GetUtcNow();
        Payments = new PaymentStore(options.Seed, options.Network);
        Notifications = new NotificationStore(time);
        Config = new SandboxConfig(options.LatencyMs, options.LatencyJitterMs);
    }

    public SandboxOptions Options { get; }

    /// <summary>Token lifetimes are relative to this, so /v2/me answers the same all session long.</summary>
    public DateTimeOffset StartedAt { get; }

    public PaymentStore Payments { get; }

    public NotificationStore Notifications { get; }

    public RequestStats Requests { get; } = new();

    public FaultQueue Faults { get; } = new();

    public InjectedFaultStats InjectedFaults { get; } = new();

    public TrafficStats Traffic { get; } = new();

    public SandboxConfig Config { get; }

    /// <summary>Back to the freshly seeded state, with config, faults, stats and quotas cleared.</summary>
    public int Reset(int? seed)
    {
        Faults.Clear();
        InjectedFaults.Clear();
        Config.Clear();
        Requests.Clear();
        Traffic.Clear();
        Notifications.Clear();
        return Payments.Reset(seed ?? Options.Seed);
    }
}
