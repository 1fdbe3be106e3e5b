using System;
using System.Text;

namespace PiPlatform.Stellar
{
    /// <summary>
    /// The one transaction an app-to-user payout is: from the app wallet, a single payment of native Pi to the user,
    /// a text memo (Pi requires the payment's identifier there) and time bounds. Immutable and checked when made, so
    /// that anything holding one can encode, hash and sign it without further checks.
    /// </summary>
    public sealed class PayoutTransaction
    {
        private readonly byte[] _xdr;

        /// <summary>A payment valid between <paramref name="minTime"/> and <paramref name="maxTime"/> (PRECOND_TIME).</summary>
        /// <param name="sourceAccount">The paying account ("G..."): the app wallet.</param>
        /// <param name="sequence">The sequence number to use: the account's current one plus 1 (more than 0).</param>
        /// <param name="fee">The fee in stroops for the whole transaction (the base fee per operation, one operation).</param>
        /// <param name="minTime">Unix seconds before which the network refuses the transaction (0: no lower bound).</param>
        /// <param name="maxTime">Unix seconds after which the network refuses it (0: no upper bound; else at least <paramref name="minTime"/>).</param>
        /// <param name="memoText">The text memo, at most 28 bytes of UTF-8.</param>
        /// <param name="destination">The receiving account ("G...").</param>
        /// <param name="amountStroops">The amount in stroops (10^-7 Pi), more than 0; see <see cref="StellarAmount.ToStroops"/>.</param>
        /// <exception cref="ArgumentException">A value is out of range or not well formed; the message says which and why.</exception>
        public PayoutTransaction(string sourceAccount, long sequence, uint fee, ulong minTime, ulong maxTime, string memoText, string destination, long amountStroops)
            : this(sourceAccount, sequence, fee, true, minTime, maxTime, memoText, destination, amountStroops)
        {
        }

        /// <summary>A payment without time bounds (PRECOND_NONE): valid until its sequence number is used.</summary>
        /// <inheritdoc cref="PayoutTransaction(string, long, uint, ulong, ulong, string, string, long)"/>
        public PayoutTransaction(string sourceAccount, long sequence, uint fee, string memoText, string destination, long amountStroops)
            : this(sourceAccount, sequence, fee, false, 0, 0, memoText, destination, amountStroops)
        {
        }

        private PayoutTransaction(string sourceAccount, long sequence, uint fee, bool hasTimeBounds, ulong minTime, ulong maxTime, string memoText, string destination, long amountStroops)
        {
            byte[] source = AccountKey(sourceAccount, nameof(sourceAccount));
            byte[] receiver = AccountKey(destination, nameof(destination));
            byte[] memo = MemoBytes(memoText ?? throw new ArgumentNullException(nameof(memoText)));
            if (sequence <= 0) throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "A sequence number must be more than 0.");
            if (amountStroops <= 0) throw new ArgumentOutOfRangeException(nameof(amountStroops), amountStroops, "A payment amount must be more than 0 stroops.");
            if (maxTime != 0 && maxTime < minTime)
            {
                throw new ArgumentException($"The time bounds end ({maxTime}) before they begin ({minTime}); maxTime must be 0 (no limit) or at least minTime.", nameof(maxTime));
            }
            SourceAccount = sourceAccount;
            Sequence = sequence;
            Fee = fee;
            HasTimeBounds = hasTimeBounds;
            MinTime = minTime;
            MaxTime = maxTime;
            MemoText = memoText;
            Destination = destination;
            AmountStroops = amountStroops;
            _xdr = TransactionXdr.Write(this, source, memo, receiver);
        }

        /// <summary>The paying account ("G...").</summary>
        public string SourceAccount { get; }

        /// <summary>The sequence number the transaction uses.</summary>
        public long Sequence { get; }

        /// <summary>The fee in stroops.</summary>
        public uint Fee { get; }

        /// <summary>Whether the transaction carries time bounds (PRECOND_TIME) or none at all (PRECOND_NONE).</summary>
        public bool HasTimeBounds { get; }

        /// <summary>Unix seconds from which the transaction is valid (0: no lower bound, or no time bounds).</summary>
        public ulong MinTime { get; }

        /// <summary>Unix seconds until which the transaction is valid (0: no upper bound, or no time bounds).</summary>
        public ulong MaxTime { get; }

        /// <summary>The text memo: for a Pi payout, the payment's identifier.</summary>
        public string MemoText { get; }

        /// <summary>The receiving account ("G...").</summary>
        public string Destination { get; }

        /// <summary>The amount in stroops.</summary>
        public long AmountStroops { get; }

        /// <summary>The amount in Pi.</summary>
        public decimal Amount => StellarAmount.ToAmount(AmountStroops);

        /// <summary>The Transaction XDR (not the envelope): what the network id and envelope type are put before to sign.</summary>
        public byte[] ToXdr() => (byte[])_xdr.Clone();

        /// <summary>
        /// The transaction hash on a network: SHA-256 of its TransactionSignaturePayload (network id, ENVELOPE_TYPE_TX,
        /// the transaction). It is what is signed, and in hex what Horizon calls the hash and Pi calls the txid.
        /// </summary>
        public byte[] Hash(string networkPassphrase)
        {
            var payload = new XdrWriter();
            payload.WriteFixedOpaque(StellarNetwork.NetworkId(networkPassphrase), 32);
            payload.WriteInt32(XdrCodes.EnvelopeTypeTx);
            payload.WriteEncoded(_xdr);
            return Sha256Hash.Of(payload.ToArray());
        }

        /// <summary>Signs the transaction for a network with the source account's key.</summary>
        /// <exception cref="ArgumentException">The wallet is not the source account.</exception>
        /// <exception cref="ObjectDisposedException">The wallet has been disposed.</exception>
        public SignedTransaction Sign(StellarWallet wallet, string networkPassphrase)
        {
            if (wallet == null) throw new ArgumentNullException(nameof(wallet));
            if (wallet.AccountId != SourceAccount)
            {
                throw new ArgumentException($"The wallet {wallet.AccountId} is not the transaction's source account {SourceAccount}; only the source account's key can sign it.", nameof(wallet));
            }
            byte[] signature = wallet.Sign(Hash(networkPassphrase));
            return new SignedTransaction(this, networkPassphrase, SignedTransaction.HintOf(wallet.PublicKey), signature);
        }

        /// <summary>The transaction's fields in a line, for logs and the debugger (nothing here is secret).</summary>
        public override string ToString() =>
            $"{StellarAmount.Format(AmountStroops)} Pi from {SourceAccount} to {Destination}, sequence {Sequence}, memo \"{MemoText}\"";

        private static byte[] AccountKey(string accountId, string parameter)
        {
            if (accountId == null) throw new ArgumentNullException(parameter);
            try
            {
                return StrKey.DecodeAccountId(accountId);
            }
            catch (FormatException e)
            {
                throw new ArgumentException($"The {parameter} is not an account id: {e.Message}", parameter, e);
            }
        }

        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

        private static byte[] MemoBytes(string memoText)
        {
            byte[] bytes;
            try
            {
                bytes = StrictUtf8.GetBytes(memoText);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException("The memo is not valid Unicode text (it has a lone surrogate).", nameof(memoText), e);
            }
            if (bytes.Length > XdrCodes.MaxMemoTextBytes)
            {
                throw new ArgumentException($"The memo is {bytes.Length} bytes of UTF-8; a Stellar text memo holds at most {XdrCodes.MaxMemoTextBytes}.", nameof(memoText));
            }
            return bytes;
        }

        internal static string MemoFromBytes(byte[] bytes) => StrictUtf8.GetString(bytes);
    }
}
