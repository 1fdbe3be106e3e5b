using System;
using System.Collections.Generic;

namespace PiPlatform.Sandbox.Horizon.Xdr;

/// <summary>
/// Decodes a base64 <c>TransactionEnvelope</c> strictly (stellar-xdr's .x files). It reads what a payout uses and
/// refuses, as <see cref="XdrException"/>, everything it does not read: another operation type, PRECOND_V2, a Soroban
/// extension, an unknown union arm, a length over its maximum, non-zero padding, trailing bytes.
/// </summary>
internal static class EnvelopeDecoder
{
    private const int MaxOperations = 100;
    private const int MaxSignatures = 20;
    private const int MaxMemoText = 28;
    private const int MaxSignatureBytes = 64;

    private const int KeyTypeEd25519 = 0;
    private const int KeyTypeMuxedEd25519 = 0x100;
    private const int PrecondNone = 0;
    private const int PrecondTime = 1;
    private const int OperationPayment = 1;
    private const int AssetNative = 0;
    private const int AssetAlphanum4 = 1;
    private const int AssetAlphanum12 = 2;

    public static TransactionEnvelope Decode(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new XdrException("The envelope is not valid base64.");
        }

        var reader = new XdrReader(bytes);
        int type = reader.ReadInt32();
        switch (type)
        {
            case EnvelopeTypes.Tx:
                break;
            case EnvelopeTypes.TxV0:
            case EnvelopeTypes.TxFeeBump:
                // Valid envelopes the sandbox does not apply; they are refused as tx_not_supported.
                return TransactionEnvelope.Unread(type);
            default:
                throw new XdrException($"{type} is not a transaction envelope type.");
        }

        int start = reader.Position;
        var source = ReadMuxedAccount(reader);
        uint fee = reader.ReadUInt32();
        long sequence = reader.ReadInt64();
        var timeBounds = ReadPreconditions(reader);
        var memo = ReadMemo(reader);
        int count = reader.ReadArrayLength(MaxOperations, "operations");
        var operations = new List<PaymentOperation>(count);
        for (int i = 0; i < count; i++)
        {
            operations.Add(ReadOperation(reader, i));
        }

        // Transaction.ext: v0 only. v1 carries Soroban data, which no payment has.
        if (reader.ReadInt32() is int ext && ext != 0)
        {
            throw new XdrException($"Transaction.ext is v{ext}; a payment transaction has ext v0.");
        }

        byte[] transaction = reader.Slice(start);
        int signatureCount = reader.ReadArrayLength(MaxSignatures, "signatures");
        var signatures = new List<DecoratedSignature>(signatureCount);
        for (int i = 0; i < signatureCount; i++)
        {
            byte[] hint = reader.ReadFixedOpaque(4);
            signatures.Add(new DecoratedSignature(hint, reader.ReadVariableOpaque(MaxSignatureBytes, "a signature")));
        }

        reader.ExpectEnd();
        return new TransactionEnvelope(type, source, fee, sequence, timeBounds, memo, operations, signatures, transaction);
    }

    private static MuxedAccount ReadMuxedAccount(XdrReader reader) => reader.ReadInt32() switch
    {
        KeyTypeEd25519 => new MuxedAccount(reader.ReadFixedOpaque(32), null),
        KeyTypeMuxedEd25519 => ReadMed25519(reader),
        int other => throw new XdrException($"{other} is not a MuxedAccount key type."),
    };

    private static MuxedAccount ReadMed25519(XdrReader reader)
    {
        ulong id = reader.ReadUInt64();
        return new MuxedAccount(reader.ReadFixedOpaque(32), id);
    }

    private static TimeBounds? ReadPreconditions(XdrReader reader) => reader.ReadInt32() switch
    {
        PrecondNone => null,
        PrecondTime => new TimeBounds(reader.ReadUInt64(), reader.ReadUInt64()),
        2 => throw new XdrException("PRECOND_V2 preconditions are not read by the sandbox; a payout uses PRECOND_TIME."),
        int other => throw new XdrException($"{other} is not a precondition type."),
    };

    private static Memo ReadMemo(XdrReader reader)
    {
        int type = reader.ReadInt32();
        return type switch
        {
            MemoTypes.None => new Memo(type, null, null, null),
            MemoTypes.Text => new Memo(type, reader.ReadVariableOpaque(MaxMemoText, "the text memo"), null, null),
            MemoTypes.Id => new Memo(type, null, reader.ReadUInt64(), null),
            MemoTypes.Hash or MemoTypes.Return => new Memo(type, null, null, reader.ReadFixedOpaque(32)),
            _ => throw new XdrException($"{type} is not a memo type."),
        };
    }

    private static PaymentOperation ReadOperation(XdrReader reader, int index)
    {
        // MuxedAccount* sourceAccount: an XDR optional is a boolean, then the value if true.
        MuxedAccount? source = reader.ReadBool() ? ReadMuxedAccount(reader) : null;
        int type = reader.ReadInt32();
        if (type != OperationPayment)
        {
            throw new XdrException($"Operation {index} has type {type}; the sandbox reads payment operations (type 1) only.");
        }

        var destination = ReadMuxedAccount(reader);
        int asset = ReadAsset(reader);
        return new PaymentOperation(source, destination, asset, reader.ReadInt64());
    }

    /// <summary>The asset type; a credit asset's code and issuer are read past (it is refused later, as op_not_supported).</summary>
    private static int ReadAsset(XdrReader reader)
    {
        int type = reader.ReadInt32();
        int codeLength = type switch
        {
            AssetNative => 0,
            AssetAlphanum4 => 4,
            AssetAlphanum12 => 12,
            _ => throw new XdrException($"{type} is not an asset type a payment can carry."),
        };
        if (codeLength > 0)
        {
            reader.ReadFixedOpaque(codeLength);
            // AccountID issuer: PublicKey union, PUBLIC_KEY_TYPE_ED25519 = 0 only.
            if (reader.ReadInt32() != 0)
            {
                throw new XdrException("An asset issuer must be an Ed25519 public key.");
            }

            reader.ReadFixedOpaque(32);
        }

        return type;
    }
}
