using System;
using System.Security;

namespace PiPlatform
{
    /// <summary>How a <see cref="PiClient"/> reaches the API. Immutable: a client copies what it needs once.</summary>
    public sealed class PiClientOptions
    {
        /// <summary>The real API.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://api.minepi.com/");

        /// <summary>The official SDKs' timeout.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

        /// <summary>The API's base URI (paths under <c>/v2</c> are added to it).</summary>
        public Uri BaseUri { get; init; } = DefaultBaseUri;

        /// <summary>The app's server API key. Kept as a SecureString until a request header is built.</summary>
        public SecureString? ApiKey { get; init; }

        /// <summary>
        /// The app wallet's secret seed (S...), for signing app-to-user payouts; null for a connection that does not pay.
        /// Kept as a SecureString, opened only to sign.
        /// </summary>
        public SecureString? WalletSeed { get; init; }

        /// <summary>The Horizon server for payouts; null to follow each payment's network (Pi's public servers).</summary>
        public Uri? HorizonUri { get; init; }

        /// <summary>
        /// How long one call may take, answer included: retries and the waits for a 429's Retry-After count against it.
        /// </summary>
        public TimeSpan Timeout { get; init; } = DefaultTimeout;

        /// <summary>The User-Agent to send; the cmdlet layer names the module and PowerShell versions.</summary>
        public string UserAgent { get; init; } = "PiPlatform.Client";

        /// <summary>
        /// Retries of requests that got no clear answer: reads are sent again after a network error, a timeout, 408,
        /// 429 or 5xx; a state change is read back first and sent again only if it certainly did not happen; any request
        /// is sent again after a 429 (Pi refused it unprocessed). Every wait counts against <see cref="Timeout"/>.
        /// </summary>
        public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

        /// <summary>
        /// The largest answer read, after decompression; a bigger one is refused while it is read, so neither a huge
        /// body nor a small gzip bomb can exhaust memory. Real answers are a few KB (a long incomplete list, some MB).
        /// </summary>
        public long MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

        /// <summary>The default <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
        public const long DefaultMaxResponseBytes = 16L * 1024 * 1024;

        /// <summary>The longest Retry-After the client will wait; a longer one becomes an error at once.</summary>
        public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// The most requests per second this client sends, across all concurrent calls; null for no cap (Pi documents
        /// no limit of its own).
        /// </summary>
        public int? MaxRequestsPerSecond { get; init; }

        /// <summary>
        /// The most TCP connections to the API at once. Concurrent calls share a keep-alive pool of this size; it is also
        /// what lifts .NET Framework's default of two connections per host, which would cap Windows PowerShell at two
        /// requests in flight.
        /// </summary>
        public int MaxConnections { get; init; } = DefaultMaxConnections;

        /// <summary>The default <see cref="MaxConnections"/>: the module's largest ThrottleLimit.</summary>
        public const int DefaultMaxConnections = 256;
    }
}
