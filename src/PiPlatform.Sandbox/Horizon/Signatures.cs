using System;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace PiPlatform.Sandbox.Horizon;

/// <summary>
/// Ed25519 as Stellar uses it (BouncyCastle; .NET has none built in), and the hashes that go with it: the network id
/// and the transaction hash that signatures cover.
/// </summary>
internal static class Signatures
{
    /// <summary>ENVELOPE_TYPE_TX, as the int32 between the network id and the transaction in the signed payload.</summary>
    private static readonly byte[] EnvelopeTypeTx = { 0, 0, 0, 2 };

    /// <summary>The network id: SHA-256 of the passphrase ("Pi Testnet", "Pi Network").</summary>
    public static byte[] NetworkId(string passphrase) => SHA256.HashData(Encoding.UTF8.GetBytes(passphrase));

    /// <summary>
    /// The transaction hash (Horizon's id and hash, Pi's txid): SHA-256 of the TransactionSignaturePayload, i.e.
    /// networkId || ENVELOPE_TYPE_TX || the Transaction's XDR. It is also what each signature signs.
    /// </summary>
    public static byte[] TransactionHash(byte[] networkId, byte[] transactionXdr)
    {
        var payload = new byte[networkId.Length + EnvelopeTypeTx.Length + transactionXdr.Length];
        networkId.CopyTo(payload, 0);
        EnvelopeTypeTx.CopyTo(payload, networkId.Length);
        transactionXdr.CopyTo(payload, networkId.Length + EnvelopeTypeTx.Length);
        return SHA256.HashData(payload);
    }

    /// <summary>Whether <paramref name="signature"/> is a valid Ed25519 signature of <paramref name="message"/> by the key.</summary>
    public static bool Verify(byte[] publicKey, byte[] message, byte[] signature)
    {
        if (publicKey.Length != 32 || signature.Length != 64)
        {
            return false;
        }

        try
        {
            var verifier = new Ed25519Signer();
            verifier.Init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.BlockUpdate(message, 0, message.Length);
            return verifier.VerifySignature(signature);
        }
        catch (ArgumentException)
        {
            // Not a point on the curve: no signature can be valid for it.
            return false;
        }
    }

    /// <summary>The Ed25519 public key of a 32-byte seed (the sandbox's demo wallets are derived this way).</summary>
    public static byte[] PublicKeyOf(byte[] seed) => new Ed25519PrivateKeyParameters(seed, 0).GeneratePublicKey().GetEncoded();
}
