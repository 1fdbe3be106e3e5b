using System;
using System.Collections.Concurrent;
using PiPlatform.Horizon;

namespace PiPlatform.Payouts
{
    /// <summary>
    /// What a connection's payouts share across every cmdlet and thread: the app wallet (if one was given), the
    /// Horizon servers, and what is known of each wallet's history. One per connection, like its Pi transport.
    /// </summary>
    internal sealed class PayoutDesk : IDisposable
    {
        private readonly ConcurrentDictionary<string, WalletHistory> _histories = new ConcurrentDictionary<string, WalletHistory>(StringComparer.Ordinal);

        public PayoutDesk(PiClientOptions options)
        {
            Servers = new HorizonServers(options);
            Wallet = options.WalletSeed == null ? null : new PayoutWallet(options.WalletSeed);
        }

        /// <summary>The app wallet, or null when the connection was made without a seed (reads of the chain still work).</summary>
        public PayoutWallet? Wallet { get; }

        public HorizonServers Servers { get; }

        /// <summary>The wallet we pay from, or the error that says how to give one.</summary>
        public PayoutWallet RequireWallet(string paymentId) => Wallet ?? throw PiException.Input(PiErrorCatalog.WalletNotConfigured,
            $"Payment {paymentId} cannot be paid: this connection has no app wallet.");

        /// <summary>What is known of <paramref name="account"/>'s transactions on <paramref name="horizon"/>.</summary>
        public WalletHistory History(HorizonClient horizon, string account) =>
            _histories.GetOrAdd(horizon.Root.AbsoluteUri + " " + account, _ => new WalletHistory(horizon, account));

        public void Dispose()
        {
            Wallet?.Dispose();
            Servers.Dispose();
        }
    }
}
