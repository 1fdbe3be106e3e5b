using System;
using PiPlatform.Sandbox.Horizon.Ledger;

namespace PiPlatform.Sandbox.Store;

/// <summary>Everything one sandbox instance holds in memory; one instance per <see cref="SandboxHost"/>.</summary>
internal sealed class SandboxState
{
    public SandboxState(SandboxOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        StartedAt = time.GetUtcNow();
        Payments = new PaymentStore(options.Seed, options.Network);
        // The network passphrase is the payments' network string, as on Pi's real Horizon servers.
        Ledger = new HorizonLedger(options.Network, time, DemoWallets.Genesis, Payments.LinkTransaction);
        Notifications = new NotificationStore(time);
        Config = new SandboxConfig(options.LatencyMs, options.LatencyJitterMs);
    }

    public SandboxOptions Options { get; }

    /// <summary>The sandbox's clock (a fake one in tests): Horizon's Date header, time bounds, ledger close times.</summary>
    public TimeProvider Time { get; }

    /// <summary>Token lifetimes are relative to this, so /v2/me answers the same all session long.</summary>
    public DateTimeOffset StartedAt { get; }

    public PaymentStore Payments { get; }

    /// <summary>The blockchain behind the sandbox's Horizon: accounts and included transactions.</summary>
    public HorizonLedger Ledger { get; }

    public NotificationStore Notifications { get; }

    public RequestStats Requests { get; } = new();

    public FaultQueue Faults { get; } = new();

    public InjectedFaultStats InjectedFaults { get; } = new();

    public TrafficStats Traffic { get; } = new();

    public SandboxConfig Config { get; }

    /// <summary>Back to the freshly seeded state (the ledger too), with config, faults, stats and quotas cleared.</summary>
    public int Reset(int? seed)
    {
        Faults.Clear();
        InjectedFaults.Clear();
        Config.Clear();
        Requests.Clear();
        Traffic.Clear();
        Notifications.Clear();
        int count = Payments.Reset(seed ?? Options.Seed);
        Ledger.Reset();
        return count;
    }
}
