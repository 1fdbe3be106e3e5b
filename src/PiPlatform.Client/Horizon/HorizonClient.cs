using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Http;
using PiPlatform.Stellar;

namespace PiPlatform.Horizon
{
    /// <summary>
    /// The Horizon calls a payout makes, over the one request path (<see cref="PiTransport"/>) with Horizon's own
    /// <see cref="WireApi"/>. One per Horizon server of a connection; it also keeps that server's clock, since time
    /// bounds are Horizon's time, not this machine's (clock skew: pi-ruby PR 32).
    /// </summary>
    internal sealed class HorizonClient : IDisposable
    {
        private readonly PiTransport _transport;
        private long _clockOffsetTicks;
        private int _clockKnown;
        private HorizonRoot? _root;

        public HorizonClient(Uri root, PiClientOptions options) => _transport = new PiTransport(new HorizonApi(root), options);

        /// <summary>The server's root, e.g. <c>https://api.testnet.minepi.com/</c>.</summary>
        public Uri Root => _transport.BaseUri;

        /// <summary>Horizon's clock: this machine's, moved by the offset the last answer's Date header showed.</summary>
        public DateTimeOffset Now => DateTimeOffset.UtcNow + TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));

        /// <summary>GET / once: the network it serves (and, from its Date header, its clock).</summary>
        public async Task<HorizonRoot> GetRootAsync(IPiLog log, RetryPolicy retry, CancellationToken cancel)
        {
            if (_root != null && Volatile.Read(ref _clockKnown) == 1) return _root;
            _root = await SendAsync(Get("", ""), (root, answer) => HorizonReader.ReadRoot(root), log, retry, cancel).ConfigureAwait(false);
            return _root;
        }

        public Task<HorizonAccount> LoadAccountAsync(string accountId, IPiLog log, RetryPolicy retry, CancellationToken cancel) =>
            SendAsync(Get("accounts/" + Account(accountId), "accounts/{id}"), (root, _) => HorizonReader.ReadAccount(root), log, retry, cancel);

        public Task<long> GetBaseFeeAsync(IPiLog log, RetryPolicy retry, CancellationToken cancel) =>
            SendAsync(Get("fee_stats", "fee_stats"), (root, _) => HorizonReader.ReadBaseFee(root), log, retry, cancel);

        /// <summary>
        /// POST /transactions. Never retried here: the caller decides, because only the same envelope may ever be sent
        /// again (Horizon answers an envelope it already applied with that result, so resending it cannot pay twice).
        /// </summary>
        public Task<HorizonTransaction> SubmitAsync(SignedTransaction signed, IPiLog log, CancellationToken cancel)
        {
            var request = new PiRequest(HttpMethod.Post, "transactions", "transactions")
            {
                Body = Encoding.ASCII.GetBytes("tx=" + Uri.EscapeDataString(signed.EnvelopeXdr)),
                ContentType = "application/x-www-form-urlencoded",
            };
            return SendAsync(request, (root, _) => HorizonReader.ReadTransaction(root), log, RetryPolicy.None, cancel);
        }

        /// <summary>GET /transactions/{hash}, or null if Horizon has no such transaction.</summary>
        public async Task<HorizonTransaction?> FindTransactionAsync(string hash, IPiLog log, RetryPolicy retry, CancellationToken cancel)
        {
            if (!HorizonReader.IsHash(hash)) throw PiException.Input(PiErrorCatalog.InvalidIdentifier, $"'{hash}' is not a transaction hash (64 lowercase hex digits).");
            try
            {
                return await SendAsync(Get("transactions/" + hash, "transactions/{hash}"), (root, _) => HorizonReader.ReadTransaction(root), log, retry, cancel).ConfigureAwait(false);
            }
            catch (PiApiException missing) when (missing.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>One page of an account's transactions, newest first or oldest first, after <paramref name="cursor"/>.</summary>
        public Task<HorizonPage> GetTransactionsAsync(string accountId, string? cursor, bool newestFirst, int limit,
            IPiLog log, RetryPolicy retry, CancellationToken cancel)
        {
            // Failed transactions too: they used a sequence number, and a payout that failed must be seen as failed.
            string query = $"?order={(newestFirst ? "desc" : "asc")}&limit={limit.ToString(CultureInfo.InvariantCulture)}&include_failed=true"
                + (string.IsNullOrEmpty(cursor) ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            return SendAsync(Get($"accounts/{Account(accountId)}/transactions{query}", "accounts/{id}/transactions"),
                (root, _) => HorizonReader.ReadPage(root), log, retry, cancel);
        }

        private async Task<T> SendAsync<T>(PiRequest request, Func<System.Text.Json.JsonElement, Answer, T> read, IPiLog log, RetryPolicy retry, CancellationToken cancel) =>
            await _transport.SendAsync(request, (root, answer) =>
            {
                NoteClock(answer);
                return read(root, answer);
            }, log, retry, cancel).ConfigureAwait(false);

        private void NoteClock(Answer answer)
        {
            if (answer.Date is not DateTimeOffset date) return;
            Interlocked.Exchange(ref _clockOffsetTicks, (date - DateTimeOffset.UtcNow).Ticks);
            Volatile.Write(ref _clockKnown, 1);
        }

        private static PiRequest Get(string path, string route) => new PiRequest(HttpMethod.Get, path, route);

        // Account ids are public and go in the path: checked first, so nothing odd is ever put in a URL.
        private static string Account(string accountId)
        {
            if (!StrKey.IsAccountId(accountId)) throw PiException.Input("invalid_address", $"'{accountId}' is not a Stellar account id (G...).");
            return accountId;
        }

        public void Dispose() => _transport.Dispose();
    }
}
