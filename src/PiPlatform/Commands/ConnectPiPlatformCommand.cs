using System;
using System.Collections;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;

namespace PiPlatform.Commands
{
    /// <summary>Connects this session to a Pi app's Platform API (or the local sandbox).</summary>
    [Cmdlet(VerbsCommunications.Connect, "PiPlatform", DefaultParameterSetName = KeySet)]
    [OutputType(typeof(Connection))]
    public sealed class ConnectPiPlatformCommand : PiCmdlet
    {
        private const string KeySet = ParameterSets.ApiKey;
        private const string SandboxSet = ParameterSets.Sandbox;
        private const string KeyVariable = "PI_API_KEY";
        private const string SeedVariable = "PI_WALLET_SEED";

        /// <summary>The app's server API key from the Pi Developer Portal. Defaults to $env:PI_API_KEY (or, with -Sandbox, the sandbox's well-known key).</summary>
        [Parameter(ParameterSetName = KeySet)]
        [Parameter(ParameterSetName = SandboxSet)]
        public SecureString? ApiKey { get; set; }

        /// <summary>The API's base URI; default https://api.minepi.com (with -Sandbox, http://127.0.0.1:31415).</summary>
        [Parameter(ParameterSetName = KeySet)]
        [Parameter(ParameterSetName = SandboxSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        /// <summary>Connect to a local PiPlatform sandbox: -Sandbox alone, or -Sandbox http://127.0.0.1:PORT.</summary>
        [Parameter(ParameterSetName = SandboxSet, Mandatory = true)]
        public SwitchParameter Sandbox { get; set; }

        /// <summary>
        /// The app wallet's secret seed (S...), for Submit-PiPayment and Resume-PiPayment to sign payouts. Defaults to
        /// $env:PI_WALLET_SEED (with -Sandbox, the sandbox's well-known wallet). Checked here; never shown: the
        /// connection shows only the wallet's public address.
        /// </summary>
        [Parameter(ParameterSetName = KeySet)]
        [Parameter(ParameterSetName = SandboxSet)]
        public SecureString? WalletSeed { get; set; }

        /// <summary>
        /// The Horizon (blockchain API) server for payouts; default: the one of each payment's network
        /// (https://api.mainnet.minepi.com for Pi Network, https://api.testnet.minepi.com for Pi Testnet; with -Sandbox, the sandbox).
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? HorizonUri { get; set; }

        /// <summary>Seconds one request may take; the official SDKs' 20 by default.</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = (int)PiClientOptions.DefaultTimeout.TotalSeconds;

        /// <summary>
        /// The most requests per second this connection sends, across every cmdlet and worker using it; default: no cap
        /// (Pi documents no limit of its own). A 429 from Pi pauses the whole connection for its Retry-After either way.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 100_000)]
        public int MaxRequestsPerSecond { get; set; }

        /// <summary>
        /// How many times a request that got no clear answer (a network error, a timeout, 408, 429, 5xx) is tried again:
        /// reads are sent again, changes are read back first and sent again only if they certainly did not happen.
        /// </summary>
        [Parameter]
        [ValidateRange(0, RetryLimits.MaxRetryCount)]
        public int MaximumRetryCount { get; set; } = RetryPolicy.Default.MaximumRetryCount;

        /// <summary>The base of the exponential backoff between retries, in seconds (the wait is random up to base × 2^n).</summary>
        [Parameter]
        [ValidateRange(0, RetryLimits.MaxIntervalSec)]
        public int RetryIntervalSec { get; set; } = (int)RetryPolicy.Default.RetryInterval.TotalSeconds;

        /// <summary>
        /// The largest answer read, in MB after decompression (default 16, far above any real Pi answer): a bigger one is
        /// refused while it is read, as response_too_large, so neither a huge body nor a gzip bomb can exhaust memory.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 1024)]
        public int MaxResponseSizeMB { get; set; } = (int)(PiClientOptions.DefaultMaxResponseBytes / (1024 * 1024));

        /// <summary>Allows sending the key over http to a host that is not this machine.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Returns the connection.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        // Per record: `$sandboxA, $sandboxB | Connect-PiPlatform -Sandbox -PassThru` connects to each in turn.
        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            Uri uri = BaseUri ?? (Sandbox ? PiSandboxDefaults.BaseUri : PiClientOptions.DefaultBaseUri);
            CheckBaseUri(uri);
            Uri? horizon = HorizonUri ?? (Sandbox ? uri : null);
            if (horizon != null) CheckHorizonUri(horizon);
            using SecureString key = ResolveKey();
            using SecureString? seed = ResolveSeed();
            var options = new PiClientOptions
            {
                BaseUri = uri,
                ApiKey = key,
                WalletSeed = seed,
                HorizonUri = horizon,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                UserAgent = UserAgent(),
                MaxRequestsPerSecond = MaxRequestsPerSecond > 0 ? MaxRequestsPerSecond : (int?)null,
                Retry = new RetryPolicy(MaximumRetryCount, TimeSpan.FromSeconds(RetryIntervalSec)),
                MaxResponseBytes = MaxResponseSizeMB * 1024L * 1024,
            };
            PiClient client;
            try
            {
                client = new PiClient(options);
            }
            catch (PiException refused)
            {
                // A key no header can carry, a seed that is none: the whole command fails, and the message says where, never what.
                ThrowTerminatingError(ErrorFactory.FromException(refused, null));
                return;
            }
            var connection = new Connection(client, Sandbox) { HandedOut = PassThru };
            ConnectionRegistry.Current.Add(connection);
            string cap = MaxRequestsPerSecond > 0 ? $", at most {MaxRequestsPerSecond} requests/s" : "";
            WriteVerbose($"Connected to {connection.BaseUri} with key {connection.ApiKeyHint} (timeout {TimeoutSec} s, {MaximumRetryCount} retries from {RetryIntervalSec} s{cap}).");
            if (connection.WalletAddress != null)
            {
                WriteVerbose($"Payouts are signed by wallet {connection.WalletAddress} and sent to {(horizon != null ? horizon.ToString() : "the Horizon of each payment's network")}.");
            }
            if (PassThru) WriteObject(connection);
        }

        // Only a plain http(s) base: user info could hold a password that would then show in every message and
        // object, and a query or fragment would be dropped or mangled by the paths added to it.
        private void CheckBaseUri(Uri uri)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                ThrowTerminatingError(ErrorFactory.InvalidBaseUri(uri, "it is not an absolute http or https URI"));
            }
            if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                ThrowTerminatingError(ErrorFactory.InvalidBaseUri(uri, "it has a user name, password, query or fragment"));
            }
            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !AllowUnencryptedAuthentication)
            {
                ThrowTerminatingError(ErrorFactory.UnencryptedAuthentication(uri));
            }
        }

        // Horizon takes no key, so http is allowed anywhere; the rest is as for the base URI.
        private void CheckHorizonUri(Uri uri)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
                uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                ThrowTerminatingError(ErrorFactory.InvalidHorizonUri(uri));
            }
        }

        private SecureString? ResolveSeed()
        {
            if (WalletSeed != null)
            {
                if (WalletSeed.Length == 0) ThrowTerminatingError(ErrorFactory.EmptyWalletSeed());
                return WalletSeed.Copy();
            }
            if (Sandbox) return SecureStringTransformationAttribute.ToSecureString(PiSandboxDefaults.WalletSeed);
            string? fromEnvironment = Environment.GetEnvironmentVariable(SeedVariable);
            if (string.IsNullOrEmpty(fromEnvironment)) return null;
            WriteVerbose($"Using the wallet seed in ${SeedVariable}.");
            return SecureStringTransformationAttribute.ToSecureString(fromEnvironment!);
        }

        private SecureString ResolveKey()
        {
            if (ApiKey != null)
            {
                if (ApiKey.Length == 0) ThrowTerminatingError(ErrorFactory.EmptyApiKey());
                return ApiKey.Copy();
            }
            if (Sandbox) return SecureStringTransformationAttribute.ToSecureString(PiSandboxDefaults.ApiKey);
            string? fromEnvironment = Environment.GetEnvironmentVariable(KeyVariable);
            if (string.IsNullOrEmpty(fromEnvironment)) ThrowTerminatingError(ErrorFactory.MissingApiKey());
            WriteVerbose($"Using the API key in ${KeyVariable}.");
            return SecureStringTransformationAttribute.ToSecureString(fromEnvironment!);
        }

        // Names the module and the PowerShell release ($PSVersionTable, not the engine assembly's version).
        private string UserAgent()
        {
            Version? module = typeof(Connection).Assembly.GetName().Version;
            object? powershell = (GetVariableValue("PSVersionTable") as Hashtable)?["PSVersion"];
            return $"PiPlatform/{module?.ToString(3)} (PowerShell {powershell}; {RuntimeInformation.FrameworkDescription.Trim()}; {RuntimeInformation.OSDescription.Trim()})";
        }
    }
}
