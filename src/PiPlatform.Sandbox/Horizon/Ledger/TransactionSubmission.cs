using System;
using System.Collections.Generic;
using System.Linq;
using PiPlatform.Sandbox.Horizon.Xdr;

namespace PiPlatform.Sandbox.Horizon.Ledger;

/// <summary>
/// What Horizon's txsub and stellar-core do with a submitted envelope: an envelope already included is answered with
/// its recorded result; otherwise core's validity checks in core's order (nothing is spent by a refusal), then the
/// transaction is applied in a new ledger: the fee and the sequence number are spent even if an operation fails.
/// </summary>
internal sealed partial class HorizonLedger
{
    /// <param name="envelope">The decoded envelope.</param>
    /// <param name="envelopeXdr">Its base64 text, recorded as the transaction's envelope_xdr.</param>
    /// <param name="horizonBase">The sandbox's base URL (with a trailing slash), for the link a Pi payment gets.</param>
    public SubmitOutcome Submit(TransactionEnvelope envelope, string envelopeXdr, string horizonBase)
    {
        if (envelope.Type != EnvelopeTypes.Tx)
        {
            return Refuse(TxCode.NotSupported, null, 0);
        }

        // Horizon refuses a negative sequence number itself, with a canned tx_bad_seq charging nothing.
        if (envelope.SequenceNumber < 0)
        {
            return Refuse(TxCode.BadSeq, null, 0);
        }

        string hash = Convert.ToHexStringLower(Signatures.TransactionHash(NetworkId, envelope.TransactionXdr));
        // Signatures depend only on the envelope (an account's one signer is its own key), so the costly part runs
        // before the lock; its verdict is still reported in core's order below.
        var auth = CheckSignatures(envelope, Convert.FromHexString(hash));
        lock (_gate)
        {
            if (_byHash.TryGetValue(hash, out var recorded))
            {
                return new SubmitOutcome(recorded, null);
            }

            return Validate(envelope, auth) is { } refusal
                ? new SubmitOutcome(null, refusal)
                : new SubmitOutcome(Apply(envelope, envelopeXdr, hash, horizonBase), null);
        }
    }

    private static SubmitOutcome Refuse(TxCode code, IReadOnlyList<OpCode>? operations, long feeCharged) =>
        new(null, new TransactionRejection(code, operations, feeCharged));

    /// <summary>Applies a valid transaction in a new ledger; called under the lock.</summary>
    private LedgerTransaction Apply(TransactionEnvelope tx, string envelopeXdr, string hash, string horizonBase)
    {
        string sourceId = StrKey.EncodeAccountId(tx.SourceAccount!.Ed25519);
        uint ledger = ++_latestLedger;
        var closedAt = _latestClosedAt = Now();
        // Core (protocol 11 and later) charges the base fee per operation, never more than the fee offered.
        long fee = Math.Min(tx.Fee, BaseFee * tx.Operations.Count);
        var source = _accounts[sourceId] with
        {
            Balance = _accounts[sourceId].Balance - fee,
            Sequence = tx.SequenceNumber,
            LastModifiedLedger = ledger,
            LastModifiedAt = closedAt,
            SequenceLedger = ledger,
            SequenceTime = closedAt.ToUnixTimeSeconds(),
        };
        _accounts[sourceId] = source;

        // Operations run on a scratch copy: if one fails, none of them happened (the fee and sequence stay spent).
        var scratch = new Dictionary<string, LedgerAccount>(StringComparer.Ordinal) { [sourceId] = source };
        var payments = new List<LedgerPayment>(tx.Operations.Count);
        foreach (var op in tx.Operations)
        {
            string destinationId = StrKey.EncodeAccountId(op.Destination.Ed25519);
            payments.Add(new LedgerPayment(destinationId, op.Stroops, Pay(scratch, sourceId, destinationId, op.Stroops, ledger, closedAt)));
        }

        bool successful = payments.All(p => p.Result == OpCode.Success);
        if (successful)
        {
            foreach (var (id, account) in scratch)
            {
                _accounts[id] = account;
            }
        }

        var result = TransactionResultXdr.Encode(fee, successful ? TxCode.Success : TxCode.Failed, payments.ConvertAll(p => p.Result));
        string? memo = tx.Memo.Text is { } text ? System.Text.Encoding.UTF8.GetString(text) : null;
        string? linked = successful && payments.Count == 1 && memo is not null
            ? _link(new AppliedPayment(hash, memo, sourceId, payments[0].Destination, payments[0].Stroops, $"{horizonBase}transactions/{hash}"))
            : null;
        var record = new LedgerTransaction(hash, ledger, closedAt, successful, sourceId, tx.SequenceNumber, fee, tx.Fee, envelopeXdr,
            result, tx.Memo, tx.Signatures.Select(s => Convert.ToBase64String(s.Signature)).ToList(), tx.TimeBounds, payments, linked);
        _byHash.Add(hash, record);
        _inOrder.Add(record);
        return record;
    }

    private OpCode Pay(Dictionary<string, LedgerAccount> scratch, string sourceId, string destinationId, long stroops, uint ledger, DateTimeOffset at)
    {
        if (!scratch.ContainsKey(destinationId) && !_accounts.ContainsKey(destinationId))
        {
            return OpCode.NoDestination;
        }

        var source = scratch[sourceId];
        if (source.Balance - MinimumBalance < stroops)
        {
            return OpCode.Underfunded;
        }

        scratch[sourceId] = source with { Balance = source.Balance - stroops };
        var destination = scratch.GetValueOrDefault(destinationId) ?? _accounts[destinationId];
        scratch[destinationId] = destination with { Balance = destination.Balance + stroops, LastModifiedLedger = ledger, LastModifiedAt = at };
        return OpCode.Success;
    }
}
