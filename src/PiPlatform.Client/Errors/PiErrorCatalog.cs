using System.Collections.Generic;

namespace PiPlatform
{
    /// <summary>One error code: what kind it is, what it means, and what to do next.</summary>
    public sealed class PiErrorInfo
    {
        internal PiErrorInfo(string code, PiErrorKind kind, string meaning, string action)
        {
            Code = code;
            Kind = kind;
            Meaning = meaning;
            RecommendedAction = action;
        }

        /// <summary>The API's <c>error</c> code, or one of this module's own (see <see cref="PiErrorCatalog"/>).</summary>
        public string Code { get; }

        /// <summary>The kind of failure.</summary>
        public PiErrorKind Kind { get; }

        /// <summary>What the code means, in one sentence.</summary>
        public string Meaning { get; }

        /// <summary>What to do about it.</summary>
        public string RecommendedAction { get; }
    }

    /// <summary>
    /// Every error code the Pi Platform API and its official SDKs use, plus the few this module adds, in one
    /// table: each code's kind, meaning and next step. Pi does not publish such a table (pi-platform-docs issue
    /// 435); this is ours, built from the docs and the SDKs' types.
    /// </summary>
    public static class PiErrorCatalog
    {
        // Codes this module makes up where the API gives none.
        internal const string InvalidIdentifier = "invalid_identifier";
        internal const string InvalidApiKey = "invalid_api_key";
        internal const string InvalidAccessToken = "invalid_access_token";
        internal const string UnexpectedResponse = "unexpected_response";
        internal const string RateLimited = "rate_limited";
        internal const string NetworkError = "network_error";
        internal const string TimedOut = "timeout";
        internal const string ServerError = "server_error";
        internal const string ResponseTooLarge = "response_too_large";
        internal const string PaymentStateUnknown = "payment_state_unknown";
        internal const string DeliveryUnknown = "notification_delivery_unknown";
        internal const string NotificationQuotaExceeded = "notification_quota_exceeded";
        internal const string InvalidNotification = "invalid_notification";
        internal const string TooManyNotifications = "too_many_notifications";
        internal const string InvalidWalletSeed = "invalid_wallet_seed";
        // The cmdlets' own (connections, keys, the sandbox): public, since the cmdlet project makes these errors.
        /// <summary>No connection in this session.</summary>
        public const string NotConnected = "not_connected";
        /// <summary>The connection was closed by Disconnect-PiPlatform.</summary>
        public const string ConnectionClosed = "connection_closed";
        /// <summary>No API key given and none in the environment.</summary>
        public const string MissingApiKey = "missing_api_key";
        /// <summary>An empty -ApiKey.</summary>
        public const string EmptyApiKey = "empty_api_key";
        /// <summary>An empty -WalletSeed.</summary>
        public const string EmptyWalletSeed = "empty_wallet_seed";
        /// <summary>A base URI that cannot be used.</summary>
        public const string InvalidBaseUri = "invalid_base_uri";
        /// <summary>A Horizon URI that cannot be used.</summary>
        public const string InvalidHorizonUri = "invalid_horizon_uri";
        /// <summary>The key would go over plain http to another machine.</summary>
        public const string UnencryptedAuthenticationRefused = "unencrypted_authentication_refused";
        /// <summary>The sandbox's program is not where it should be.</summary>
        public const string SandboxNotFound = "sandbox_not_found";
        /// <summary>The sandbox did not start.</summary>
        public const string SandboxStartFailed = "sandbox_start_failed";
        /// <summary>A payout was asked of a connection made without a wallet seed.</summary>
        public const string WalletNotConfigured = "wallet_not_configured";
        internal const string NotAppToUser = "not_app_to_user";
        internal const string WalletMismatch = "wallet_mismatch";
        internal const string UnknownNetwork = "unknown_network";
        internal const string NetworkMismatch = "network_mismatch";
        internal const string TransactionMismatch = "transaction_mismatch";
        internal const string PaymentNotResumable = "payment_not_resumable";
        // pi-backend's name for it.
        internal const string PaymentHasTransaction = "payment_already_has_linked_txid";
        // Horizon's codes the payout logic acts on.
        internal const string SubmissionTimeout = "submission_timeout";
        internal const string TxBadSeq = "tx_bad_seq";
        internal const string TxTooLate = "tx_too_late";

        private static readonly Dictionary<string, PiErrorInfo> Codes = Build(
            // Any payment call.
            ("payment_not_found", PiErrorKind.NotFound, "No payment with this identifier exists for this app.",
                "Check the identifier, and that you connected with the API key of the app that owns the payment (Testnet and Mainnet apps have different keys)."),
            // Creating an app-to-user payment.
            ("ongoing_payment_found", PiErrorKind.Conflict, "The user already has an unfinished app-to-user payment from this app.",
                "Finish or cancel the existing payment (it is this error's target object) before creating another."),
            ("user_not_found", PiErrorKind.NotFound, "No user with this uid has authenticated with this app.",
                "Use the uid from the user's authentication result (Get-PiMe), not their username."),
            ("missing_scope", PiErrorKind.PermissionDenied, "The user has not granted the scope this operation needs.",
                "Ask the user to authenticate again with the 'payments' scope."),
            ("missing_wallet", PiErrorKind.Conflict, "The user has no wallet to pay into.",
                "Ask the user to create their Pi wallet, then try again."),
            ("invalid_address", PiErrorKind.InvalidArgument, "The recipient's blockchain address is invalid.",
                "Check the user's wallet address."),
            ("altered_amount", PiErrorKind.Conflict, "The amount differs from the one the payment was created with.",
                "Do not change a payment's amount; create a new payment instead."),
            ("too_many_payments", PiErrorKind.LimitExceeded, "The app has created too many payments.",
                "Finish or cancel open payments, and slow down."),
            ("too_many_cancelled_payments", PiErrorKind.LimitExceeded, "The app has cancelled too many payments.",
                "Investigate why payments are cancelled before creating more."),
            ("feature_not_available", PiErrorKind.PermissionDenied, "App-to-user payments are not available to this app.",
                "Check the app's settings in the Pi Developer Portal."),
            ("invalid_amount", PiErrorKind.InvalidArgument, "The amount is not a valid Pi amount.",
                "Pass a positive amount with at most 7 decimal places."),
            ("invalid_arguments", PiErrorKind.InvalidArgument, "The request is missing a field or has an invalid one.",
                "Pass -UserUid, -Amount and -Memo."),
            ("invalid_metadata", PiErrorKind.InvalidArgument, "The metadata is not a JSON object.",
                "Pass -Metadata as a hashtable, an object, or a JSON object string."),
            ("unknown_error", PiErrorKind.ServerError, "Pi reported an unknown error.",
                "Read the payment back with Get-PiPayment before trying again."),
            // Completing.
            ("already_completed", PiErrorKind.Conflict, "The payment is already completed.",
                "Nothing to do if it was completed with this txid; otherwise check which transaction belongs to this payment."),
            ("cancelled_payment", PiErrorKind.Conflict, "The payment was cancelled.",
                "A cancelled payment cannot be approved or completed; the user must start a new one."),
            ("missing_param", PiErrorKind.InvalidArgument, "A required parameter is missing.",
                "Pass every required parameter."),
            ("missing_txid", PiErrorKind.InvalidArgument, "No transaction id was given.",
                "Wait until the user's transaction is verified (State ReadyToComplete), or pass -TxId, or pipe a payment that has a transaction."),
            ("not_verified", PiErrorKind.Conflict, "Pi has not verified the payment's blockchain transaction yet.",
                "Wait until the payment's State is ReadyToComplete, then complete it."),
            ("txid_mismatch", PiErrorKind.Conflict, "The txid does not match the payment's blockchain transaction.",
                "Pass the txid from the payment's Transaction.TxId."),
            ("verification_failed", PiErrorKind.Conflict, "Pi could not verify the transaction against the payment.",
                "Check the transaction on the blockchain; the error's VerificationError says what did not match."),
            // Approving (not documented by Pi; these are the codes the sandbox and the lifecycle use).
            ("already_approved", PiErrorKind.Conflict, "The payment is already approved.",
                "Nothing to do."),
            ("not_approved", PiErrorKind.Conflict, "The payment has not been approved yet.",
                "Approve it first with Approve-PiPayment."),
            // Cancelling.
            ("forbidden", PiErrorKind.PermissionDenied, "This app may not change this payment.",
                "Use the API key of the app that owns the payment."),
            ("payment_tx_present", PiErrorKind.Conflict, "The payment already has a blockchain transaction, so it is too late to cancel it.",
                "Complete it instead with Complete-PiPayment."),
            // Authentication.
            ("unauthorized", PiErrorKind.Authentication, "Pi refused the API key.",
                "Check the key in the Pi Developer Portal and connect again with Connect-PiPlatform."),
            ("invalid_token", PiErrorKind.Authentication, "The access token is invalid or expired.",
                "Have the user authenticate again (Pi.authenticate in the client SDK) and use the new token."),
            // Ads.
            ("ad_not_found", PiErrorKind.NotFound, "No rewarded ad with this id exists for this app.",
                "Use the adId the client SDK's showAd returned."),
            // This module's own codes.
            (InvalidIdentifier, PiErrorKind.InvalidArgument, "The identifier is not valid.",
                "Pass the identifier exactly as Pi gave it: no slashes, spaces, control characters or '..'."),
            (InvalidApiKey, PiErrorKind.InvalidArgument, "The API key cannot be sent: it is empty or has a character no key has.",
                "Copy the server API key again from the Pi Developer Portal: it is printable ASCII, without spaces."),
            (InvalidAccessToken, PiErrorKind.InvalidArgument, "The access token cannot be sent: it is empty or has a character no token has.",
                "Pass the accessToken exactly as Pi.authenticate returned it in the client SDK."),
            (UnexpectedResponse, PiErrorKind.ServerError, "The server did not answer with the Pi Platform API's JSON.",
                "A proxy or outage is likely; check the base URI, then try again later. Read payments back before repeating a change."),
            (RateLimited, PiErrorKind.LimitExceeded, "Pi is rate limiting this app.",
                "Wait for the time the error's RetryAfter says, then try again with fewer requests at once."),
            (NetworkError, PiErrorKind.Network, "The request did not reach Pi, or its answer was lost.",
                "Check the network and the base URI. Read payments back with Get-PiPayment before repeating a change."),
            (TimedOut, PiErrorKind.Timeout, "Pi did not answer within the connection's timeout.",
                "Try again, or connect with a larger -TimeoutSec. Read payments back before repeating a change."),
            (ServerError, PiErrorKind.ServerError, "Pi (or a proxy in front of it) answered with a server error.",
                "Try again later. A change that got this answer was read back before it was reported, so the error means it did not happen."),
            (ResponseTooLarge, PiErrorKind.LimitExceeded, "The answer was larger than the connection's MaxResponseBytes, so it was not read.",
                "Check the base URI: no Pi answer is that large. Read payments back before repeating a change."),
            (PaymentStateUnknown, PiErrorKind.Network, "The change got no clear answer, and reading the payment back failed too: it may or may not have happened.",
                "Run Get-PiPayment with this id to see its state before trying again; do not repeat the change blindly."),
            (DeliveryUnknown, PiErrorKind.Network, "The notify request got no clear answer: the notification may or may not have been delivered.",
                "It was not sent again, so the user is never notified twice; send it again yourself if a duplicate is acceptable."),
            (NotificationQuotaExceeded, PiErrorKind.LimitExceeded, "The user has had the most notifications this app may send them (48 in 24 hours).",
                "Send to this user again later."),
            (InvalidNotification, PiErrorKind.InvalidArgument, "Pi refused the notification batch as invalid.",
                "Every notification needs UserUid, Title, Body and a Subroute starting with '/'."),
            (TooManyNotifications, PiErrorKind.InvalidArgument, "Pi refused the batch as too large.",
                $"Send at most {PiApiLimits.MaxNotificationsPerRequest} notifications per request."),
            // The cmdlets' own.
            (NotConnected, PiErrorKind.Network, "There is no connection to the Pi Platform API in this session.",
                "Run Connect-PiPlatform first (Connect-PiPlatform -Sandbox for the local sandbox), or pass -Connection."),
            (ConnectionClosed, PiErrorKind.Network, "The connection was closed by Disconnect-PiPlatform.",
                "Connect again with Connect-PiPlatform, and pass the new connection."),
            (MissingApiKey, PiErrorKind.Authentication, "No API key was given and the environment variable PI_API_KEY is not set.",
                "Pass -ApiKey (a SecureString, e.g. from Get-Secret or Read-Host -AsSecureString) or set $env:PI_API_KEY."),
            (EmptyApiKey, PiErrorKind.InvalidArgument, "The -ApiKey given is empty.",
                "Check where the key came from (an unset vault entry or environment variable gives an empty string)."),
            (EmptyWalletSeed, PiErrorKind.InvalidArgument, "The -WalletSeed given is empty.",
                "Check where the seed came from (an unset vault entry or environment variable gives an empty string)."),
            (InvalidBaseUri, PiErrorKind.InvalidArgument, "The base URI cannot be used.",
                "Pass a URI such as https://api.minepi.com."),
            (InvalidHorizonUri, PiErrorKind.InvalidArgument, "The Horizon URI cannot be used.",
                "Pass a URI such as https://api.testnet.minepi.com, or leave -HorizonUri out to follow each payment's network."),
            (UnencryptedAuthenticationRefused, PiErrorKind.PermissionDenied, "The API key would be sent over unencrypted http to another machine.",
                "Use https, or pass -AllowUnencryptedAuthentication if you really mean to (http is always allowed to loopback addresses)."),
            (SandboxNotFound, PiErrorKind.NotFound, "The sandbox server was not found.",
                "Use the module folder that build.ps1 assembles (it ships the sandbox in its 'sandbox' folder), or pass -Path."),
            (SandboxStartFailed, PiErrorKind.Unknown, "The sandbox did not start.",
                "The sandbox needs the .NET 10 runtime with ASP.NET Core ('dotnet --list-runtimes' shows it). Try another -Port."),
            // App-to-user payouts: this module's checks before anything is signed.
            (InvalidWalletSeed, PiErrorKind.InvalidArgument, "The wallet seed is not a Stellar secret seed (S..., 56 characters, with a valid checksum).",
                "Copy the app wallet's secret seed again from where you keep it (Get-Secret PiWalletSeed); the error says what is wrong with it, never what it is."),
            (WalletNotConfigured, PiErrorKind.InvalidArgument, "The connection has no app wallet, so it cannot sign payouts.",
                "Connect with Connect-PiPlatform -WalletSeed (Get-Secret PiWalletSeed), or set $env:PI_WALLET_SEED before connecting."),
            (NotAppToUser, PiErrorKind.InvalidArgument, "The payment is user-to-app: the user submits its transaction, not the app.",
                "Submit only app-to-user payments (New-PiPayment's); complete user-to-app ones with Complete-PiPayment once the user has paid."),
            (PaymentHasTransaction, PiErrorKind.Conflict, "The payment already has a blockchain transaction, so it is not paid again.",
                "Complete it with Complete-PiPayment (it uses the payment's own txid)."),
            (WalletMismatch, PiErrorKind.InvalidArgument, "The payment is paid from another wallet than this connection's.",
                "Connect with the seed of the wallet the payment's FromAddress names (the app's wallet in the Developer Portal)."),
            (UnknownNetwork, PiErrorKind.InvalidArgument, "The payment's network is not one this module knows a Horizon server for.",
                "Connect with -HorizonUri to name the Horizon server of that network."),
            (NetworkMismatch, PiErrorKind.InvalidArgument, "The Horizon server serves another network than the payment's.",
                "Connect with the -HorizonUri of the payment's network, or without -HorizonUri to follow the payment's network."),
            (TransactionMismatch, PiErrorKind.Conflict, "A transaction on the chain carries the payment's id as its memo but does not pay it.",
                "Check that transaction on the chain: Pi will not complete the payment with it. Cancel the payment (Stop-PiPayment) and pay the user with a new one."),
            (PaymentNotResumable, PiErrorKind.Conflict, "What to do with this incomplete payment cannot be decided from the facts, so nothing was done.",
                "Read the error's reason: connect with -WalletSeed to pay an unpaid payout, pass -Cancel to cancel unpaid payments, or look the payment up yourself."),
            // Horizon's result codes for a refused transaction (nothing moved, unless the code is an op_ one).
            (SubmissionTimeout, PiErrorKind.Timeout, "Horizon took the transaction but did not see it applied in time: it may still be applied.",
                "Run Submit-PiPayment again: it looks the transaction up on the chain before anything is signed again."),
            ("transaction_malformed", PiErrorKind.InvalidArgument, "Horizon could not decode the transaction envelope.",
                "Report it as a bug of this module, with the error's details."),
            (TxBadSeq, PiErrorKind.Conflict, "The transaction's sequence number is not the wallet's next one: another transaction of the wallet came first.",
                "Run Submit-PiPayment again; do not use the app wallet from two programs at once."),
            (TxTooLate, PiErrorKind.Timeout, "The transaction's time bounds passed before it was applied.",
                "Run Submit-PiPayment again: it signs a new transaction once the old one can no longer be applied."),
            ("tx_too_early", PiErrorKind.Conflict, "The transaction's time bounds have not begun: the clocks disagree.",
                "Try again; check this machine's clock."),
            ("tx_bad_auth", PiErrorKind.Authentication, "The transaction's signature is not the source wallet's on this network.",
                "Connect with the seed of the payment's wallet, and check the payment's network."),
            ("tx_insufficient_fee", PiErrorKind.Conflict, "The fee is below the network's base fee.",
                "Try again: the base fee is read anew for each transaction."),
            ("tx_insufficient_balance", PiErrorKind.LimitExceeded, "The app wallet cannot pay the fee and keep its minimum balance.",
                "Fund the app wallet."),
            ("tx_no_source_account", PiErrorKind.NotFound, "The app wallet has no account on this network.",
                "Fund the app wallet's address on the payment's network."),
            ("op_underfunded", PiErrorKind.LimitExceeded, "The app wallet's balance does not cover the payment (the fee was charged).",
                "Fund the app wallet, then run Submit-PiPayment again."),
            ("op_no_destination", PiErrorKind.NotFound, "The user's wallet has no account on the chain yet (the fee was charged).",
                "Ask the user to activate their wallet, or cancel the payment with Stop-PiPayment."),
            ("op_malformed", PiErrorKind.InvalidArgument, "The payment operation is invalid (amount or destination).",
                "Check the payment's amount and to_address."),
            ("tx_failed", PiErrorKind.Conflict, "The transaction failed on the chain (the fee was charged).",
                "Read the error's result codes; fix the cause before running Submit-PiPayment again."));

        /// <summary>Looks a code up; null if it is not one we know.</summary>
        public static PiErrorInfo? Find(string? code) =>
            code != null && Codes.TryGetValue(code, out PiErrorInfo? info) ? info : null;

        /// <summary>Every known code.</summary>
        public static IEnumerable<PiErrorInfo> All => Codes.Values;

        /// <summary>The kind an HTTP status implies when the code says nothing better.</summary>
        public static PiErrorKind KindOfStatus(int status) => status switch
        {
            400 or 422 => PiErrorKind.InvalidArgument,
            408 => PiErrorKind.Timeout,
            401 => PiErrorKind.Authentication,
            403 => PiErrorKind.PermissionDenied,
            404 => PiErrorKind.NotFound,
            409 => PiErrorKind.Conflict,
            429 => PiErrorKind.LimitExceeded,
            >= 500 => PiErrorKind.ServerError,
            _ => PiErrorKind.Unknown,
        };

        internal static PiErrorInfo Get(string code) => Codes[code];

        private static Dictionary<string, PiErrorInfo> Build(params (string Code, PiErrorKind Kind, string Meaning, string Action)[] rows)
        {
            var table = new Dictionary<string, PiErrorInfo>(System.StringComparer.Ordinal);
            foreach (var row in rows)
            {
                table.Add(row.Code, new PiErrorInfo(row.Code, row.Kind, row.Meaning, row.Action));
            }
            return table;
        }
    }
}
