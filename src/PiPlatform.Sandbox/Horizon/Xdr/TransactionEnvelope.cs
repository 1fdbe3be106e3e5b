using System.Collections.Generic;

namespace PiPlatform.Sandbox.Horizon.Xdr;

// The decoded shape of exactly what an app-to-user payout sends (stellar-xdr's Stellar-transaction.x), and the few
// neighbours the sandbox must recognise in order to refuse them the way the network would.

/// <summary>The arms of <c>union TransactionEnvelope switch (EnvelopeType type)</c> that the sandbox tells apart.</summary>
internal static class EnvelopeTypes
{
    public const int TxV0 = 0;
    public const int Tx = 2;
    public const int TxFeeBump = 5;
}

/// <summary>
/// <c>MuxedAccount</c>: an Ed25519 key, with the 64-bit id of a muxed (M...) account when <see cref="MuxedId"/> is
/// set. The sandbox reads muxed accounts only to refuse them (see README).
/// </summary>
internal sealed record MuxedAccount(byte[] Ed25519, ulong? MuxedId)
{
    public bool IsMuxed => MuxedId is not null;
}

/// <summary><c>TimeBounds</c>: unix seconds; 0 means no bound (maxTime 0: valid forever).</summary>
internal sealed record TimeBounds(ulong MinTime, ulong MaxTime);

/// <summary>The memo types, with Horizon's names for them.</summary>
internal static class MemoTypes
{
    public const int None = 0;
    public const int Text = 1;
    public const int Id = 2;
    public const int Hash = 3;
    public const int Return = 4;

    public static string Name(int type) => type switch
    {
        Text => "text",
        Id => "id",
        Hash => "hash",
        Return => "return",
        _ => "none",
    };
}

/// <summary><c>Memo</c>: a text memo's raw bytes (at most 28), an id, or a 32-byte hash.</summary>
internal sealed record Memo(int Type, byte[]? Text, ulong? Id, byte[]? Hash);

/// <summary>
/// A <c>PaymentOp</c> inside an <c>Operation</c>: <see cref="Asset"/> is the XDR asset type (0 = native Pi; credit assets
/// are read, then refused), <see cref="Stroops"/> the amount in 10^-7 Pi.
/// </summary>
internal sealed record PaymentOperation(MuxedAccount? SourceAccount, MuxedAccount Destination, int Asset, long Stroops);

/// <summary><c>DecoratedSignature</c>: the last 4 bytes of the signer's public key, and the signature.</summary>
internal sealed record DecoratedSignature(byte[] Hint, byte[] Signature);

/// <summary>
/// A decoded <c>TransactionEnvelope</c>. For <see cref="EnvelopeTypes.Tx"/> every field is set and
/// <see cref="TransactionXdr"/> holds the exact bytes of the <c>Transaction</c> (what the hash and signatures cover);
/// for a v0 or fee-bump envelope only <see cref="Type"/> is, since the sandbox refuses those unread.
/// </summary>
internal sealed record TransactionEnvelope(
    int Type,
    MuxedAccount? SourceAccount,
    uint Fee,
    long SequenceNumber,
    TimeBounds? TimeBounds,
    Memo Memo,
    IReadOnlyList<PaymentOperation> Operations,
    IReadOnlyList<DecoratedSignature> Signatures,
    byte[] TransactionXdr)
{
    public static TransactionEnvelope Unread(int type) =>
        new(type, null, 0, 0, null, new Memo(MemoTypes.None, null, null, null),
            new List<PaymentOperation>(), new List<DecoratedSignature>(), System.Array.Empty<byte>());
}
