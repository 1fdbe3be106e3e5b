using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace PiPlatform.Sandbox.Store;

/// <summary>
/// What a concurrent client does to the wire, for tests and the benchmark to read: TCP connections accepted and
/// open (a client with a keep-alive pool opens about as many as it has requests in flight, never one per
/// request), API requests (Pi's and Horizon's) in flight and their peak, and a log of recent API requests with monotonic times.
/// </summary>
internal sealed class TrafficStats
{
    /// <summary>The request log keeps the newest this many entries, so a long benchmark stays flat in memory.</summary>
    public const int LogCapacity = 10_000;

    /// <summary>The status logged for a request that got no answer at all (a reset fault).</summary>
    public const int NoAnswer = 0;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private readonly Queue<RequestRecord> _log = new();
    private long _accepted;
    private long _open;
    private int _inFlight;
    private int _peak;

    /// <summary>Milliseconds since the sandbox started, on a monotonic clock (never the test clock).</summary>
    public double NowMs => _clock.Elapsed.TotalMilliseconds;

    public void ConnectionOpened()
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _open);
    }

    public void ConnectionClosed() => Interlocked.Decrement(ref _open);

    /// <summary>An API request has arrived; returns when it did, for <see cref="Leave"/>.</summary>
    public double Enter()
    {
        lock (_gate)
        {
            _inFlight++;
            _peak = Math.Max(_peak, _inFlight);
        }

        return NowMs;
    }

    /// <summary>The request has been answered (or its client is gone).</summary>
    public void Leave(string api, string method, string path, int status, double receivedMs)
    {
        var record = new RequestRecord(method, path, status, Math.Round(receivedMs, 3), Math.Round(NowMs, 3), api);
        lock (_gate)
        {
            _inFlight--;
            _log.Enqueue(record);
            if (_log.Count > LogCapacity)
            {
                _log.Dequeue();
            }
        }
    }

    public (long Accepted, long Open, int InFlight, int Peak) Snapshot()
    {
        lock (_gate)
        {
            return (Interlocked.Read(ref _accepted), Interlocked.Read(ref _open), _inFlight, _peak);
        }
    }

    /// <summary>The logged requests, oldest first.</summary>
    public List<RequestRecord> Log()
    {
        lock (_gate)
        {
            return new List<RequestRecord>(_log);
        }
    }

    /// <summary>Counts start again from now: connections still open stay counted as open.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Interlocked.Exchange(ref _accepted, 0);
            _peak = _inFlight;
            _log.Clear();
        }
    }
}

/// <summary>One answered API request: times are milliseconds since the sandbox started; <see cref="Api"/> is "pi" or "horizon".</summary>
internal sealed record RequestRecord(string Method, string Path, int Status, double ReceivedMs, double AnsweredMs, string Api);
