using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Http;
using PiPlatform.Json;

namespace PiPlatform
{
    /// <summary>
    /// The Pi Platform API, one async method per operation. One client per connection: it owns one
    /// HttpClient. Approve, complete and cancel are idempotent from the caller's view: a payment already in the
    /// state asked for is success (the answer's payment, or one read back, proves it), never an error.
    /// </summary>
    public sealed class PiClient : IDisposable
    {
        private readonly PiTransport _transport;
        private readonly IPiLog _log;
        private readonly bool _ownsTransport;

        /// <summary>Creates a client and its HttpClient.</summary>
        public PiClient(PiClientOptions options)
            : this(new PiTransport(options ?? throw new ArgumentNullException(nameof(options))), NullPiLog.Instance, true)
        {
        }

        private PiClient(PiTransport transport, IPiLog log, bool ownsTransport)
        {
            _transport = transport;
            _log = log;
            _ownsTransport = ownsTransport;
        }

        /// <summary>The API's base URI.</summary>
        public Uri BaseUri => _transport.BaseUri;

        /// <summary>The per-request timeout.</summary>
        public TimeSpan Timeout => _transport.Timeout;

        /// <summary>The most requests per second this client sends, or null for no cap.</summary>
        public int? MaxRequestsPerSecond => _transport.MaxRequestsPerSecond;

        /// <summary>The API key masked for display: asterisks and, for a key of 16 characters or more, its last four.</summary>
        public string ApiKeyHint => _transport.ApiKeyHint;

        /// <summary>
        /// The same client (same HttpClient, same key) writing its log lines to <paramref name="log"/>:
        /// each cmdlet invocation gets its own view. Disposing the view does not close the connection.
        /// </summary>
        public PiClient WithLog(IPiLog log) => new PiClient(_transport, log ?? NullPiLog.Instance, false);

        /// <summary>GET /v2/me with a user's access token.</summary>
        public async Task<User> GetMeAsync(SecureString accessToken, CancellationToken cancel = default)
        {
            if (accessToken == null) throw new ArgumentNullException(nameof(accessToken));
            using SecureString token = Secret.Normalize(accessToken, PiErrorCatalog.InvalidAccessToken, "access token");
            return await _transport.SendAsync(new PiRequest(HttpMethod.Get, "v2/me", "v2/me") { BearerToken = token },
                WireReader.ReadUser, _log, cancel).ConfigureAwait(false);
        }

        /// <summary>GET /v2/payments/{id}.</summary>
        public Task<Payment> GetPaymentAsync(string paymentId, CancellationToken cancel = default) =>
            SendPaymentAsync(HttpMethod.Get, paymentId, "", null, cancel);

        /// <summary>GET /v2/payments/incomplete_server_payments: the app-to-user payments not finished yet.</summary>
        public Task<IReadOnlyList<Payment>> GetIncompleteServerPaymentsAsync(CancellationToken cancel = default) =>
            _transport.SendAsync(
                new PiRequest(HttpMethod.Get, "v2/payments/incomplete_server_payments", "v2/payments/incomplete_server_payments"),
                root => WireReader.ReadPayments(root, "incomplete_server_payments"), _log, cancel);

        /// <summary>POST /v2/payments/{id}/approve. An already approved payment is success.</summary>
        public Task<Payment> ApprovePaymentAsync(string paymentId, CancellationToken cancel = default) =>
            ChangePaymentAsync(paymentId, null, Approval, cancel);

        /// <summary>
        /// Approves a payment as the caller last read it. If that already shows it approved, the log says this was a
        /// repeat even when Pi answers the repeat with plain success, as it may.
        /// </summary>
        public Task<Payment> ApprovePaymentAsync(Payment payment, CancellationToken cancel = default) =>
            ChangePaymentAsync(Known(payment).Identifier, payment, Approval, cancel);

        /// <summary>
        /// POST /v2/payments/{id}/complete with the txid. A payment already completed with the same txid is success;
        /// with another txid it is an error.
        /// </summary>
        public Task<Payment> CompletePaymentAsync(string paymentId, string txid, CancellationToken cancel = default) =>
            ChangePaymentAsync(paymentId, null, Completion(txid), cancel);

        /// <summary>Completes a payment as the caller last read it (see <see cref="ApprovePaymentAsync(Payment, CancellationToken)"/>).</summary>
        public Task<Payment> CompletePaymentAsync(Payment payment, string txid, CancellationToken cancel = default) =>
            ChangePaymentAsync(Known(payment).Identifier, payment, Completion(txid), cancel);

        /// <summary>
        /// Completes a payment with the txid of its own blockchain transaction, read first; one with no transaction yet
        /// is a <c>missing_txid</c> error.
        /// </summary>
        public async Task<Payment> CompletePaymentWithItsTxidAsync(string paymentId, CancellationToken cancel = default)
        {
            Payment current = await GetPaymentAsync(paymentId, cancel).ConfigureAwait(false);
            if (string.IsNullOrEmpty(current.TxId))
            {
                throw new PiException("missing_txid", PiErrorKind.InvalidArgument,
                    $"Payment {paymentId} has no blockchain transaction yet, so there is no txid to complete it with.",
                    "Wait until the user's transaction is verified (State ReadyToComplete), or pass -TxId.");
            }
            _log.Verbose($"Payment {paymentId}: using its transaction's txid {current.TxId}.");
            return await CompletePaymentAsync(current, current.TxId!, cancel).ConfigureAwait(false);
        }

        /// <summary>POST /v2/payments/{id}/cancel. A payment already cancelled (by anyone) is success.</summary>
        public Task<Payment> CancelPaymentAsync(string paymentId, CancellationToken cancel = default) =>
            ChangePaymentAsync(paymentId, null, Cancellation, cancel);

        /// <summary>Cancels a payment as the caller last read it (see <see cref="ApprovePaymentAsync(Payment, CancellationToken)"/>).</summary>
        public Task<Payment> CancelPaymentAsync(Payment payment, CancellationToken cancel = default) =>
            ChangePaymentAsync(Known(payment).Identifier, payment, Cancellation, cancel);

        /// <summary>
        /// POST /v2/payments: creates an app-to-user payment. <c>ongoing_payment_found</c> throws a
        /// <see cref="PiConflictException"/> whose <see cref="PiApiException.Payment"/> is the existing payment.
        /// </summary>
        public Task<Payment> CreatePaymentAsync(PaymentRequest request, CancellationToken cancel = default)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (string.IsNullOrWhiteSpace(request.UserUid))
                throw PiException.Input("invalid_arguments", "The payment needs the recipient's uid.");
            if (request.Amount <= 0m || DecimalPlaces(request.Amount) > 7)
                throw PiException.Input("invalid_amount", $"The amount {request.Amount} is not a positive amount with at most 7 decimal places.");
            return _transport.SendAsync(
                new PiRequest(HttpMethod.Post, "v2/payments", "v2/payments") { Body = WireWriter.CreatePaymentBody(request) },
                WireReader.ReadPayment, _log, cancel);
        }

        /// <summary>GET /v2/ads_network/status/{adId}.</summary>
        public Task<AdStatus> GetAdStatusAsync(string adId, CancellationToken cancel = default)
        {
            string id = PathSegment.Escape(adId, "ad id");
            return _transport.SendAsync(new PiRequest(HttpMethod.Get, "v2/ads_network/status/" + id, "v2/ads_network/status/{adId}"),
                WireReader.ReadAdStatus, _log, cancel);
        }

        /// <summary>
        /// Sends notifications in requests of at most 256, and says per
        /// notification what became of it. A user over quota fails alone: the rest of the batch is sent again.
        /// </summary>
        public Task<IReadOnlyList<NotificationOutcome>> SendNotificationsAsync(IReadOnlyList<Notification> notifications, CancellationToken cancel = default) =>
            new NotificationSender(_transport, _log).SendAsync(notifications, cancel);

        private Task<Payment> SendPaymentAsync(HttpMethod method, string paymentId, string action, byte[]? body, CancellationToken cancel)
        {
            string id = PathSegment.Escape(paymentId, "payment id");
            string suffix = action.Length == 0 ? "" : "/" + action;
            return _transport.SendAsync(new PiRequest(method, $"v2/payments/{id}{suffix}", $"v2/payments/{{id}}{suffix}") { Body = body },
                WireReader.ReadPayment, _log, cancel);
        }

        private async Task<Payment> ChangePaymentAsync(string paymentId, Payment? seen, PaymentChange change, CancellationToken cancel)
        {
            Payment changed;
            try
            {
                changed = await SendPaymentAsync(HttpMethod.Post, paymentId, change.Action, change.Body, cancel).ConfigureAwait(false);
            }
            catch (PiApiException refused) when (IsStateRefusal(refused.StatusCode))
            {
                // Whether the API answers a repeat with 200 or a 4xx is not documented, so the payment decides:
                // the one in the error body, else one read back.
                Payment? current = refused.Payment ?? await TryReadBackAsync(paymentId, cancel).ConfigureAwait(false);
                if (current != null && change.AlreadyDone(current))
                {
                    _log.Verbose(change.Repeat(paymentId));
                    return current;
                }
                throw;
            }
            // A success tells a repeat from a first change only through what the caller saw before.
            if (seen != null && change.AlreadyDone(seen)) _log.Verbose(change.Repeat(paymentId));
            return changed;
        }

        private static readonly PaymentChange Approval =
            new PaymentChange("approve", null, p => p.Status.DeveloperApproved && !p.IsCancelled, "was already approved");

        private static readonly PaymentChange Cancellation =
            new PaymentChange("cancel", null, p => p.IsCancelled, "was already cancelled");

        private static PaymentChange Completion(string? txid)
        {
            string checkedTxid = CheckTxid(txid);
            return new PaymentChange("complete", WireWriter.CompleteBody(checkedTxid),
                p => p.Status.DeveloperCompleted && string.Equals(p.TxId, checkedTxid, StringComparison.Ordinal),
                "was already completed with this txid");
        }

        private static Payment Known(Payment payment) => payment ?? throw new ArgumentNullException(nameof(payment));

        /// <summary>One state change: its path, its body, and how to tell it has already happened.</summary>
        private sealed class PaymentChange
        {
            public PaymentChange(string action, byte[]? body, Func<Payment, bool> alreadyDone, string alreadyText)
            {
                Action = action;
                Body = body;
                AlreadyDone = alreadyDone;
                _alreadyText = alreadyText;
            }

            private readonly string _alreadyText;

            public string Action { get; }

            public byte[]? Body { get; }

            public Func<Payment, bool> AlreadyDone { get; }

            public string Repeat(string paymentId) => $"Payment {paymentId} {_alreadyText}: nothing to {Action}.";
        }

        // 4xx answers about the payment's state; 401/403/404/429 say nothing about it.
        private static bool IsStateRefusal(int status) =>
            status >= 400 && status < 500 && status != 401 && status != 403 && status != 404 && status != 429;

        private async Task<Payment?> TryReadBackAsync(string paymentId, CancellationToken cancel)
        {
            try
            {
                return await GetPaymentAsync(paymentId, cancel).ConfigureAwait(false);
            }
            catch (PiException e)
            {
                _log.Debug($"Reading payment {paymentId} back failed: {e.ErrorCode}");
                return null;
            }
        }

        private static string CheckTxid(string? txid)
        {
            if (string.IsNullOrWhiteSpace(txid))
                throw PiException.Input("missing_txid", "No transaction id was given.");
            foreach (char c in txid!)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                    throw PiException.Input("missing_txid", "The transaction id contains white space or control characters.");
            }
            return txid;
        }

        private static int DecimalPlaces(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

        /// <summary>Closes the connection's HttpClient (only the client created with options owns it).</summary>
        public void Dispose()
        {
            if (_ownsTransport) _transport.Dispose();
        }
    }
}
