using System;
using System.Collections.Generic;

namespace PiPlatform.Sandbox.Store;

/// <summary>
/// An injected failure: what a proxy in front of the API might answer (HTML 502, nothing at all, a 429 with
/// Retry-After). With <see cref="AfterProcessing"/> the request is processed first and its answer lost.
/// </summary>
internal sealed record Fault(
    int Status,
    int Count,
    string? PathContains,
    string? Method,
    string? ContentType,
    string Body,
    string? RetryAfter,
    bool AfterProcessing);

/// <summary>Queued faults, matched first-come first-served, each used up after <see cref="Fault.Count"/> requests.</summary>
internal sealed class FaultQueue
{
    private readonly object _gate = new();
    private readonly List<(Fault Fault, int Remaining)> _queue = new();

    public void Add(Fault fault)
    {
        lock (_gate)
        {
            _queue.Add((fault, fault.Count));
        }
    }

    /// <summary>Takes one use of the first fault that matches this request, if any.</summary>
    public Fault? TryTake(string method, string path)
    {
        lock (_gate)
        {
            for (int i = 0; i < _queue.Count; i++)
            {
                var (fault, remaining) = _queue[i];
                if (Matches(fault, method, path))
                {
                    if (remaining <= 1)
                    {
                        _queue.RemoveAt(i);
                    }
                    else
                    {
                        _queue[i] = (fault, remaining - 1);
                    }

                    return fault;
                }
            }

            return null;
        }
    }

    public List<(Fault Fault, int Remaining)> Pending()
    {
        lock (_gate)
        {
            return new List<(Fault, int)>(_queue);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    private static bool Matches(Fault fault, string method, string path) =>
        (fault.Method is null || string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase))
        && (fault.PathContains is null || path.Contains(fault.PathContains, StringComparison.OrdinalIgnoreCase));
}
