using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PiPlatform.Sandbox.Horizon.Json;

// Horizon's resources as its Go structs shape them (go-stellar-sdk protocols/horizon/main.go): the names, the
// int64 fields sent as strings, HAL links. Nulls are left out, like Go's omitempty. Only the fields a payout and a
// Stellar SDK read are produced; see the README for what is left out (operations, effects, ledgers...).

/// <summary>A HAL link; <c>templated</c> appears (true) only for RFC 6570 templates, as hal.NewLink does it.</summary>
internal sealed record HalLink(string Href, bool? Templated)
{
    public static HalLink To(string href) => new(href, href.Contains('{') ? true : null);
}

internal sealed record RootDto(
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, HalLink> Links,
    string HorizonVersion,
    string CoreVersion,
    uint IngestLatestLedger,
    uint HistoryLatestLedger,
    string HistoryLatestLedgerClosedAt,
    uint HistoryElderLedger,
    uint CoreLatestLedger,
    string NetworkPassphrase,
    int CurrentProtocolVersion,
    int SupportedProtocolVersion,
    int CoreSupportedProtocolVersion);

internal sealed record AccountDto(
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, HalLink> Links,
    string Id,
    string AccountId,
    string Sequence,
    uint? SequenceLedger,
    string? SequenceTime,
    int SubentryCount,
    uint LastModifiedLedger,
    string LastModifiedTime,
    ThresholdsDto Thresholds,
    FlagsDto Flags,
    IReadOnlyList<BalanceDto> Balances,
    IReadOnlyList<SignerDto> Signers,
    IReadOnlyDictionary<string, string> Data,
    uint NumSponsoring,
    uint NumSponsored,
    string PagingToken);

internal sealed record ThresholdsDto(byte LowThreshold, byte MedThreshold, byte HighThreshold);

internal sealed record FlagsDto(bool AuthRequired, bool AuthRevocable, bool AuthImmutable, bool AuthClawbackEnabled);

internal sealed record BalanceDto(string Balance, string BuyingLiabilities, string SellingLiabilities, string AssetType);

internal sealed record SignerDto(int Weight, string Key, string Type);

internal sealed record FeeStatsDto(
    string LastLedger,
    string LastLedgerBaseFee,
    string LedgerCapacityUsage,
    FeeDistributionDto FeeCharged,
    FeeDistributionDto MaxFee);

/// <summary>Horizon's fee distribution: every value an int64 sent as a string.</summary>
internal sealed record FeeDistributionDto(
    string Max, string Min, string Mode, string P10, string P20, string P30, string P40, string P50,
    string P60, string P70, string P80, string P90, string P95, string P99)
{
    public static FeeDistributionDto All(string value) =>
        new(value, value, value, value, value, value, value, value, value, value, value, value, value, value);
}

internal sealed record TransactionDto(
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, HalLink> Links,
    string Id,
    string PagingToken,
    bool Successful,
    string Hash,
    uint Ledger,
    string CreatedAt,
    string SourceAccount,
    string SourceAccountSequence,
    string FeeAccount,
    string FeeCharged,
    string MaxFee,
    int OperationCount,
    string EnvelopeXdr,
    string ResultXdr,
    string FeeMetaXdr,
    string MemoType,
    string? Memo,
    string? MemoBytes,
    IReadOnlyList<string> Signatures,
    PreconditionsDto? Preconditions);

internal sealed record PreconditionsDto(TimeboundsDto Timebounds);

/// <summary>Unix seconds as strings; max_time is left out when 0 (no upper bound), as Horizon stores it.</summary>
internal sealed record TimeboundsDto(string MinTime, string? MaxTime);

/// <summary>A page of records: HAL links self, next and prev, and the records under <c>_embedded</c>.</summary>
internal sealed record PageDto<T>(
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, HalLink> Links,
    [property: JsonPropertyName("_embedded")] EmbeddedDto<T> Embedded);

internal sealed record EmbeddedDto<T>(IReadOnlyList<T> Records);
