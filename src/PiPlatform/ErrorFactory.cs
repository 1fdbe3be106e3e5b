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

        public static ErrorRecord NotConnected() => Local(PiErrorCatalog.NotConnected, ErrorCategory.ConnectionError,
            "There is no connection to the Pi Platform API in this session.", null);

        public static ErrorRecord ConnectionClosed(Connection connection) => Local(PiErrorCatalog.ConnectionClosed, ErrorCategory.ConnectionError,
            $"The connection to {connection.BaseUri} was closed by Disconnect-PiPlatform.", connection);

        public static ErrorRecord MissingApiKey() => Local(PiErrorCatalog.MissingApiKey, ErrorCategory.AuthenticationError,
            "No API key was given and the environment variable PI_API_KEY is not set.", null);

        public static ErrorRecord EmptyApiKey() => Local(PiErrorCatalog.EmptyApiKey, ErrorCategory.InvalidArgument,
            "The -ApiKey given is empty.", null);

        public static ErrorRecord InvalidBaseUri(Uri uri, string problem) => Local(PiErrorCatalog.InvalidBaseUri, ErrorCategory.InvalidArgument,
            $"The base URI {Shown(uri)} cannot be used: {problem}.", Shown(uri));

        public static ErrorRecord InvalidHorizonUri(Uri uri) => Local(PiErrorCatalog.InvalidHorizonUri, ErrorCategory.InvalidArgument,
            $"The Horizon URI {Shown(uri)} cannot be used: it is not an absolute http or https URI without user name, query or fragment.", Shown(uri));

        public static ErrorRecord NoWallet(Connection connection) => Local(PiErrorCatalog.WalletNotConfigured, ErrorCategory.InvalidArgument,
            $"The connection to {connection.BaseUri} has no app wallet, so it cannot sign payouts.", connection);

        public static ErrorRecord EmptyWalletSeed() => Local(PiErrorCatalog.EmptyWalletSeed, ErrorCategory.InvalidArgument,
            "The -WalletSeed given is empty.", null);

        public static ErrorRecord UnencryptedAuthentication(Uri uri) => Local(PiErrorCatalog.UnencryptedAuthenticationRefused, ErrorCategory.SecurityError,
            $"Refusing to send the API key over unencrypted http to '{uri.Host}'.", Shown(uri));

        /// <summary>An input of Get-PiMe that holds no usable token, named by its position: the token itself is a secret.</summary>
        public static ErrorRecord UnusableAccessToken(int number, string reason)
        {
            return FromException(PiException.Input("invalid_access_token", $"Access token #{number} cannot be used: {reason}."), AccessTokenName(number));
        }

        /// <summary>How errors and log lines name Get-PiMe's n-th token.</summary>
        public static string AccessTokenName(int number) => $"access token #{number}";

        public static ErrorRecord InvalidMetadata(string detail, string userUid) => Local("invalid_metadata", ErrorCategory.InvalidArgument,
            $"The metadata for user {userUid} cannot be sent: {detail}", userUid);

        public static ErrorRecord SandboxNotFound(string path) => Local(PiErrorCatalog.SandboxNotFound, ErrorCategory.ObjectNotFound,
            $"The sandbox server was not found at '{path}'.", path);

        public static ErrorRecord SandboxFailed(string detail, object? target) => Local(PiErrorCatalog.SandboxStartFailed, ErrorCategory.OpenError,
            $"The sandbox did not start: {detail}", target);

        // A URI as far as it is safe to show: scheme, host, port and path, never user info (it may hold a password).
        private static string Shown(Uri uri) => uri.IsAbsoluteUri
            ? "'" + uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) + "'"
            : "(a relative URI)";

        // The module's own errors: the id, meaning and next step come from the catalog (one table for every code), and
        // the message says the next step itself, not only ErrorDetails.RecommendedAction.
        private static ErrorRecord Local(string code, ErrorCategory category, string detail, object? target)
        {
            PiException error = PiException.Input(code, detail);
            return Create(error, code, category, target, error.RecommendedAction);
        }

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
