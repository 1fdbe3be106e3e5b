using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PiPlatform.Sandbox.Horizon;
using PiPlatform.Sandbox.Horizon.Ledger;

namespace PiPlatform.Sandbox.Store;

/// <summary>
/// The demo world's wallets: real Stellar account ids, so payouts to them can be signed, submitted and applied on the
/// sandbox's ledger. Every key is derived from a fixed label, so addresses are the same on every start.
/// </summary>
internal static class DemoWallets
{
    /// <summary>Stroops per Pi (Stellar's 10^-7).</summary>
    public const long StroopsPerPi = 10_000_000;

    /// <summary>
    /// The app's wallet, the source of every A2U payment: public on purpose, like the sandbox's API key (its seed is
    /// <see cref="PiSandboxDefaults.WalletSeed"/>); the sandbox itself only needs the address, since it verifies
    /// signatures with public keys.
    /// </summary>
    public const string AppWalletAddress = PiSandboxDefaults.WalletAddress;

    /// <summary>What the app wallet starts with: a million Pi.</summary>
    public const long AppWalletBalance = 1_000_000 * StroopsPerPi;

    /// <summary>What each user's wallet starts with: 100 Pi.</summary>
    public const long UserWalletBalance = 100 * StroopsPerPi;

    /// <summary>A user's raw Ed25519 seed is SHA-256 of this prefix plus the user's label (the username, or the uid of a payee).</summary>
    public const string UserSeedPrefix = "PiPlatform sandbox wallet ";

    /// <summary>The account id of a user's wallet, derived from its label (see <see cref="UserSeedPrefix"/>).</summary>
    public static string UserAddress(string label) =>
        StrKey.EncodeAccountId(Signatures.PublicKeyOf(SHA256.HashData(Encoding.UTF8.GetBytes(UserSeedPrefix + label))));

    /// <summary>The ledger's starting accounts: the app wallet and the demo users' wallets (payees are added when first used).</summary>
    public static IReadOnlyList<GenesisAccount> Genesis() =>
        DemoData.Users.Where(u => u.HasWallet && u.WalletOnLedger)
            .Select(u => new GenesisAccount(u.WalletAddress!, UserWalletBalance))
            .Prepend(new GenesisAccount(AppWalletAddress, AppWalletBalance))
            .ToList();
}
