using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PiPlatform.Sandbox.Endpoints;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox;

/// <summary>A running sandbox: Kestrel on 127.0.0.1, in this process. Dispose (or stop) it to free the port.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private Task? _stopTask;
    private int _disposed;

    /// <summary>
    /// The largest request body accepted (Kestrel's default is 30 MB). The largest legitimate one, a notify call
    /// with 256 notifications, stays a few hundred KB even with long texts (a test checks it fits with room).
    /// </summary>
    internal const int MaxRequestBodyBytes = 1024 * 1024;

    private SandboxHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The root of the sandbox, with a trailing slash, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Signalled when the sandbox begins to stop (by <see cref="StopAsync"/> or because the parent process exited).</summary>
    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts a sandbox; completes once it accepts connections.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="System.IO.IOException">The port is already in use.</exception>
    public static Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken ct = default) =>
        StartAsync(options, TimeProvider.System, ct);

    /// <summary>Starts a sandbox on the given clock, so tests can move past the 24-hour notification window.</summary>
    internal static async Task<SandboxHost> StartAsync(SandboxOptions options, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Validate(options);

        var state = new SandboxState(options, time);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Nothing from the command line or the working directory may change how the sandbox binds.
            Args = Array.Empty<string>(),
            ApplicationName = typeof(SandboxHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        // Warnings and up, all to stderr: stdout belongs to Program's "listening on" line.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(state);
        // The host must not grab Ctrl+C for itself: in-process users (tests, a PowerShell session) own it.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Use(next => async connection =>
            {
                // Counted so tests and the benchmark can see a client's keep-alive pool at work.
                state.Traffic.ConnectionOpened();
                try
                {
                    await next(connection);
                }
                finally
                {
                    state.Traffic.ConnectionClosed();
                }
            }));
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });

        var app = builder.Build();
        SandboxPipeline.Configure(app, state);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var host = new SandboxHost(app, new Uri($"http://127.0.0.1:{new Uri(address).Port}/"));
        if (options.ParentProcessId is int parent)
        {
            _ = Task.Run(() => host.WatchParentAsync(parent), CancellationToken.None);
        }

        return host;
    }

    /// <summary>Stops accepting requests and shuts down; safe to call more than once.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stopTask ??= StopCoreAsync();
        }
    }

    /// <summary>Stops the sandbox and releases everything it holds.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StopCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Polls once a second; a sandbox started by a shell or cmdlet must not outlive it.</summary>
    private async Task WatchParentAsync(int processId)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                if (!IsRunning(processId))
                {
                    await StopAsync().ConfigureAwait(false);
                    return;
                }
            }
            while (await timer.WaitForNextTickAsync(Stopping).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopped for another reason: nothing left to watch.
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void Validate(SandboxOptions options)
    {
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"Port must be 0 to {IPEndPoint.MaxPort}.", nameof(options));
        }

        if (options.Seed is < 0 or > PiSandboxDefaults.MaxSeedCount)
        {
            throw new ArgumentException($"Seed must be 0 to {PiSandboxDefaults.MaxSeedCount}.", nameof(options));
        }

        if (options.LatencyMs is < 0 or > SandboxConfig.MaxLatencyMs || options.LatencyJitterMs is < 0 or > SandboxConfig.MaxLatencyMs)
        {
            throw new ArgumentException($"LatencyMs and LatencyJitterMs must be 0 to {SandboxConfig.MaxLatencyMs}.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException("ApiKey must not be empty.", nameof(options));
        }

        if (options.Network is not (DemoData.Testnet or DemoData.Mainnet))
        {
            throw new ArgumentException($"Network must be \"{DemoData.Testnet}\" or \"{DemoData.Mainnet}\".", nameof(options));
        }
    }

    /// <summary>A lifetime that leaves process signals alone; see the registration above.</summary>
    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
