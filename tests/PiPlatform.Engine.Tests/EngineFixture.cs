using System;
using System.Management.Automation.Host;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Sandbox;
using Xunit;

namespace PiPlatform.Engine.Tests;

/// <summary>
/// One sandbox on a free loopback port for the collection, in this process; each test opens its own
/// <see cref="EngineSession"/> (a runspace with the built module) against it and makes its own payments.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private SandboxHost? _host;
    private int _payee = 100000;

    public Uri BaseUri => _host!.BaseUri;

    public SandboxEyes Sandbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 });
        _http.BaseAddress = _host.BaseUri;
        Sandbox = new SandboxEyes(_http);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_host != null) await _host.DisposeAsync();
    }

    /// <summary>A runspace with the module imported and connected to the sandbox (or not, with <paramref name="connect"/> false).</summary>
    public EngineSession NewSession(PSHost? host = null, bool connect = true) => new(connect ? BaseUri : null, host);

    /// <summary>A payee the sandbox makes up on the spot, new each call: one open app-to-user payment per user.</summary>
    public string NewPayee() => $"uid-payee-{Interlocked.Increment(ref _payee)}";
}

/// <summary>The tests share one sandbox, and some change its latency: they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
