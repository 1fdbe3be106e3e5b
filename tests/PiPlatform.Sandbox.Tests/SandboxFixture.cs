using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>One sandbox for the whole "sandbox" collection, on a free loopback port.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxHost? _host;
    private HttpClient? _http;

    public SandboxHost Host => _host ?? throw new InvalidOperationException("The sandbox is not started.");

    /// <summary>A plain client: no default headers, each test sends exactly what it means to.</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The sandbox is not started.");

    /// <summary>
    /// The sandbox's clock: it starts at the real time and moves only when a test advances it. Only the 24-hour
    /// notification window reads it, and a reset clears the quotas, so an advanced clock does not leak between tests.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        _host = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 }, Clock);
        _http = new HttpClient { BaseAddress = _host.BaseUri, Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>Tests sharing the fixture run one after another (they share its state) but each starts from a reset.</summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
