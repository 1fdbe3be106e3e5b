using System;

namespace PiPlatform
{
    /// <summary>
    /// A connection to one Pi app's Platform API: what Connect-PiPlatform -PassThru returns and every API
    /// cmdlet's -Connection takes. Shows where it points and a hint of the key, never the key.
    /// </summary>
    public sealed class Connection : IDisposable
    {
        internal Connection(PiClient client, bool isSandbox)
        {
            Client = client;
            IsSandbox = isSandbox;
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>The API's base URI.</summary>
        public Uri BaseUri => Client.BaseUri;

        /// <summary>The key, masked: asterisks and at most its last four characters.</summary>
        public string ApiKeyHint => Client.ApiKeyHint;

        /// <summary>The app wallet's public address (G...) that signs payouts, or null when connected without a seed.</summary>
        public string? WalletAddress => Client.WalletAddress;

        /// <summary>The Horizon server given at connect (the sandbox's with -Sandbox), or null to follow each payment's network.</summary>
        public Uri? HorizonUri => Client.HorizonUri;

        /// <summary>The per-request timeout in seconds.</summary>
        public int TimeoutSec => (int)Client.Timeout.TotalSeconds;

        /// <summary>The most requests per second the connection sends, or null for no cap.</summary>
        public int? MaxRequestsPerSecond => Client.MaxRequestsPerSecond;

        /// <summary>How many times a request that got no clear answer is tried again.</summary>
        public int MaximumRetryCount => Client.Retry.MaximumRetryCount;

        /// <summary>The base of the backoff between retries, in seconds.</summary>
        public double RetryIntervalSec => Client.Retry.RetryInterval.TotalSeconds;

        /// <summary>The largest answer read, in MB after decompression.</summary>
        public int MaxResponseSizeMB => (int)(Client.MaxResponseBytes / (1024 * 1024));

        /// <summary>True for a connection made with -Sandbox.</summary>
        public bool IsSandbox { get; }

        /// <summary>When the connection was made.</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>True while this is the session's default connection.</summary>
        public bool IsDefault => ReferenceEquals(ConnectionRegistry.Current.Default, this);

        /// <summary>False once Disconnect-PiPlatform closed it.</summary>
        public bool IsOpen { get; private set; } = true;

        internal PiClient Client { get; }

        /// <summary>
        /// True once handed to the user (-PassThru, Get-PiPlatformConnection), who may still hold it: such a
        /// connection stays open until Disconnect-PiPlatform.
        /// </summary>
        internal bool HandedOut { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{BaseUri} (key {ApiKeyHint})";

        /// <summary>Closes the connection's HttpClient.</summary>
        public void Dispose()
        {
            IsOpen = false;
            Client.Dispose();
        }
    }
}
