using System;
using System.Management.Automation;

namespace PiPlatform
{
    /// <summary>
    /// The one place errors become ErrorRecords: the ErrorId is the API's code (or the module's own), the
    /// category follows the kind, the target is the payment id or input (never the cmdlet), and the details
    /// carry the message and what to do next. Messages for the module's own errors live here too.
    /// </summary>
    internal static class ErrorFactory
    {
        public static ErrorRecord FromException(Exception error, object? target)
        {
            if (error is PiException pi)
            {
                return Create(pi, pi.ErrorCode, CategoryOf(pi.Kind), target, pi.RecommendedAction);
            }
            return Create(error, error.GetType().Name, ErrorCategory.NotSpecified, target, null);
        }

        public static ErrorCategory CategoryOf(PiErrorKind kind) => kind switch
        {
            PiErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            PiErrorKind.Authentication => ErrorCategory.AuthenticationError,
            PiErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            PiErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            PiErrorKind.Conflict => ErrorCategory.InvalidOperation,
            PiErrorKind.LimitExceeded => ErrorCategory.LimitsExceeded,
            PiErrorKind.ServerError or PiErrorKind.Network => ErrorCategory.ConnectionError,
            PiErrorKind.Timeout => ErrorCategory.OperationTimeout,
            _ => ErrorCategory.NotSpecified,
        };

        public static ErrorRecord NotConnected() => Local("NotConnected", ErrorCategory.ConnectionError,
            "There is no connection to the Pi Platform API in this session.",
            "Run Connect-PiPlatform first (or Connect-PiPlatform -Sandbox for the local sandbox), or pass -Connection.", null);

        public static ErrorRecord ConnectionClosed(Connection connection) => Local("ConnectionClosed", ErrorCategory.ConnectionError,
            $"The connection to {connection.BaseUri} was closed by Disconnect-PiPlatform.",
            "Connect again with Connect-PiPlatform.", connection);

        public static ErrorRecord MissingApiKey() => Local("MissingApiKey", ErrorCategory.AuthenticationError,
            "No API key was given and the environment variable PI_API_KEY is not set.",
            "Pass -ApiKey (a SecureString, e.g. from Get-Secret or Read-Host -AsSecureString) or set $env:PI_API_KEY.", null);

        public static ErrorRecord EmptyApiKey() => Local("EmptyApiKey", ErrorCategory.InvalidArgument,
            "The -ApiKey given is empty.",
            "Check where the key came from (an unset vault entry or environment variable gives an empty string).", null);

        public static ErrorRecord InvalidBaseUri(Uri uri, string problem) => Local("InvalidBaseUri", ErrorCategory.InvalidArgument,
            $"The base URI {Shown(uri)} cannot be used: {problem}.",
            "Pass a URI such as https://api.minepi.com.", Shown(uri));

        public static ErrorRecord InvalidHorizonUri(Uri uri) => Local("InvalidHorizonUri", ErrorCategory.InvalidArgument,
            $"The Horizon URI {Shown(uri)} cannot be used: it is not an absolute http or https URI without user name, query or fragment.",
            "Pass a URI such as https://api.testnet.minepi.com, or leave -HorizonUri out to follow each payment's network.", Shown(uri));

        public static ErrorRecord NoWallet(Connection connection) => Local(PiErrorCatalog.WalletNotConfigured, ErrorCategory.InvalidArgument,
            $"The connection to {connection.BaseUri} has no app wallet, so it cannot sign payouts. Connect with Connect-PiPlatform -WalletSeed (Get-Secret PiWalletSeed), or set $env:PI_WALLET_SEED before connecting.",
            PiErrorCatalog.Find(PiErrorCatalog.WalletNotConfigured)!.RecommendedAction, connection);

        public static ErrorRecord EmptyWalletSeed() => Local("EmptyWalletSeed", ErrorCategory.InvalidArgument,
            "The -WalletSeed given is empty.",
            "Check where the seed came from (an unset vault entry or environment variable gives an empty string).", null);

        public static ErrorRecord UnencryptedAuthentication(Uri uri) => Local("UnencryptedAuthenticationRefused", ErrorCategory.SecurityError,
            $"Refusing to send the API key over unencrypted http to '{uri.Host}'.",
            "Use https, or pass -AllowUnencryptedAuthentication if you really mean to (http is always allowed to loopback addresses).", Shown(uri));

        /// <summary>An input of Get-PiMe that holds no usable token, named by its position: the token itself is a secret.</summary>
        public static ErrorRecord UnusableAccessToken(int number, string reason)
        {
            PiErrorInfo info = PiErrorCatalog.Find("invalid_access_token")!;
            var error = new PiException(info.Code, info.Kind, $"Access token #{number} cannot be used: {reason}.", info.RecommendedAction);
            return FromException(error, AccessTokenName(number));
        }

        /// <summary>How errors and log lines name Get-PiMe's n-th token.</summary>
        public static string AccessTokenName(int number) => $"access token #{number}";

        public static ErrorRecord InvalidMetadata(string detail, string userUid) => Local("invalid_metadata", ErrorCategory.InvalidArgument,
            $"The metadata for user {userUid} cannot be sent: {detail}", "Pass -Metadata as a hashtable, an object, or a JSON object string.", userUid);

        public static ErrorRecord SandboxNotFound(string path) => Local("SandboxNotFound", ErrorCategory.ObjectNotFound,
            $"The sandbox server was not found at '{path}'.",
            "Use the module folder that build.ps1 assembles (it ships the sandbox in its 'sandbox' folder), or pass -Path.", path);

        public static ErrorRecord SandboxFailed(string detail, object? target) => Local("SandboxStartFailed", ErrorCategory.OpenError,
            $"The sandbox did not start: {detail}",
            "The sandbox needs the .NET 10 runtime with ASP.NET Core ('dotnet --list-runtimes' shows it). Try another -Port.", target);

        // A URI as far as it is safe to show: scheme, host, port and path, never user info (it may hold a password).
        private static string Shown(Uri uri) => uri.IsAbsoluteUri
            ? "'" + uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) + "'"
            : "(a relative URI)";

        private static ErrorRecord Local(string id, ErrorCategory category, string message, string action, object? target) =>
            Create(new PiException(id, PiErrorKind.Unknown, message, action), id, category, target, action);

        private static ErrorRecord Create(Exception error, string id, ErrorCategory category, object? target, string? action)
        {
            var record = new ErrorRecord(error, id, category, target)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = action },
            };
            return record;
        }
    }
}
