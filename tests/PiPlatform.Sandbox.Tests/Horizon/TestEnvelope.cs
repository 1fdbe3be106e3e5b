using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace PiPlatform.Sandbox.Tests.Horizon;

/// <summary>One payment operation of a test transaction; a muxed id or a credit asset make an operation the sandbox must refuse.</summary>
public sealed record TestPayment(string Destination, long Stroops, ulong? MuxedId = null, bool CreditAsset = false);

/// <summary>
/// A test transaction. <see cref="Signers"/> null means signed by <see cref="Seed"/>; give an empty list for none, or
/// other seeds to sign with. <see cref="SignPassphrase"/> signs for another network than the one the hash is for.
/// </summary>
public sealed record TestTransaction(
    byte[] Seed,
    long Sequence,
    IReadOnlyList<TestPayment> Payments,
    uint Fee = 100_000,
    ulong MinTime = 0,
    ulong MaxTime = 0,
    string? Memo = null,
    string Passphrase = TestEnvelope.Testnet,
    IReadOnlyList<byte[]>? Signers = null,
    string? SignPassphrase = null,
    ulong? SourceMuxedId = null);

/// <summary>
/// The test side's own Stellar envelope builder, written from stellar-xdr's .x files and checked byte for byte against
/// @stellar/stellar-base (ReferenceVectorTests). Deliberately independent of the sandbox's decoder, so that each checks
/// the other; the client's own builder may replace it later. Big-endian XDR, Ed25519 from BouncyCastle.
/// </summary>
public static class TestEnvelope
{
    public const string Testnet = "Pi Testnet";

    /// <summary>A one-payment transaction signed by <paramref name="seed"/>, as pi-backend's submitPayment builds it.</summary>
    public static (string Base64, string Hash) Payment(byte[] seed, long sequence, uint fee, ulong minTime, ulong maxTime,
        string? memo, string destination, long stroops, string passphrase = Testnet) =>
        Build(new TestTransaction(seed, sequence, new[] { new TestPayment(destination, stroops) }, fee, minTime, maxTime, memo, passphrase));

    /// <summary>The base64 TransactionEnvelope (ENVELOPE_TYPE_TX) and the transaction's hash, lowercase hex.</summary>
    public static (string Base64, string Hash) Build(TestTransaction t)
    {
        var tx = new MemoryStream();
        WriteMuxed(tx, PublicKey(t.Seed), t.SourceMuxedId);
        Int32(tx, (int)t.Fee);
        Int64(tx, t.Sequence);
        Int32(tx, 1); // PRECOND_TIME
        Int64(tx, (long)t.MinTime);
        Int64(tx, (long)t.MaxTime);
        if (t.Memo is null)
        {
            Int32(tx, 0); // MEMO_NONE
        }
        else
        {
            Int32(tx, 1); // MEMO_TEXT
            Opaque(tx, Encoding.UTF8.GetBytes(t.Memo));
        }

        Int32(tx, t.Payments.Count);
        foreach (var p in t.Payments)
        {
            Int32(tx, 0); // no operation source account
            Int32(tx, 1); // PAYMENT
            WriteMuxed(tx, AccountKey(p.Destination), p.MuxedId);
            if (p.CreditAsset)
            {
                Int32(tx, 1); // ASSET_TYPE_CREDIT_ALPHANUM4
                tx.Write("USD\0"u8);
                Int32(tx, 0);
                tx.Write(PublicKey(t.Seed));
            }
            else
            {
                Int32(tx, 0); // ASSET_TYPE_NATIVE
            }

            Int64(tx, p.Stroops);
        }

        Int32(tx, 0); // ext v0
        byte[] transaction = tx.ToArray();
        byte[] hash = Hash(t.Passphrase, transaction);
        byte[] signed = t.SignPassphrase is null ? hash : Hash(t.SignPassphrase, transaction);

        var envelope = new MemoryStream();
        Int32(envelope, 2); // ENVELOPE_TYPE_TX
        envelope.Write(transaction);
        var signers = t.Signers ?? new[] { t.Seed };
        Int32(envelope, signers.Count);
        foreach (var signer in signers)
        {
            envelope.Write(PublicKey(signer).AsSpan(28, 4)); // the hint: the key's last 4 bytes
            Opaque(envelope, Sign(signer, signed));
        }

        return (Convert.ToBase64String(envelope.ToArray()), Convert.ToHexStringLower(hash));
    }

    /// <summary>A raw Ed25519 seed from a label, as the sandbox derives its demo wallets: SHA-256 of the text.</summary>
    public static byte[] SeedOf(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    public static byte[] PublicKey(byte[] seed) => new Ed25519PrivateKeyParameters(seed, 0).GeneratePublicKey().GetEncoded();

    /// <summary>The "G..." account id of a seed, by the sandbox's own StrKey (which the reference vectors check).</summary>
    public static string AccountId(byte[] seed) => PiPlatform.Sandbox.Horizon.StrKey.EncodeAccountId(PublicKey(seed));

    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The public key inside a "G..." account id (the checksum is the sandbox's to verify, not the builder's).</summary>
    private static byte[] AccountKey(string accountId)
    {
        var bits = accountId.SelectMany(c => Enumerable.Range(0, 5).Select(i => (Base32.IndexOf(c) >> (4 - i)) & 1)).ToArray();
        var bytes = Enumerable.Range(0, 35).Select(b => (byte)Enumerable.Range(0, 8).Aggregate(0, (v, i) => (v << 1) | bits[b * 8 + i])).ToArray();
        return bytes[1..33];
    }

    private static byte[] Hash(string passphrase, byte[] transaction)
    {
        byte[] networkId = SHA256.HashData(Encoding.UTF8.GetBytes(passphrase));
        return SHA256.HashData(networkId.Concat(new byte[] { 0, 0, 0, 2 }).Concat(transaction).ToArray());
    }

    private static byte[] Sign(byte[] seed, byte[] message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }

    private static void WriteMuxed(Stream s, byte[] key, ulong? muxedId)
    {
        if (muxedId is ulong id)
        {
            Int32(s, 0x100); // KEY_TYPE_MUXED_ED25519
            Int64(s, (long)id);
        }
        else
        {
            Int32(s, 0); // KEY_TYPE_ED25519
        }

        s.Write(key);
    }

    private static void Opaque(Stream s, byte[] bytes)
    {
        Int32(s, bytes.Length);
        s.Write(bytes);
        s.Write(new byte[(4 - bytes.Length % 4) % 4]);
    }

    private static void Int32(Stream s, int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(b, value);
        s.Write(b);
    }

    private static void Int64(Stream s, long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, value);
        s.Write(b);
    }
}
