using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using PiPlatform.Sandbox.Horizon.Json;
using PiPlatform.Sandbox.Horizon.Ledger;
using PiPlatform.Sandbox.Horizon.Xdr;
using PiPlatform.Sandbox.Json;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox.Endpoints;

/// <summary>
/// /sandbox/ledger: a test's view of the blockchain behind the sandbox's Horizon. Per payment id (a text memo), the
/// transactions included and whether Pi linked one: how a test proves a payout was paid exactly once.
/// </summary>
internal static class LedgerControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox/ledger", (SandboxState state) =>
        {
            var (accounts, transactions, latest) = state.Ledger.Snapshot();
            var byMemo = transactions.Where(t => t.MemoText is not null)
                .GroupBy(t => t.MemoText!)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<MemoTransactionDto>)g.Select(Summary).ToList());
            return SandboxJson.Ok(new LedgerDto(state.Ledger.Passphrase, latest, HorizonLedger.BaseFee, HorizonLedger.BaseReserve,
                DemoWallets.AppWalletAddress,
                accounts.ConvertAll(a => new LedgerAccountDto(a.Id, HorizonJson.Amount(a.Balance), HorizonJson.Int(a.Sequence))),
                transactions.ConvertAll(Details),
                byMemo));
        });

        app.MapGet("/sandbox/ledger/payments/{id}", (string id, SandboxState state) =>
        {
            var paying = state.Ledger.Snapshot().Transactions.Where(t => t.MemoText == id).ToList();
            return SandboxJson.Ok(new LedgerPaymentDto(id, paying.ConvertAll(Details), paying.Count(t => t.Successful),
                paying.FirstOrDefault(t => t.LinkedPayment == id)?.Hash));
        });
    }

    private static MemoTransactionDto Summary(LedgerTransaction t) => new(t.Hash, t.Successful, t.LinkedPayment is not null);

    private static LedgerTransactionDto Details(LedgerTransaction t) => new(t.Hash, t.Ledger, t.Successful, t.SourceAccount,
        HorizonJson.Int(t.SourceAccountSequence), t.FeeCharged, t.MemoText,
        t.Payments.Select(p => new LedgerPaymentOpDto(p.Destination, HorizonJson.Amount(p.Stroops), ResultCodes.Name(p.Result))).ToList(),
        t.LinkedPayment);
}

/// <summary>GET /sandbox/ledger. Amounts are Horizon's 7-decimal strings, fees and reserves stroops.</summary>
internal sealed record LedgerDto(
    string NetworkPassphrase,
    uint LatestLedger,
    long BaseFee,
    long BaseReserve,
    string AppWallet,
    IReadOnlyList<LedgerAccountDto> Accounts,
    IReadOnlyList<LedgerTransactionDto> Transactions,
    IReadOnlyDictionary<string, IReadOnlyList<MemoTransactionDto>> ByMemo);

internal sealed record LedgerAccountDto(string AccountId, string Balance, string Sequence);

/// <summary>One included transaction: <c>successful</c> false for an operation failure (fee and sequence spent).</summary>
internal sealed record LedgerTransactionDto(
    string Hash,
    uint Ledger,
    bool Successful,
    string SourceAccount,
    string Sequence,
    long FeeCharged,
    string? Memo,
    IReadOnlyList<LedgerPaymentOpDto> Payments,
    string? LinkedPayment);

internal sealed record LedgerPaymentOpDto(string Destination, string Amount, string Result);

internal sealed record MemoTransactionDto(string Hash, bool Successful, bool Linked);

/// <summary>
/// GET /sandbox/ledger/payments/{id}: the transactions whose memo is the id, how many succeeded (moved Pi), and the one
/// Pi linked (null if none).
/// </summary>
internal sealed record LedgerPaymentDto(string PaymentId, IReadOnlyList<LedgerTransactionDto> Transactions, int Successful, string? LinkedTxid);
