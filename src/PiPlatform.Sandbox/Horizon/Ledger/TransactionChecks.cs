using System;
using System.Collections.Generic;
using System.Linq;
using PiPlatform.Sandbox.Horizon.Xdr;

namespace PiPlatform.Sandbox.Horizon.Ledger;

/// <summary>
/// stellar-core's validity checks of a transaction (TransactionFrame::commonValidPreSeqNum and commonValid, each
/// operation's checkValid, then unused signatures), in core's order: the first that fails is the refusal, and a refusal
/// spends nothing.
/// </summary>
internal sealed partial class HorizonLedger
{
    /// <summary>The verdict on an envelope's signatures, reached before the lock and reported in its place in the order.</summary>
    private enum Auth
    {
        Valid,
        BadAuth,
        BadAuthExtra,
    }

    /// <summary>Core's checks (TransactionFrame::commonValid, then each operation's, then unused signatures), in its order.</summary>
    private TransactionRejection? Validate(TransactionEnvelope tx, Auth auth)
    {
        // The fee core reports in a refusal: the one it would have charged.
        long wouldCharge = BaseFee * Math.Max(1, tx.Operations.Count);
        TransactionRejection Reject(TxCode code, IReadOnlyList<OpCode>? ops = null) => new(code, ops, wouldCharge);

        // Where core puts its envelope-kind refusals (first); muxed accounts are valid on Stellar, not applied here.
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
}
