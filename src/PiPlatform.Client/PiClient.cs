using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Http;
using PiPlatform.Json;
using PiPlatform.Payouts;

namespace PiPlatform
{
    /// <summary>
    /// The Pi Platform API, one async method per operation. One client per connection: it owns one
    /// HttpClient. Approve, complete and cancel are idempotent from the caller's view: a payment already in the
    /// state asked for is success (the answer's payment, or one read back, proves it), never an error. App-to-user
    /// payouts also speak to Horizon, the blockchain's API, through the same request path (see <see cref="SubmitPaymentAsync"/>).
    /// </summary>
    public sealed class PiClient : IDisposable
    {
        private readonly PiTransport _transport;
        private readonly PayoutDesk _payouts;
        private readonly IPiLog _log;
        private readonly RetryPolicy _retry;
        private readonly bool _owns;

        /// <summary>Creates a client and its HttpClient; with a wallet seed, checks it (<c>invalid_wallet_seed</c>).</summary>
        public PiClient(PiClientOptions options)
            : this(Open(options ?? throw new ArgumentNullException(nameof(options))), NullPiLog.Instance, null, true)
        {
        }

        private PiClient((PiTransport Transport, PayoutDesk Payouts) parts, IPiLog log, RetryPolicy? retry, bool owns)
        {
            _transport = parts.Transport;
            _payouts = parts.Payouts;
            _log = log;
            _retry = retry ?? parts.Transport.Retry;
            _owns = owns;
        }

        // The seed is checked before any HttpClient exists, so a bad one leaves nothing to dispose.
        private static (PiTransport, PayoutDesk) Open(PiClientOptions options)
        {
            var payouts = new PayoutDesk(options);
            try
            {
                return (new PiTransport(new PiApi(options), options), payouts);
            }
            catch
            {
                payouts.Dispose();
                throw;
            }
        }

        private (PiTransport, PayoutDesk) Parts => (_transport, _payouts);

        /// <summary>The API's base URI.</summary>
        public Uri BaseUri => _transport.BaseUri;

        /// <summary>The per-request timeout.</summary>
        public TimeSpan Timeout => _transport.Timeout;

        /// <summary>The largest answer this client reads, in bytes after decompression.</summary>
        public long MaxResponseBytes => _transport.MaxResponseBytes;

        /// <summary>The most requests per second this client sends, or null for no cap.</summary>
        public int? MaxRequestsPerSecond => _transport.MaxRequestsPerSecond;

        /// <summary>The API key masked for display: asterisks and, for a key of 16 characters or more, its last four.</summary>
        public string ApiKeyHint => ((PiApi)_transport.Api).ApiKeyHint;

        /// <summary>
        /// The same client (same HttpClient, same key) writing its log lines to <paramref name="log"/>:
        /// each cmdlet invocation gets its own view. Disposing the view does not close the connection.
        /// </summary>
        public PiClient WithLog(IPiLog log) => new PiClient(Parts, log ?? NullPiLog.Instance, _retry, false);

        /// <summary>The same client retrying under <paramref name="retry"/> (a cmdlet's -MaximumRetryCount, say) instead of the connection's policy.</summary>
        public PiClient WithRetry(RetryPolicy retry) => new PiClient(Parts, _log, retry ?? throw new ArgumentNullException(nameof(retry)), false);

        /// <summary>The retry policy this client's calls use.</summary>
        public RetryPolicy Retry => _retry;

        /// <summary>The app wallet's public address (G...), or null when connected without a wallet seed.</summary>
        public string? WalletAddress => _payouts.Wallet?.AccountId;

        /// <summary>The Horizon server given at connect, or null to follow each payment's network.</summary>
        public Uri? HorizonUri => _payouts.Servers.Override;

        /// <summary>
        /// Pays an app-to-user payment on the chain: reads it, refuses one that is not payable by this wallet (nothing
        /// sent), signs one native payment of exactly its amount to its to_address with its id as memo, submits it to
        /// Horizon, and returns the payment with the transaction's txid, ready for <see cref="CompletePaymentAsync(Payment, string, CancellationToken)"/>.
        /// Never pays twice: see <see cref="PaymentSubmitter"/> for the rules.
        /// </summary>
        public Task<Payment> SubmitPaymentAsync(string paymentId, CancellationToken cancel = default) =>
            Submitter().SubmitAsync(paymentId, cancel);

        /// <summary>What should be done with an incomplete payment, from the facts (Pi's state and the chain); changes nothing.</summary>
        public Task<ResumePlan> PlanResumeAsync(Payment payment, bool cancelUnpaid, CancellationToken cancel = default) =>
            new PaymentResumer(this, Submitter(), _payouts).PlanAsync(Known(payment), cancelUnpaid, cancel);

        /// <summary>Carries a plan out: completes, pays and completes, or cancels; an undecided plan is <c>payment_not_resumable</c>.</summary>
        public Task<Payment> ResumePaymentAsync(ResumePlan plan, CancellationToken cancel = default) =>
            new PaymentResumer(this, Submitter(), _payouts).RunAsync(plan ?? throw new ArgumentNullException(nameof(plan)), cancel);

        private PaymentSubmitter Submitter() => new PaymentSubmitter(this, _payouts, _log, _retry);

        /// <summary>GET /v2/me with a user's access token.</summary>
        public async Task<User> GetMeAsync(SecureString accessToken, CancellationToken cancel = default)
        {
            if (accessToken == null) throw new ArgumentNullException(nameof(accessToken));
            using SecureString token = Secret.Normalize(accessToken, PiErrorCatalog.InvalidAccessToken, "access token");
            return await _transport.SendAsync(new PiRequest(HttpMethod.Get, "v2/me", "v2/me") { BearerToken = token },
                WireReader.ReadUser, _log, _retry, cancel).ConfigureAwait(false);
        }

        /// <summary>GET /v2/payments/{id}.</summary>
        public Task<Payment> GetPaymentAsync(string paymentId, CancellationToken cancel = default) =>
            SendPaymentAsync(HttpMethod.Get, paymentId, "", null, cancel);

        /// <summary>GET /v2/payments/incomplete_server_payments: the app-to-user payments not finished yet.</summary>
        public Task<IReadOnlyList<Payment>> GetIncompleteServerPaymentsAsync(CancellationToken cancel = default) =>
            _transport.SendAsync(
                new PiRequest(HttpMethod.Get, "v2/payments/incomplete_server_payments", "v2/payments/incomplete_server_payments"),
                root => WireReader.ReadPayments(root, "incomplete_server_payments"), _log, _retry, cancel);

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
                throw PiException.Input("missing_txid", $"Payment {paymentId} has no blockchain transaction yet, so there is no txid to complete it with.");
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
        /// <see cref="PiConflictException"/> whose <see cref="PiApiException.Payment"/> is the existing payment. Pi does not
        /// make this call idempotent, so after an unclear failure the app's incomplete payments are searched for this one
        /// (same user, amount, memo and metadata) before it is ever sent again: one call never creates two payments.
        /// </summary>
        public async Task<Payment> CreatePaymentAsync(PaymentRequest request, CancellationToken cancel = default)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (string.IsNullOrWhiteSpace(request.UserUid))
                throw PiException.Input("invalid_arguments", "The payment needs the recipient's uid.");
            if (request.Amount <= 0m || DecimalPlaces(request.Amount) > 7)
                throw PiException.Input("invalid_amount", $"The amount {request.Amount} is not a positive amount with at most 7 decimal places.");
            var create = new PiRequest(HttpMethod.Post, "v2/payments", "v2/payments") { Body = WireWriter.CreatePaymentBody(request) };
            string who = $"Payment to {request.UserUid}";
            for (int retry = 1; ; retry++)
            {
                try
                {
                    return await _transport.SendAsync(create, WireReader.ReadPayment, _log, _retry, cancel).ConfigureAwait(false);
                }
                catch (PiConflictException ongoing) when (retry > 1 && ongoing.Payment is Payment existing && PaymentMatch.IsFor(existing, request))
                {
                    // The earlier try did create it after all: Pi now names it as the user's ongoing payment.
                    _log.Verbose($"{who}: the earlier try created it ({existing.Identifier}): confirmed by read-back.");
                    return existing;
                }
                catch (PiException unclear) when (Outcome.IsUnclear(unclear))
                {
                    IReadOnlyList<Payment> open;
                    try
                    {
                        open = await GetIncompleteServerPaymentsAsync(cancel).ConfigureAwait(false);
                    }
                    catch (PiException readFailed)
                    {
                        throw StateUnknown($"{who}: the create request got no clear answer ({unclear.ErrorCode}), and reading the app's incomplete payments failed too ({readFailed.ErrorCode}): it may or may not have been created.", unclear);
                    }
                    string why = $"{who}: the create request got no clear answer ({unclear.ErrorCode})";
                    foreach (Payment candidate in open)
                    {
                        if (!PaymentMatch.IsFor(candidate, request)) continue;
                        _log.Verbose($"{why}; it is among the incomplete payments ({candidate.Identifier}): confirmed by read-back.");
                        return candidate;
                    }
                    if (!await _retry.WaitToResendAsync(retry, $"{why}; it is not among the incomplete payments", _log, cancel).ConfigureAwait(false)) throw;
                }
            }
        }

        /// <summary>GET /v2/ads_network/status/{adId}.</summary>
        public Task<AdStatus> GetAdStatusAsync(string adId, CancellationToken cancel = default)
        {
            string id = PathSegment.Escape(adId, "ad id");
            return _transport.SendAsync(new PiRequest(HttpMethod.Get, "v2/ads_network/status/" + id, "v2/ads_network/status/{adId}"),
                WireReader.ReadAdStatus, _log, _retry, cancel);
        }

        /// <summary>
        /// Sends notifications in requests of at most 256, and says per
        /// notification what became of it. A user over quota fails alone: the rest of the batch is sent again.
        /// </summary>
        public Task<IReadOnlyList<NotificationOutcome>> SendNotificationsAsync(IReadOnlyList<Notification> notifications, CancellationToken cancel = default) =>
            new NotificationSender(_transport, _log, _retry).SendAsync(notifications, cancel);

        private Task<Payment> SendPaymentAsync(HttpMethod method, string paymentId, string action, byte[]? body, CancellationToken cancel)
        {
            string id = PathSegment.Escape(paymentId, "payment id");
            string suffix = action.Length == 0 ? "" : "/" + action;
            return _transport.SendAsync(new PiRequest(method, $"v2/payments/{id}{suffix}", $"v2/payments/{{id}}{suffix}") { Body = body },
                WireReader.ReadPayment, _log, _retry, cancel);
        }

        private async Task<Payment> ChangePaymentAsync(string paymentId, Payment? seen, PaymentChange change, CancellationToken cancel)
        {
            for (int retry = 1; ; retry++)
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
                catch (PiException unclear) when (Outcome.IsUnclear(unclear))
                {
                    // It may or may not have happened: the payment read back says which, never a blind repeat.
                    Payment current = await ReadBackAfterAsync(paymentId, change, unclear, cancel).ConfigureAwait(false);
                    string why = $"Payment {paymentId}: the {change.Action} request got no clear answer ({unclear.ErrorCode})";
                    if (change.AlreadyDone(current))
                    {
                        _log.Verbose($"{why}; read back, it is done: confirmed by read-back.");
                        return current;
                    }
                    if (!await _retry.WaitToResendAsync(retry, $"{why}; read back, it has not happened", _log, cancel).ConfigureAwait(false)) throw;
                    continue;
                }
                // A success tells a repeat from a first change only through what the caller saw before.
                if (seen != null && change.AlreadyDone(seen)) _log.Verbose(change.Repeat(paymentId));
                return changed;
            }
        }

        // The payment as it is now, after a change got no clear answer; if even that cannot be read, the state is unknown.
        private async Task<Payment> ReadBackAfterAsync(string paymentId, PaymentChange change, PiException unclear, CancellationToken cancel)
        {
            try
            {
                return await GetPaymentAsync(paymentId, cancel).ConfigureAwait(false);
            }
            catch (PiException readFailed) when (!(readFailed is PiNotFoundException))
            {
                throw StateUnknown($"Payment {paymentId}: the {change.Action} request got no clear answer ({unclear.ErrorCode}), and reading the payment back failed too ({readFailed.ErrorCode}): it may or may not have been done.", unclear);
            }
        }

        private static PiException StateUnknown(string message, PiException unclear) =>
            PiException.Unknown(PiErrorCatalog.PaymentStateUnknown, message, unclear);

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

        // 4xx answers about the payment's state; 401/403/404/429 say nothing about it, and a 408 says nothing certain.
        private static bool IsStateRefusal(int status) =>
            status >= 400 && status < 500 && status != 401 && status != 403 && status != 404 && status != 408 && status != 429;

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
            if (!_owns) return;
            _transport.Dispose();
            _payouts.Dispose();
        }
    }
}
