using System;
using System.Collections.Generic;

namespace PiPlatform.Sandbox.Store;

/// <summary>What a fault does to the request it hits (the README's Faults paragraph has the details).</summary>
internal static class FaultActions
{
    /// <summary>Answers the fault's status and body instead of the real answer (today's and the default behaviour).</summary>
    public const string Answer = "answer";

    /// <summary>Aborts the connection with no answer at all: the client sees a network error.</summary>
    public const string Reset = "reset";

    /// <summary>Processes the request, holds the real answer back for a while, then sends it.</summary>
    public const string Delay = "delay";

    /// <summary>Processes the request and sends the real status, headers and half the body, then the connection ends.</summary>
    public const string Truncate = "truncate";

    public static readonly IReadOnlyList<string> All = new[] { Answer, Reset, Delay, Truncate };
}

/// <summary>
/// An injected failure: what a proxy or a network in front of the API might do (an HTML 502, a reset, a slow or cut
/// answer), to Pi's API or Horizon's; <see cref="Api"/> ("pi", "horizon") limits it to one, null: either. Fields that do not apply to <see cref="Action"/> are null. <see cref="Count"/> is the uses left, null for
/// unlimited (a rate fault without a count). With <see cref="Rate"/>, each matching request takes the fault with that
/// probability, drawn from <c>new Random(Seed)</c> when a seed is given so that a run can be repeated.
/// </summary>
internal sealed record Fault(
    string Action,
    int? Status,
    int? Count,
    string? PathContains,
    string? Method,
    string? ContentType,
    string? Body,
    string? RetryAfter,
    bool AfterProcessing,
    int? DelayMs,
    double? Rate,
    int? Seed,
    string? Api);

/// <summary>Queued faults, matched first-come first-served, each used up after <see cref="Fault.Count"/> requests.</summary>
internal sealed class FaultQueue
{
    private readonly object _gate = new();
    private readonly List<Entry> _queue = new();

    private sealed class Entry
    {
        public Entry(Fault fault)
        {
            Fault = fault;
            Remaining = fault.Count;
            Draws = fault.Seed is int seed ? new Random(seed) : new Random();
        }

        public Fault Fault { get; }

        public Random Draws { get; }

        /// <summary>Null: unlimited.</summary>
        public int? Remaining { get; set; }
    }

    public void Add(Fault fault)
    {
        lock (_gate)
        {
            _queue.Add(new Entry(fault));
        }
    }

    /// <summary>Takes one use of the first fault that matches this request and, for a rate fault, is drawn; if any.</summary>
    public Fault? TryTake(string api, string method, string path)
    {
        // One lock for match, draw and use: with a seed, the same request order always draws the same faults.
        lock (_gate)
        {
            for (int i = 0; i < _queue.Count; i++)
            {
                var entry = _queue[i];
                if (!Matches(entry.Fault, api, method, path))
                {
                    continue;
                }

                // Not drawn this time: the request goes on to the next matching fault, or to the real answer.
                if (entry.Fault.Rate is double rate && entry.Draws.NextDouble() >= rate)
                {
                    continue;
                }

                if (entry.Remaining is int remaining)
                {
                    if (remaining <= 1)
                    {
                        _queue.RemoveAt(i);
                    }
                    else
                    {
                        entry.Remaining = remaining - 1;
                    }
                }

                return entry.Fault;
            }

            return null;
        }
    }

    /// <summary>The queued faults, oldest first, each with its uses left as <see cref="Fault.Count"/>.</summary>
    public List<Fault> Pending()
    {
        lock (_gate)
        {
            return _queue.ConvertAll(e => e.Fault with { Count = e.Remaining });
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    private static bool Matches(Fault fault, string api, string method, string path) =>
        (fault.Api is null || fault.Api == api)
        && (fault.Method is null || string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase))
        && (fault.PathContains is null || path.Contains(fault.PathContains, StringComparison.OrdinalIgnoreCase));
}
