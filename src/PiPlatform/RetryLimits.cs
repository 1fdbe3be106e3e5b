namespace PiPlatform
{
    /// <summary>The ranges -MaximumRetryCount and -RetryIntervalSec take, on Connect-PiPlatform and on every API cmdlet.</summary>
    internal static class RetryLimits
    {
        /// <summary>More retries than this only hide an outage.</summary>
        public const int MaxRetryCount = 10;

        /// <summary>The longest backoff base: with full jitter, waits grow to base × 2^retries within the timeout.</summary>
        public const int MaxIntervalSec = 60;
    }
}
