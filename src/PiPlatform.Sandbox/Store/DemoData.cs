using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PiPlatform.Sandbox.Json;

namespace PiPlatform.Sandbox.Store;

/// <summary>
/// The fixed world the sandbox starts from. Everything is derived from hashes of fixed strings, so
/// identifiers, txids and addresses are the same on every start and after every reset (wallets: <see cref="DemoWallets"/>).
/// </summary>
internal static class DemoData
{
    public const string Testnet = "Pi Testnet";
    public const string Mainnet = "Pi Network";

    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly DateTimeOffset SeedEpoch = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly decimal[] SeedAmounts = { 3.1415926m, 1m, 0.5m, 2.7182818m, 0.0000001m, 10m, 1.25m };

    public const string AppWalletAddress = DemoWallets.AppWalletAddress;

    public static readonly IReadOnlyList<DemoUser> Users = new[]
    {
        new DemoUser("uid-alice-0001", "alice", "sandbox-token-alice",
            new[] { Scopes.Username, Scopes.Payments, Scopes.WalletAddress, Scopes.InAppNotifications },
            DemoWallets.UserAddress("alice"), TokenExpired: false),
        // bob: no username scope (/me answers "username": null), no notification scope (never delivered).
        new DemoUser("uid-bob-0002", "bob", "sandbox-token-bob", new[] { Scopes.Payments }, DemoWallets.UserAddress("bob"), TokenExpired: false),
        // carol: an expired token (/me answers 401), otherwise a normal payer.
        new DemoUser("uid-carol-0003", "carol", "sandbox-token-carol", new[] { Scopes.Username, Scopes.Payments },
            DemoWallets.UserAddress("carol"), TokenExpired: true),
        // dave: no wallet, so A2U payments to him fail with missing_wallet.
        new DemoUser("uid-dave-0004", "dave", "sandbox-token-dave",
            new[] { Scopes.Username, Scopes.Payments, Scopes.InAppNotifications }, WalletAddress: null, TokenExpired: false),
    };

    public static readonly IReadOnlyDictionary<string, DemoUser> UsersByUid = Index(u => u.Uid);

    public static readonly IReadOnlyDictionary<string, DemoUser> UsersByToken = Index(u => u.AccessToken);

    /// <summary>The prefix of payees: any uid "uid-payee-N" (N of 1 to 6 digits) is a user with a wallet, for bulk payouts.</summary>
    public const string PayeePrefix = "uid-payee-";

    /// <summary>
    /// The prefix of payees whose wallet is not on the ledger: "uid-inactive-N" (N of 1 to 6 digits) is a user with a
    /// wallet address whose account does not exist, so a payout to them is refused by the blockchain (op_no_destination).
    /// </summary>
    public const string InactivePrefix = "uid-inactive-";

    /// <summary>A demo user, or a payee made up on the spot (the same wallet every time for the same uid).</summary>
    public static bool TryGetUser(string uid, out DemoUser user)
    {
        if (UsersByUid.TryGetValue(uid, out user!)) return true;
        bool inactive = uid.StartsWith(InactivePrefix, StringComparison.Ordinal);
        string prefix = inactive ? InactivePrefix : PayeePrefix;
        string number = uid.StartsWith(prefix, StringComparison.Ordinal) ? uid.Substring(prefix.Length) : "";
        if (number.Length is < 1 or > 6 || !number.All(char.IsAsciiDigit)) return false;
        string kind = inactive ? "inactive" : "payee";
        user = new DemoUser(uid, kind + number, $"sandbox-token-{kind}-{number}", new[] { Scopes.Payments }, DemoWallets.UserAddress(uid),
            TokenExpired: false, WalletOnLedger: !inactive);
        return true;
    }

    public static readonly IReadOnlyDictionary<string, AdStatusDto> Ads = new Dictionary<string, AdStatusDto>(StringComparer.Ordinal)
    {
        ["ad-granted-1"] = new("ad-granted-1", "granted", "2025-01-02T10:00:00.000Z", null),
        ["ad-revoked-1"] = new("ad-revoked-1", "revoked", "2025-01-02T10:05:00.000Z", "2025-01-02T11:00:00.000Z"),
        ["ad-failed-1"] = new("ad-failed-1", "failed", null, null),
        ["ad-pending-1"] = new("ad-pending-1", null, null, null),
    };

    /// <summary>
    /// <paramref name="count"/> U2A payments round-robin over the seven lifecycle states, users alice and bob
    /// alternating, then always two open A2U payments (what incomplete_server_payments lists).
    /// </summary>
    public static List<PaymentDto> SeedPayments(int count, string network)
    {
        var alice = Users[0];
        var bob = Users[1];
        var payments = new List<PaymentDto>(count + 2);
        for (int i = 0; i < count; i++)
        {
            int state = i % 7 + 1;
            var user = i % 2 == 0 ? alice : bob;
            payments.Add(SeedUserToApp(i, state, user, network));
        }

        // A2U seeds: one created but not yet submitted, one submitted and verified but never completed.
        payments.Add(NewPayment(Identifier("a2u-0"), alice, Directions.AppToUser, 1.5m, "Seeded A2U: reward, not yet submitted",
            Metadata("a2u-0001", "reward"), CreatedAt(count), network,
            new PaymentStatusDto(true, false, false, false, false), null));
        payments.Add(NewPayment(Identifier("a2u-1"), bob, Directions.AppToUser, 0.3141592m, "Seeded A2U: refund, submitted",
            Metadata("a2u-0002", "refund"), CreatedAt(count + 1), network,
            new PaymentStatusDto(true, true, false, false, false), Transaction(Txid("a2u-1"), true, network)));
        return payments;
    }

    private static PaymentDto SeedUserToApp(int i, int state, DemoUser user, string network)
    {
        string key = "u2a-" + i.ToString(CultureInfo.InvariantCulture);
        bool approved = state is >= 2 and <= 5;
        bool hasTx = state is >= 3 and <= 5;
        bool verified = state is 4 or 5;
        var status = new PaymentStatusDto(
            DeveloperApproved: approved,
            TransactionVerified: verified,
            DeveloperCompleted: state == 5,
            Cancelled: state == 6,
            UserCancelled: state == 7);
        var tx = hasTx ? Transaction(Txid(key), verified, network) : null;
        string order = "order-" + (i + 1).ToString("0000", CultureInfo.InvariantCulture);
        return NewPayment(Identifier(key), user, Directions.UserToApp, SeedAmounts[i % SeedAmounts.Length],
            $"Seeded payment {i + 1} ({StateName(state)})", Metadata(order, "sku-" + StateName(state)), CreatedAt(i), network, status, tx);
    }

    private static string StateName(int state) => state switch
    {
        1 => "awaiting_approval",
        2 => "approved",
        3 => "tx_unverified",
        4 => "tx_verified",
        5 => "completed",
        6 => "cancelled",
        _ => "user_cancelled",
    };

    public static PaymentDto NewPayment(string id, DemoUser user, string direction, decimal amount, string memo,
        JsonElement metadata, string createdAt, string network, PaymentStatusDto status, TransactionDto? tx)
    {
        // U2A moves Pi from the user's wallet to the app's; A2U the other way round.
        string userWallet = user.WalletAddress ?? string.Empty;
        bool toApp = direction == Directions.UserToApp;
        return new PaymentDto(id, user.Uid, amount, memo, metadata,
            toApp ? userWallet : AppWalletAddress, toApp ? AppWalletAddress : userWallet,
            direction, createdAt, network, status, tx);
    }

    public static TransactionDto Transaction(string txid, bool verified, string network)
    {
        string horizon = network == Mainnet ? "api.mainnet.minepi.com" : "api.testnet.minepi.com";
        return new TransactionDto(txid, verified, $"https://{horizon}/transactions/{txid}");
    }

    public static string NewIdentifier() => RandomNumberGenerator.GetString(Alphanumeric, 28);

    public static string NewTxid() => RandomNumberGenerator.GetHexString(64, lowercase: true);

    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string CreatedAt(int index) => FormatTimestamp(SeedEpoch.AddMinutes(index));

    private static JsonElement Metadata(string orderId, string sku) =>
        JsonSerializer.SerializeToElement(new { order_id = orderId, sku });

    private static string Identifier(string key) => Derive(key, Alphanumeric, 28);

    private static string Txid(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("pi-sandbox-tx-" + key)));

    /// <summary>Deterministic "random-looking" text: hash bytes mapped onto an alphabet.</summary>
    private static string Derive(string key, string alphabet, int length)
    {
        var chars = new char[length];
        byte[] hash = Array.Empty<byte>();
        for (int i = 0; i < length; i++)
        {
            if (i % 32 == 0)
            {
                hash = SHA256.HashData(Encoding.UTF8.GetBytes($"pi-sandbox-{key}-{i / 32}"));
            }

            chars[i] = alphabet[hash[i % 32] % alphabet.Length];
        }

        return new string(chars);
    }

    private static IReadOnlyDictionary<string, DemoUser> Index(Func<DemoUser, string> key)
    {
        var index = new Dictionary<string, DemoUser>(StringComparer.Ordinal);
        foreach (var user in Users)
        {
            index.Add(key(user), user);
        }

        return index;
    }
}
