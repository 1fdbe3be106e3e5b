using System;
using System.Collections.Generic;

namespace PiPlatform.Sandbox.Store;

internal static class Scopes
{
    public const string Username = "username";
    public const string Payments = "payments";
    public const string WalletAddress = "wallet_address";
    public const string InAppNotifications = "in_app_notifications";
}

/// <summary>
/// A fixed demo user: each one exercises a different branch of the API (see README.md). <see cref="WalletOnLedger"/> is
/// false for a wallet whose account does not exist on the sandbox's ledger (an unactivated wallet): payments to it are
/// created, but the blockchain refuses them (op_no_destination).
/// </summary>
internal sealed record DemoUser(
    string Uid,
    string Username,
    string AccessToken,
    IReadOnlyList<string> Scopes,
    string? WalletAddress,
    bool TokenExpired,
    bool WalletOnLedger = true)
{
    public bool HasScope(string scope) => ((IList<string>)Scopes).Contains(scope);

    public bool HasWallet => WalletAddress is not null;

    /// <summary>Tokens are valid a week from start, or expired a day before it (carol).</summary>
    public DateTimeOffset ValidUntil(DateTimeOffset startedAt) =>
        TokenExpired ? startedAt.AddDays(-1) : startedAt.AddDays(7);
}
