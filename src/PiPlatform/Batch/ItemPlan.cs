using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Batch
{
    /// <summary>
    /// Everything one input needs, fixed on the pipeline thread before it is queued: what it is called (for errors
    /// and log lines), the work to run, and what may not run beside it. The cmdlet keeps no per-item state, so
    /// concurrent items cannot mix up two payments' ids or txids: each carries its own.
    /// </summary>
    internal sealed class ItemPlan
    {
        private ItemPlan(string label, Func<PiClient, CancellationToken, Task<IReadOnlyList<object>>>? work,
            IReadOnlyList<object>? decided, string? exclusiveKey, int weight)
        {
            Label = label;
            Work = work;
            Decided = decided;
            ExclusiveKey = exclusiveKey;
            Weight = weight;
        }

        /// <summary>Names the item first in each of its log lines, e.g. "Payment abc".</summary>
        public string Label { get; }

        /// <summary>The requests to make; what it returns (results and ErrorRecords) is written in input order.</summary>
        public Func<PiClient, CancellationToken, Task<IReadOnlyList<object>>>? Work { get; }

        /// <summary>What was decided without a request (an input refused before sending); written in its turn.</summary>
        public IReadOnlyList<object>? Decided { get; }

        /// <summary>Items with the same key never run at once (New-PiPayment: one create per user at a time).</summary>
        public string? ExclusiveKey { get; }

        /// <summary>How many inputs the item stands for, for progress (a notification batch: its size).</summary>
        public int Weight { get; }

        /// <summary>
        /// One call whose result is written (collections enumerated); a failed call is one ErrorRecord whose target is
        /// <paramref name="target"/>, or what <paramref name="targetOf"/> picks from the error.
        /// </summary>
        public static ItemPlan Call<T>(object target, string label, Func<PiClient, CancellationToken, Task<T>> call,
            string? exclusiveKey = null, Func<PiException, object>? targetOf = null) =>
            new ItemPlan(label, async (client, cancel) =>
            {
                try
                {
                    T result = await call(client, cancel).ConfigureAwait(false);
                    return new object[] { result! };
                }
                catch (PiException error)
                {
                    return new object[] { ErrorFactory.FromException(error, targetOf?.Invoke(error) ?? target) };
                }
            }, null, exclusiveKey, 1);

        /// <summary>Work that says itself what to write, e.g. one result or error per notification of a batch.</summary>
        public static ItemPlan Many(string label, int weight, Func<PiClient, CancellationToken, Task<IReadOnlyList<object>>> work) =>
            new ItemPlan(label, work, null, null, weight);

        /// <summary>An input refused before any request: its error is written in its turn, after the items before it.</summary>
        public static ItemPlan Refused(ErrorRecord error) =>
            new ItemPlan(error.TargetObject?.ToString() ?? "input", null, new object[] { error }, null, 1);
    }
}
