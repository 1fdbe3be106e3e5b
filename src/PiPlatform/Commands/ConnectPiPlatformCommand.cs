using System;
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
        private const string KeySet = "ApiKey";
        private const string SandboxSet = "Sandbox";
        private const string KeyVariable = "PI_API_KEY";

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

        /// <summary>Seconds one request may take; the official SDKs' 20 by default.</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = (int)PiClientOptions.DefaultTimeout.TotalSeconds;

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
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                ThrowTerminatingError(ErrorFactory.InvalidBaseUri(uri));
            }
            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !AllowUnencryptedAuthentication)
            {
                ThrowTerminatingError(ErrorFactory.UnencryptedAuthentication(uri));
            }
            using SecureString key = ResolveKey();
            var options = new PiClientOptions
            {
                BaseUri = uri,
                ApiKey = key,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                UserAgent = UserAgent(),
            };
            var connection = new Connection(new PiClient(options), Hint(key), Sandbox) { HandedOut = PassThru };
            ConnectionRegistry.Current.Add(connection);
            WriteVerbose($"Connected to {connection.BaseUri} with key {connection.ApiKeyHint} (timeout {TimeoutSec} s).");
            if (PassThru) WriteObject(connection);
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
            return SecureStringTransformationAttribute.ToSecureString(fromEnvironment!.Trim());
        }

        // Only the last four characters of a long key are ever shown.
        private static string Hint(SecureString key)
        {
            if (key.Length < 16) return Connection.Mask(key.Length, "");
            IntPtr plain = Marshal.SecureStringToGlobalAllocUnicode(key);
            try
            {
                return Connection.Mask(key.Length, Marshal.PtrToStringUni(IntPtr.Add(plain, (key.Length - 4) * 2), 4));
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(plain);
            }
        }

        private static string UserAgent()
        {
            Version? module = typeof(Connection).Assembly.GetName().Version;
            Version? engine = typeof(PSObject).Assembly.GetName().Version;
            return $"PiPlatform/{module?.ToString(3)} (PowerShell {engine?.ToString(3)}; {RuntimeInformation.FrameworkDescription.Trim()}; {RuntimeInformation.OSDescription.Trim()})";
        }
    }
}
