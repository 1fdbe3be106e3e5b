using System;
using System.Collections.Concurrent;
using System.Security;
using System.Threading;
using PiPlatform.Stellar;

namespace PiPlatform.Payouts
{
    /// <summary>
    /// The app wallet: its secret seed, kept as a SecureString and opened only for the moment of signing (the key pair
    /// is zeroed right after), its public address, and its turn: one submission at a time, because each transaction
    /// must carry the account's next sequence number and two built at once would carry the same one.
    /// </summary>
    internal sealed class PayoutWallet : IDisposable
    {
        private readonly SecureString _seed;

        public PayoutWallet(SecureString seed)
        {
            _seed = Open(seed, out string accountId);
            AccountId = accountId;
        }

        /// <summary>The wallet's public address (G...): what payments' from_address must be.</summary>
        public string AccountId { get; }

        /// <summary>
        /// Held while a payout of this wallet reads the sequence number, signs and submits. One per wallet in the whole
        /// process, not per connection: two runspaces (ForEach-Object -Parallel) or two connections paying from one wallet
        /// take turns too. (Two processes cannot share it; a clash between them is resolved from the chain.)
        /// </summary>
        public SemaphoreSlim Turn => Turns.GetOrAdd(AccountId, _ => new SemaphoreSlim(1, 1));

        private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.Ordinal);

        /// <summary>Signs the transaction for the network of <paramref name="passphrase"/>.</summary>
        public SignedTransaction Sign(PayoutTransaction transaction, string passphrase)
        {
            using StellarWallet keys = StellarWallet.FromSecretSeed(_seed);
            return transaction.Sign(keys, passphrase);
        }

        // Checked once, at Connect: a seed with a typo fails there, not on the first payout. The message says what is
        // wrong with it (length, checksum, not an S... seed), never what it is.
        private static SecureString Open(SecureString seed, out string accountId)
        {
            SecureString copy = seed.Copy();
            try
            {
                using StellarWallet keys = StellarWallet.FromSecretSeed(copy);
                accountId = keys.AccountId;
                copy.MakeReadOnly();
                return copy;
            }
            catch (FormatException bad)
            {
                copy.Dispose();
                throw PiException.Input(PiErrorCatalog.InvalidWalletSeed, $"The wallet seed cannot be used: {bad.Message}");
            }
        }

        public override string ToString() => AccountId;

        public void Dispose()
        {
            // The turn outlives the connection: another connection of this process may be paying from the wallet.
            _seed.Dispose();
        }
    }
}
