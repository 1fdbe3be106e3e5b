using System;
using System.Text;

namespace PiPlatform.Stellar
{
    /// <summary>
    /// Stellar networks are told apart by a passphrase: every signature covers SHA-256 of it (the network id), so a
    /// transaction signed for the testnet is worthless on the mainnet and the other way round.
    /// </summary>
    public static class StellarNetwork
    {
        /// <summary>Pi's main network ("Pi Network"), the passphrase of Horizon at api.mainnet.minepi.com.</summary>
        public const string PiMainnet = "Pi Network";

        /// <summary>Pi's test network ("Pi Testnet"), the passphrase of Horizon at api.testnet.minepi.com.</summary>
        public const string PiTestnet = "Pi Testnet";

        /// <summary>The network id: SHA-256 of the UTF-8 passphrase (32 bytes).</summary>
        /// <exception cref="ArgumentException">The passphrase is null or empty.</exception>
        public static byte[] NetworkId(string passphrase)
        {
            if (string.IsNullOrEmpty(passphrase))
            {
                throw new ArgumentException("A network passphrase is needed, such as \"Pi Network\" or \"Pi Testnet\".", nameof(passphrase));
            }
            return Sha256Hash.Of(Encoding.UTF8.GetBytes(passphrase));
        }
    }
}
