using System;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Horizon;
using PiPlatform.Http;
using PiPlatform.Stellar;

namespace PiPlatform.Payouts
{
    /// <summary>
    /// Pays one app-to-user payment on the chain, at most once (Pi itself accepted two transactions for one payment:
    /// pi-nodejs issue 25). The rules that make it so:
    /// <list type="bullet">
    /// <item>Before signing, the wallet's history is searched for a transaction whose memo is the payment id; one
    /// that pays it ends the payout there, one that does not is reported, never paid over.</item>
    /// <item>A submit with no clear answer is followed only by the same envelope again (Horizon answers an applied one
    /// with its result) or a look-up of its hash; never by a new envelope while the old one could still apply.</item>
    /// <item>A new envelope is signed only when the chain shows the old can never apply: its sequence number used by
    /// another transaction, or its time bounds past.</item>
    /// <item>One wallet submits one transaction at a time, so concurrent payouts never race for a sequence number.</item>
    /// </list>
    /// </summary>
    internal sealed class PaymentSubmitter
    {
        /// <summary>How long a transaction may wait to be applied, as the official SDKs set it (fetchTimebounds(180)).</summary>
        public const int TimeBoundSeconds = 180;

        // Pi's clock and the ledger's may disagree: the memo search reaches this far back before the payment's creation.
        private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(10);

        private readonly PiClient _pi;
        private readonly PayoutDesk _desk;
        private readonly IPiLog _log;
        private readonly RetryPolicy _retry;

        public PaymentSubmitter(PiClient pi, PayoutDesk desk, IPiLog log, RetryPolicy retry)
        {
            _pi = pi;
            _desk = desk;
            _log = log;
            _retry = retry;
        }

        /// <summary>Reads the payment, pays it (or finds it paid), and returns it with its transaction's txid.</summary>
        public async Task<Payment> SubmitAsync(string paymentId, CancellationToken cancel)
        {
            PayoutWallet wallet = _desk.RequireWallet(paymentId);
            Payment payment = await _pi.GetPaymentAsync(paymentId, cancel).ConfigureAwait(false);
            Payout payout = Payout.Of(payment, wallet.AccountId);
            HorizonClient horizon = _desk.Servers.For(payout.Network);
            WalletHistory history = _desk.History(horizon, wallet.AccountId);
            string txid;
            await wallet.Turn.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                txid = await PayOnceAsync(horizon, history, wallet, payout, cancel).ConfigureAwait(false);
            }
            finally
            {
                wallet.Turn.Release();
            }
            // Outside the wallet's turn: reading Pi back needs no sequence number, so the next payout need not wait for it.
            return await WithTxidAsync(payment, horizon, txid, cancel).ConfigureAwait(false);
        }

        // The chain part, in the wallet's turn: the txid of the one transaction that pays the payout.
        private async Task<string> PayOnceAsync(HorizonClient horizon, WalletHistory history, PayoutWallet wallet, Payout payout, CancellationToken cancel)
        {
            await CheckNetworkAsync(horizon, payout, cancel).ConfigureAwait(false);
            for (int fresh = 0; ; fresh++)
            {
                HorizonTransaction? paid = await FindPayingAsync(history, payout, cancel).ConfigureAwait(false);
                if (paid != null)
                {
                    _log.Verbose($"Payment {payout.PaymentId}: transaction {paid.Hash} on the chain already pays it: confirmed by read-back, nothing is sent.");
                    return paid.Hash;
                }
                SignedTransaction signed = await BuildAsync(horizon, wallet, payout, cancel).ConfigureAwait(false);
                var (applied, dead) = await SendAsync(horizon, history, payout, signed, cancel).ConfigureAwait(false);
                if (applied != null)
                {
                    history.Record(applied);
                    return applied.Hash;
                }
                if (!await _retry.WaitToResendAsync(fresh + 1, $"Payment {payout.PaymentId}: transaction {signed.Hash} can never be applied now ({dead!.ErrorCode}); a new one is signed", _log, cancel).ConfigureAwait(false))
                {
                    throw dead;
                }
            }
        }

        /// <summary>
        /// The successful transaction of the payment's wallet that pays it, or null if none was found; one whose memo
        /// is the payment id but which pays something else is an error, since Pi will refuse to complete with it.
        /// Needs no seed: the wallet is the payment's from_address, and history is public.
        /// </summary>
        public Task<HorizonTransaction?> FindOnChainAsync(Payment payment, CancellationToken cancel)
        {
            Payout payout = Payout.Of(payment, payment.FromAddress ?? "");
            HorizonClient horizon = _desk.Servers.For(payout.Network);
            return FindPayingAsync(_desk.History(horizon, payout.Wallet), payout, cancel);
        }

        private async Task<HorizonTransaction?> FindPayingAsync(WalletHistory history, Payout payout, CancellationToken cancel)
        {
            DateTimeOffset since = (payout.Payment.CreatedAt ?? DateTimeOffset.MinValue.AddDays(1)) - ClockSlack;
            foreach (HorizonTransaction tx in await history.WithMemoAsync(payout.PaymentId, since, _log, _retry, cancel).ConfigureAwait(false))
            {
                if (!tx.Successful) continue;
                string? mismatch;
                try
                {
                    mismatch = payout.Mismatch(SignedTransaction.Parse(tx.EnvelopeXdr, payout.Network).Transaction);
                }
                catch (FormatException unreadable)
                {
                    mismatch = $"its envelope cannot be read ({unreadable.Message})";
                }
                if (mismatch == null) return tx;
                throw PiException.Input(PiErrorCatalog.TransactionMismatch,
                    $"Payment {payout.PaymentId}: transaction {tx.Hash} on the chain has this payment's id as its memo but does not pay it: {mismatch}. Nothing was sent.");
            }
            return null;
        }

        private async Task CheckNetworkAsync(HorizonClient horizon, Payout payout, CancellationToken cancel)
        {
            HorizonRoot root = await horizon.GetRootAsync(_log, _retry, cancel).ConfigureAwait(false);
            if (root.NetworkPassphrase != payout.Network)
            {
                throw PiException.Input(PiErrorCatalog.NetworkMismatch,
                    $"Payment {payout.PaymentId} is on '{payout.Network}', but the Horizon at {horizon.Root} serves '{root.NetworkPassphrase}'. Nothing was sent.");
            }
        }

        private async Task<SignedTransaction> BuildAsync(HorizonClient horizon, PayoutWallet wallet, Payout payout, CancellationToken cancel)
        {
            HorizonAccount account = await horizon.LoadAccountAsync(wallet.AccountId, _log, _retry, cancel).ConfigureAwait(false);
            long fee = await horizon.GetBaseFeeAsync(_log, _retry, cancel).ConfigureAwait(false);
            DateTimeOffset until = horizon.Now.AddSeconds(TimeBoundSeconds);
            var transaction = new PayoutTransaction(wallet.AccountId, account.Sequence + 1, checked((uint)fee), 0,
                (ulong)until.ToUnixTimeSeconds(), payout.PaymentId, payout.Destination, payout.Stroops);
            SignedTransaction signed = wallet.Sign(transaction, payout.Network);
            _log.Verbose($"Payment {payout.PaymentId}: signed transaction {signed.Hash}: {StellarAmount.Format(payout.Stroops)} to {payout.Destination}, sequence {transaction.Sequence}, fee {fee} stroops, valid until {until:yyyy-MM-dd HH:mm:ss}Z (Horizon's clock).");
            return signed;
        }

        // The envelope's outcome: applied (a transaction), or certainly never to be applied (the error that shows it).
        // Anything in between ends in payment_state_unknown, with what the caller needs to know to look again.
        private async Task<(HorizonTransaction? Applied, PiException? Dead)> SendAsync(HorizonClient horizon, WalletHistory history,
            Payout payout, SignedTransaction signed, CancellationToken cancel)
        {
            string what = $"Payment {payout.PaymentId}: transaction {signed.Hash}";
            for (int retry = 1; ; retry++)
            {
                try
                {
                    return (await horizon.SubmitAsync(signed, _log, cancel).ConfigureAwait(false), null);
                }
                catch (PiException unclear) when (Outcome.IsUnclear(unclear))
                {
                    string why = $"{what} got no clear answer ({unclear.ErrorCode}); the same envelope is sent again";
                    if (await _retry.WaitToResendAsync(retry, why, _log, cancel).ConfigureAwait(false)) continue;
                    HorizonTransaction? found = await TryFindAsync(horizon, signed.Hash, cancel).ConfigureAwait(false);
                    if (found != null && found.Successful)
                    {
                        _log.Verbose($"{what} is on the chain: confirmed by read-back.");
                        return (found, null);
                    }
                    throw PiException.Unknown(PiErrorCatalog.PaymentStateUnknown,
                        $"{what} got no clear answer ({unclear.ErrorCode}) and Horizon does not show it. It can still be applied, but only with sequence number {signed.Transaction.Sequence} and only until {DateTimeOffset.FromUnixTimeSeconds((long)signed.Transaction.MaxTime):yyyy-MM-dd HH:mm:ss}Z. Run Submit-PiPayment {payout.PaymentId} again after that: it looks on the chain first, and signs a new transaction only if this one was not applied.",
                        unclear);
                }
                catch (PiApiException stale) when (stale.ErrorCode == PiErrorCatalog.TxBadSeq || stale.ErrorCode == PiErrorCatalog.TxTooLate)
                {
                    // Refused as stale; an earlier try of this same envelope may be what made it so.
                    HorizonTransaction? found = await TryFindAsync(horizon, signed.Hash, cancel).ConfigureAwait(false);
                    if (found != null && found.Successful)
                    {
                        _log.Verbose($"{what} was refused as {stale.ErrorCode}, but an earlier try of it is on the chain: confirmed by read-back.");
                        return (found, null);
                    }
                    if (stale.ErrorCode == PiErrorCatalog.TxTooLate) return (null, stale);
                    HorizonTransaction? user = await history.WithSequenceAsync(signed.Transaction.Sequence, _log, _retry, cancel).ConfigureAwait(false);
                    if (user != null) return user.Hash == signed.Hash && user.Successful ? (user, null) : (null, stale);
                    HorizonAccount account = await horizon.LoadAccountAsync(payout.Wallet, _log, _retry, cancel).ConfigureAwait(false);
                    if (account.Sequence >= signed.Transaction.Sequence) return (null, stale);
                    // The account has not reached this sequence number, so the refusal does not fit the chain: same envelope.
                    if (!await _retry.WaitToResendAsync(retry, $"{what} was refused as {stale.ErrorCode}, yet the wallet is still at sequence {account.Sequence}; the same envelope is sent again", _log, cancel).ConfigureAwait(false)) throw;
                }
            }
        }

        private async Task<HorizonTransaction?> TryFindAsync(HorizonClient horizon, string hash, CancellationToken cancel)
        {
            try
            {
                return await horizon.FindTransactionAsync(hash, _log, _retry, cancel).ConfigureAwait(false);
            }
            catch (PiException lookFailed)
            {
                _log.Debug($"Looking transaction {hash} up failed: {lookFailed.ErrorCode}");
                return null;
            }
        }

        // The payment as Pi shows it once linked; if Pi has not linked it yet (or cannot be read), the payment as read
        // with the transaction we know, so that Complete-PiPayment can follow in the same pipeline.
        private async Task<Payment> WithTxidAsync(Payment payment, HorizonClient horizon, string hash, CancellationToken cancel)
        {
            try
            {
                Payment now = await _pi.GetPaymentAsync(payment.Identifier, cancel).ConfigureAwait(false);
                if (now.TxId == hash) return now;
                if (!string.IsNullOrEmpty(now.TxId))
                {
                    _log.Verbose($"Payment {payment.Identifier}: Pi links it to transaction {now.TxId}, not {hash}.");
                    return now;
                }
            }
            catch (PiException readFailed)
            {
                _log.Debug($"Reading payment {payment.Identifier} back after its transaction failed: {readFailed.ErrorCode}");
            }
            return payment.WithTransaction(new PaymentTransaction { TxId = hash, Verified = false, Link = new Uri(horizon.Root, "transactions/" + hash).AbsoluteUri });
        }
    }
}
