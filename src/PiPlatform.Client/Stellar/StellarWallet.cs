using System;
using System.Runtime.InteropServices;
using System.Security;

namespace PiPlatform.Stellar
{
    /// <summary>
    /// The app wallet's ed25519 key pair, made from its secret seed ("S..."), for signing payouts. The private key
    /// lives in one pinned array (so the garbage collector leaves no moved copies behind) that is zeroed on
    /// <see cref="Dispose"/>; <see cref="ToString"/> and every error show the public account id at most.
    /// </summary>
    public sealed class StellarWallet : IDisposable
    {
        private readonly object _gate = new object();
        private readonly byte[] _publicKey;
        private byte[]? _seed;
        private GCHandle _pin;

        private StellarWallet(byte[] seed)
        {
            _pin = GCHandle.Alloc(seed, GCHandleType.Pinned);
            _seed = seed;
            _publicKey = Ed25519Keys.PublicKeyOf(seed);
            AccountId = StrKey.EncodeAccountId(_publicKey);
        }

        /// <summary>Zeroes the key if the wallet was never disposed.</summary>
        ~StellarWallet() => Clear();

        /// <summary>The public address ("G..."), the account that pays.</summary>
        public string AccountId { get; }

        /// <summary>A copy of the 32-byte ed25519 public key.</summary>
        public byte[] PublicKey => (byte[])_publicKey.Clone();

        /// <summary>
        /// The wallet of a secret seed. Surrounding white space is ignored (a seed kept in a file or vault often ends in
        /// a newline); then it must be 56 base-32 characters with the version byte of a secret seed and a matching
        /// checksum. The seed is read straight from unmanaged memory into one array, and every copy is zeroed.
        /// </summary>
        /// <exception cref="ArgumentNullException">The seed is null.</exception>
        /// <exception cref="FormatException">The seed is not a valid secret seed; the message says what is wrong, never the seed.</exception>
        public static StellarWallet FromSecretSeed(SecureString seed)
        {
            if (seed == null) throw new ArgumentNullException(nameof(seed));
            IntPtr plain = IntPtr.Zero;
            var text = new char[StrKey.Length];
            GCHandle pin = GCHandle.Alloc(text, GCHandleType.Pinned);
            try
            {
                plain = Marshal.SecureStringToGlobalAllocUnicode(seed);
                int start = 0, end = seed.Length;
                while (start < end && char.IsWhiteSpace(CharAt(plain, start))) start++;
                while (end > start && char.IsWhiteSpace(CharAt(plain, end - 1))) end--;
                int count = end - start;
                if (count != StrKey.Length)
                {
                    // Same wording as StrKey's, which is only reached with exactly 56 characters from here.
                    throw new FormatException($"The secret seed has {count} characters; a StrKey secret seed (S...) has {StrKey.Length}.");
                }
                for (int i = 0; i < count; i++) text[i] = CharAt(plain, start + i);
                byte[] key = StrKey.DecodeSecretSeed(text, count);
                try
                {
                    return new StellarWallet(key);
                }
                catch
                {
                    Array.Clear(key, 0, key.Length);
                    throw;
                }
            }
            finally
            {
                Array.Clear(text, 0, text.Length);
                pin.Free();
                if (plain != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(plain);
            }
        }

        /// <summary>The wallet of a raw 32-byte ed25519 seed (RFC 8032's private key); the array is copied.</summary>
        internal static StellarWallet FromRawSeed(byte[] seed)
        {
            if (seed == null) throw new ArgumentNullException(nameof(seed));
            if (seed.Length != Ed25519Keys.SeedLength) throw new ArgumentException($"An ed25519 seed has {Ed25519Keys.SeedLength} bytes, not {seed.Length}.", nameof(seed));
            return new StellarWallet((byte[])seed.Clone());
        }

        /// <summary>The 64-byte ed25519 signature of the data (for a transaction: of its hash).</summary>
        /// <exception cref="ObjectDisposedException">The wallet has been disposed.</exception>
        internal byte[] Sign(byte[] data)
        {
            if (data == null) throw new ArgumentNullException(nameof(data));
            lock (_gate)
            {
                if (_seed == null) throw new ObjectDisposedException(nameof(StellarWallet), $"The wallet {AccountId} has been disposed; its key is gone.");
                return Ed25519Keys.Sign(_seed, _publicKey, data);
            }
        }

        /// <summary>The account id: never anything secret.</summary>
        public override string ToString() => AccountId;

        /// <summary>Zeroes the private key. The account id and public key stay readable; signing no longer works.</summary>
        public void Dispose()
        {
            Clear();
            GC.SuppressFinalize(this);
        }

        private void Clear()
        {
            lock (_gate)
            {
                if (_seed == null) return;
                Array.Clear(_seed, 0, _seed.Length);
                _seed = null;
                _pin.Free();
            }
        }

        private static char CharAt(IntPtr plain, int index) => (char)Marshal.ReadInt16(plain, index * 2);
    }
}
