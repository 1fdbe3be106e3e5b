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
    private enum Auth
    {
        Valid,
        BadAuth,
        BadAuthExtra,
    }

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

    /// <summary>Core's checks (TransactionFrame::commonValid, then each operation's, then unused signatures), in its order.</summary>
    private TransactionRejection? Validate(TransactionEnvelope tx, Auth auth)
    {
        // The fee core reports in a refusal: the one it would have charged.
        long wouldCharge = BaseFee * Math.Max(1, tx.Operations.Count);
        TransactionRejection Reject(TxCode code, IReadOnlyList<OpCode>? ops = null) => new(code, ops, wouldCharge);

        if (tx.SourceAccount!.IsMuxed)
        {
            return Reject(TxCode.NotSupported);
        }

        if (tx.Operations.Count == 0)
        {
            return Reject(TxCode.MissingOperation);
        }

        ulong now = (ulong)Now().ToUnixTimeSeconds();
        if (tx.TimeBounds is { MinTime: > 0 } early && early.MinTime > now)
        {
            return Reject(TxCode.TooEarly);
        }

        if (tx.TimeBounds is { MaxTime: > 0 } late && late.MaxTime < now)
        {
            return Reject(TxCode.TooLate);
        }

        if (tx.Fee < BaseFee * tx.Operations.Count)
        {
            return Reject(TxCode.InsufficientFee);
        }

        if (!_accounts.TryGetValue(StrKey.EncodeAccountId(tx.SourceAccount.Ed25519), out var source))
        {
            return Reject(TxCode.NoAccount);
        }

        if (source.Sequence == long.MaxValue || tx.SequenceNumber != source.Sequence + 1)
        {
            return Reject(TxCode.BadSeq);
        }

        if (auth == Auth.BadAuth)
        {
            return Reject(TxCode.BadAuth);
        }

        // Core: the balance available above the minimum balance must cover the whole fee offered.
        if (source.Balance - MinimumBalance < tx.Fee)
        {
            return Reject(TxCode.InsufficientBalance);
        }

        var ops = tx.Operations.Select(op => CheckOperation(tx.SourceAccount, op)).ToList();
        if (ops.Any(code => code != OpCode.Success))
        {
            return Reject(TxCode.Failed, ops);
        }

        return auth == Auth.BadAuthExtra ? Reject(TxCode.BadAuthExtra) : null;
    }

    /// <summary>An operation's own validity: what the sandbox applies is native Pi, from the transaction's source, to a plain account.</summary>
    private static OpCode CheckOperation(MuxedAccount txSource, PaymentOperation op)
    {
        bool foreignSource = op.SourceAccount is { } own && (own.IsMuxed || !own.Ed25519.AsSpan().SequenceEqual(txSource.Ed25519));
        if (foreignSource || op.Destination.IsMuxed || op.Asset != 0)
        {
            return OpCode.NotSupported;
        }

        return op.Stroops <= 0 ? OpCode.Malformed : OpCode.Success;
    }

    /// <summary>
    /// An account's one signer is its master key (weight 1, thresholds 0), so exactly one signature is used: a valid one
    /// by the source key whose hint is the key's last 4 bytes. None: tx_bad_auth; any more: tx_bad_auth_extra.
    /// </summary>
    private static Auth CheckSignatures(TransactionEnvelope tx, byte[] hash)
    {
        byte[] key = tx.SourceAccount!.Ed25519;
        byte[] hint = key[28..];
        bool signed = tx.Signatures.Any(s => hint.AsSpan().SequenceEqual(s.Hint) && Signatures.Verify(key, hash, s.Signature));
        return !signed ? Auth.BadAuth : tx.Signatures.Count > 1 ? Auth.BadAuthExtra : Auth.Valid;
    }

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
