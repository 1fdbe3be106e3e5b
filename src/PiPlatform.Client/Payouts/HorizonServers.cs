using System;
using System.Collections.Concurrent;
using PiPlatform.Stellar;

namespace PiPlatform.Payouts
{
    /// <summary>
    /// Which Horizon serves a payment: the one its <c>network</c> names (Pi's two public servers), or the one the
    /// connection was given (<c>-HorizonUri</c>, or the sandbox's). One <see cref="Horizon.HorizonClient"/> per server,
    /// made when first needed and kept for the connection's life.
    /// </summary>
    internal sealed class HorizonServers : IDisposable
    {
        /// <summary>Pi's public Horizon for <see cref="StellarNetwork.PiMainnet"/>.</summary>
        public static readonly Uri MainnetHorizon = new Uri("https://api.mainnet.minepi.com/");

        /// <summary>Pi's public Horizon for <see cref="StellarNetwork.PiTestnet"/>.</summary>
        public static readonly Uri TestnetHorizon = new Uri("https://api.testnet.minepi.com/");

        private readonly PiClientOptions _options;
        private readonly ConcurrentDictionary<string, Lazy<Horizon.HorizonClient>> _clients =
            new ConcurrentDictionary<string, Lazy<Horizon.HorizonClient>>(StringComparer.Ordinal);

        public HorizonServers(PiClientOptions options) => _options = options;

        /// <summary>The Horizon given at connect, or null to follow each payment's network.</summary>
        public Uri? Override => _options.HorizonUri;

        /// <summary>The Horizon of a payment's network.</summary>
        public Horizon.HorizonClient For(string? network)
        {
            Uri root = Override ?? network switch
            {
                StellarNetwork.PiMainnet => MainnetHorizon,
                StellarNetwork.PiTestnet => TestnetHorizon,
                _ => throw PiException.Input(PiErrorCatalog.UnknownNetwork,
                    $"The payment's network is '{network ?? "(none)"}', which is neither '{StellarNetwork.PiMainnet}' nor '{StellarNetwork.PiTestnet}', so there is no Horizon to send its transaction to."),
            };
            return _clients.GetOrAdd(root.AbsoluteUri, key => new Lazy<Horizon.HorizonClient>(() => new Horizon.HorizonClient(root, _options))).Value;
        }

        public void Dispose()
        {
            foreach (var client in _clients.Values)
            {
                if (client.IsValueCreated) client.Value.Dispose();
            }
        }
    }
}
