using System;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace PiPlatform.Stellar
{
    /// <summary>
    /// The one place that calls the Ed25519 implementation (BouncyCastle's RFC 8032 code: managed, netstandard2.0,
    /// so it runs in Windows PowerShell 5.1 as well), so that it can be swapped without touching anything else.
    /// </summary>
    internal static class Ed25519Keys
    {
        public const int SeedLength = 32;
        public const int PublicKeyLength = 32;
        public const int SignatureLength = 64;

        public static byte[] PublicKeyOf(byte[] seed)
        {
            var publicKey = new byte[PublicKeyLength];
            Ed25519.GeneratePublicKey(seed, 0, publicKey, 0);
            return publicKey;
        }

        // Passing the public key saves deriving it again on every signature.
        public static byte[] Sign(byte[] seed, byte[] publicKey, byte[] message)
        {
            var signature = new byte[SignatureLength];
            Ed25519.Sign(seed, 0, publicKey, 0, message, 0, message.Length, signature, 0);
            return signature;
        }

        /// <summary>RFC 8032 verification; false for a key or signature of the wrong size rather than an exception.</summary>
        public static bool Verify(byte[] publicKey, byte[] message, byte[] signature)
        {
            if (publicKey.Length != PublicKeyLength || signature.Length != SignatureLength) return false;
            return Ed25519.Verify(signature, 0, publicKey, 0, message, 0, message.Length);
        }
    }
}
