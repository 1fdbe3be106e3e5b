using System;
using System.Collections.Generic;
using PiPlatform.Sandbox.Horizon.Xdr;

namespace PiPlatform.Sandbox.Horizon.Ledger;

/// <summary>
/// One account on the sandbox ledger, as an immutable record the ledger swaps on every change (so a record handed out
/// for serialisation is never half-updated). Balances are in stroops (10^-7 Pi). <see cref="SequenceLedger"/> and
/// <see cref="SequenceTime"/> are set once the account has sent a transaction, as Horizon shows them.
/// </summary>
internal sealed record LedgerAccount(
    string Id,
    long Balance,
    long Sequence,
    uint LastModifiedLedger,
    DateTimeOffset LastModifiedAt,
    uint? SequenceLedger,
    long? SequenceTime);

/// <summary>
/// A transaction included in a ledger: successful, or failed in an operation (its fee and sequence number are spent
/// all the same, as on Stellar). Horizon answers a resubmission of the same envelope with this record.
/// </summary>
internal sealed record LedgerTransaction(
    string Hash,
    uint Ledger,
    DateTimeOffset CreatedAt,
    bool Successful,
    string SourceAccount,
    long SourceAccountSequence,
    long FeeCharged,
    uint MaxFee,
    string EnvelopeXdr,
    string ResultXdr,
    Memo Memo,
    IReadOnlyList<string> Signatures,
    TimeBounds? TimeBounds,
    IReadOnlyList<LedgerPayment> Payments,
    string? LinkedPayment)
{
    /// <summary>Horizon's paging token: the transaction's TOID (ledger &lt;&lt; 32 | application order 1 &lt;&lt; 12).</summary>
    public long PagingToken => ((long)Ledger << 32) | (1L << 12);

    /// <summary>The memo as text, if it is a text memo (a Pi payment's identifier, for A2U payouts).</summary>
    public string? MemoText => Memo.Text is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;
}

/// <summary>One payment operation of an included transaction: to whom, how much (stroops), and how it ended.</summary>
internal sealed record LedgerPayment(string Destination, long Stroops, OpCode Result);

/// <summary>A transaction refused before it reached a ledger: nothing moved, nothing was spent.</summary>
internal sealed record TransactionRejection(TxCode Code, IReadOnlyList<OpCode>? Operations, long FeeCharged)
{
    public string ResultXdr => TransactionResultXdr.Encode(FeeCharged, Code, Operations);
}

/// <summary>The outcome of a submission: the ledger's record (new, or found by hash), or a refusal.</summary>
internal readonly record struct SubmitOutcome(LedgerTransaction? Transaction, TransactionRejection? Rejection);

/// <summary>A successful single-payment transaction with a text memo: what the Pi side may link to a payment.</summary>
internal sealed record AppliedPayment(string Hash, string Memo, string Source, string Destination, long Stroops, string HorizonLink);

/// <summary>An account the ledger starts with, after every reset.</summary>
internal sealed record GenesisAccount(string Id, long Balance);
