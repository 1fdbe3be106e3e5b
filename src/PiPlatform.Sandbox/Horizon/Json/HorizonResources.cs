using System;
using System.Collections.Generic;
using System.Linq;
using PiPlatform.Sandbox.Horizon.Ledger;
using PiPlatform.Sandbox.Horizon.Xdr;

namespace PiPlatform.Sandbox.Horizon.Json;

/// <summary>
/// Ledger records to Horizon resources, with links on the base URL the request came to (as Horizon builds them from its
/// own URL; stellar-horizon internal/resourceadapter).
/// </summary>
internal static class HorizonResources
{
    /// <summary>An empty LedgerEntryChanges: the sandbox keeps no ledger entry history (see README).</summary>
    private const string NoChanges = "AAAAAA==";

    private const string Paging = "{?cursor,limit,order}";

    public static RootDto Root(string baseUrl, HorizonLedger ledger)
    {
        var (latest, closedAt) = ledger.Latest();
        var links = new Dictionary<string, HalLink>
        {
            ["account"] = HalLink.To(baseUrl + "/accounts/{account_id}"),
            ["account_transactions"] = HalLink.To(baseUrl + "/accounts/{account_id}/transactions" + Paging),
            ["fee_stats"] = HalLink.To(baseUrl + "/fee_stats"),
            ["self"] = HalLink.To(baseUrl + "/"),
            ["transaction"] = HalLink.To(baseUrl + "/transactions/{hash}"),
            ["transactions"] = HalLink.To(baseUrl + "/transactions" + Paging),
        };
        int protocol = HorizonLedger.ProtocolVersion;
        return new RootDto(links, "pi-sandbox-horizon", $"pi-sandbox-core (protocol {protocol})", latest, latest, HorizonJson.Time(closedAt),
            HorizonLedger.GenesisLedger, latest, ledger.Passphrase, protocol, protocol, protocol);
    }

    public static AccountDto Account(string baseUrl, LedgerAccount account)
    {
        string self = $"{baseUrl}/accounts/{account.Id}";
        var links = new Dictionary<string, HalLink>
        {
            ["self"] = HalLink.To(self),
            ["transactions"] = HalLink.To(self + "/transactions" + Paging),
            ["operations"] = HalLink.To(self + "/operations" + Paging),
            ["payments"] = HalLink.To(self + "/payments" + Paging),
            ["effects"] = HalLink.To(self + "/effects" + Paging),
            ["offers"] = HalLink.To(self + "/offers" + Paging),
            ["trades"] = HalLink.To(self + "/trades" + Paging),
            ["data"] = HalLink.To(self + "/data/{key}"),
        };
        const string none = "0.0000000";
        return new AccountDto(links, account.Id, account.Id, HorizonJson.Int(account.Sequence), account.SequenceLedger,
            account.SequenceTime is long t ? HorizonJson.Int(t) : null, 0, account.LastModifiedLedger, HorizonJson.Time(account.LastModifiedAt),
            new ThresholdsDto(0, 0, 0), new FlagsDto(false, false, false, false),
            new[] { new BalanceDto(HorizonJson.Amount(account.Balance), none, none, "native") },
            new[] { new SignerDto(1, account.Id, "ed25519_public_key") },
            new Dictionary<string, string>(), 0, 0, account.Id);
    }

    public static FeeStatsDto FeeStats(HorizonLedger ledger)
    {
        string fee = HorizonJson.Int(HorizonLedger.BaseFee);
        // One transaction per ledger: every fee charged and offered is the base fee's, and the ledgers are nearly empty.
        return new FeeStatsDto(HorizonJson.Int(ledger.Latest().Ledger), fee, "0.01", FeeDistributionDto.All(fee), FeeDistributionDto.All(fee));
    }

    public static TransactionDto Transaction(string baseUrl, LedgerTransaction tx)
    {
        string self = $"{baseUrl}/transactions/{tx.Hash}";
        string token = HorizonJson.Int(tx.PagingToken);
        var links = new Dictionary<string, HalLink>
        {
            ["self"] = HalLink.To(self),
            ["account"] = HalLink.To($"{baseUrl}/accounts/{tx.SourceAccount}"),
            ["ledger"] = HalLink.To($"{baseUrl}/ledgers/{tx.Ledger}"),
            ["operations"] = HalLink.To(self + "/operations" + Paging),
            ["effects"] = HalLink.To(self + "/effects" + Paging),
            ["precedes"] = HalLink.To($"{baseUrl}/transactions?order=asc&cursor={token}"),
            ["succeeds"] = HalLink.To($"{baseUrl}/transactions?order=desc&cursor={token}"),
            ["transaction"] = HalLink.To(self),
        };
        var (memo, memoBytes) = MemoFields(tx.Memo);
        var preconditions = tx.TimeBounds is { } tb
            ? new PreconditionsDto(new TimeboundsDto(HorizonJson.UInt(tb.MinTime), tb.MaxTime == 0 ? null : HorizonJson.UInt(tb.MaxTime)))
            : null;
        return new TransactionDto(links, tx.Hash, token, tx.Successful, tx.Hash, tx.Ledger, HorizonJson.Time(tx.CreatedAt),
            tx.SourceAccount, HorizonJson.Int(tx.SourceAccountSequence), tx.SourceAccount, HorizonJson.Int(tx.FeeCharged),
            HorizonJson.Int(tx.MaxFee), tx.Payments.Count, tx.EnvelopeXdr, tx.ResultXdr, NoChanges, MemoTypes.Name(tx.Memo.Type),
            memo, memoBytes, tx.Signatures, preconditions);
    }

    public static PageDto<TransactionDto> TransactionPage(
        string baseUrl, string path, IReadOnlyList<LedgerTransaction> records, bool ascending, int limit, string? cursor)
    {
        var items = records.Select(t => Transaction(baseUrl, t)).ToList();
        // As hal.Page.PopulateLinks: self re-encodes the query (keys sorted, as Go's url.Values.Encode does), next
        // moves the cursor to the last record, prev inverts the order from the first record.
        string Href(string? at, bool asc) => $"{baseUrl}{path}?cursor={at}&limit={limit}&order={(asc ? "asc" : "desc")}";
        var links = new Dictionary<string, HalLink>
        {
            ["self"] = HalLink.To(Href(cursor, ascending)),
            ["next"] = HalLink.To(Href(items.Count > 0 ? items[^1].PagingToken : cursor, ascending)),
            ["prev"] = HalLink.To(Href(items.Count > 0 ? items[0].PagingToken : cursor, !ascending)),
        };
        return new PageDto<TransactionDto>(links, new EmbeddedDto<TransactionDto>(items));
    }

    /// <summary>Horizon's memo: text as is (and its bytes in base64), an id in decimal, a hash in base64; none: absent.</summary>
    private static (string? Memo, string? MemoBytes) MemoFields(Memo memo) => memo.Type switch
    {
        MemoTypes.Text => (System.Text.Encoding.UTF8.GetString(memo.Text!), Convert.ToBase64String(memo.Text!)),
        MemoTypes.Id => (HorizonJson.UInt(memo.Id!.Value), null),
        MemoTypes.Hash or MemoTypes.Return => (Convert.ToBase64String(memo.Hash!), null),
        _ => (null, null),
    };
}
