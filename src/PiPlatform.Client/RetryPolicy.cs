using System;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform
{
    /// <summary>
    /// How often, and how far apart, a request that got no clear answer is tried again. The names follow
    /// Invoke-RestMethod's -MaximumRetryCount and -RetryIntervalSec; unlike its fixed interval, the wait before retry
    /// n is drawn at random from 0 to interval × 2^(n-1) ("full jitter"), so many workers that failed together do not
    /// come back together. A Retry-After from the server is honoured as given instead.
    /// </summary>
    public sealed class RetryPolicy
    {
        /// <summary>Three retries, one second apart at first: a blip of a few seconds is ridden out, an outage is not.</summary>
        public static readonly RetryPolicy Default = new RetryPolicy(3, TimeSpan.FromSeconds(1));

        /// <summary>No retries at all.</summary>
        public static readonly RetryPolicy None = new RetryPolicy(0, TimeSpan.Zero);

        private static readonly object RandomGate = new object();
        private static readonly Random Random = new Random();

        /// <summary>Creates a policy.</summary>
        public RetryPolicy(int maximumRetryCount, TimeSpan retryInterval)
        {
            if (maximumRetryCount < 0) throw new ArgumentOutOfRangeException(nameof(maximumRetryCount));
            if (retryInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(retryInterval));
            MaximumRetryCount = maximumRetryCount;
            RetryInterval = retryInterval;
        }

        /// <summary>How many times a request is tried again after its first try.</summary>
        public int MaximumRetryCount { get; }

        /// <summary>The base of the exponential backoff.</summary>
        public TimeSpan RetryInterval { get; }

        /// <summary>The wait before retry <paramref name="retry"/> (1 for the first): the server's Retry-After if it gave one, else full jitter.</summary>
        public TimeSpan DelayBefore(int retry, TimeSpan? retryAfter)
        {
            if (retryAfter is TimeSpan told) return told;
            double ceiling = RetryInterval.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 16));
            double share;
            lock (RandomGate) share = Random.NextDouble();
            return TimeSpan.FromMilliseconds(ceiling * share);
        }

        /// <summary>
        /// Waits before sending again what certainly did not take effect (a change read back as not done, a payout's own
        /// envelope); false once the retries are spent. <paramref name="why"/> starts the log line.
        /// </summary>
        internal async Task<bool> WaitToResendAsync(int retry, string why, IPiLog log, CancellationToken cancel)
        {
            if (retry > MaximumRetryCount)
            {
                log.Verbose($"{why}, and no retries are left.");
                return false;
            }
            TimeSpan wait = DelayBefore(retry, null);
            log.Verbose($"{why}: retry {retry} of {MaximumRetryCount} in {wait.TotalSeconds:0.##} s.");
            await Task.Delay(wait, cancel).ConfigureAwait(false);
            return true;
        }

        /// <inheritdoc />
        public override string ToString() => $"{MaximumRetryCount} retries from {RetryInterval.TotalSeconds:0.###} s";
    }
}
