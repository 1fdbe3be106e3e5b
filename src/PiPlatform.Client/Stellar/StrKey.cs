using System;

namespace PiPlatform.Stellar
{
    /// <summary>
    /// Stellar's StrKey text form of keys (SEP-23), for the two kinds a payout needs: account ids ("G...", an ed25519
    /// public key) and secret seeds ("S...", an ed25519 private key). A StrKey is base-32 of a version byte, the
    /// 32-byte key and a CRC-16/XMODEM checksum (little-endian): 35 bytes, 56 characters.
    /// </summary>
    /// <remarks>
    /// No message here ever quotes the text it was given: a secret seed pasted where an address belongs would otherwise
    /// end up in an error record, a log or a transcript.
    /// </remarks>
    public static class StrKey
    {
        /// <summary>The length of an account id or a secret seed in characters.</summary>
        public const int Length = 56;

        private const int KeyLength = 32;
        private const int DecodedLength = 1 + KeyLength + 2;
        // Version byte = key type (top 5 bits) | algorithm (low 3 bits, 0 = ed25519), SEP-23's table.
        private const byte AccountIdVersion = 6 << 3;   // "G"
        private const byte SecretSeedVersion = 18 << 3; // "S"

        /// <summary>The account id ("G...", 56 characters) of a 32-byte ed25519 public key.</summary>
        /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
        public static string EncodeAccountId(byte[] publicKey) => Encode(AccountIdVersion, publicKey, nameof(publicKey));

        /// <summary>The 32-byte ed25519 public key an account id ("G...") stands for.</summary>
        /// <exception cref="ArgumentNullException">The text is null.</exception>
        /// <exception cref="FormatException">The text is not an account id; the message says what is wrong (length, a
        /// character that is not base-32, another kind of key, a checksum that does not match), never the text itself.</exception>
        public static byte[] DecodeAccountId(string accountId)
        {
            if (accountId == null) throw new ArgumentNullException(nameof(accountId));
            return Decode(accountId.ToCharArray(), accountId.Length, AccountIdVersion, isSecret: false);
        }

        /// <summary>Whether the text is a valid account id ("G..."): right length, base-32, version byte and checksum.</summary>
        public static bool IsAccountId(string? value)
        {
            if (value == null || value.Length != Length) return false;
            try
            {
                DecodeAccountId(value);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        /// <summary>The secret seed text ("S...") of a 32-byte ed25519 private key: for tests and key generation only.</summary>
        internal static string EncodeSecretSeed(byte[] seed) => Encode(SecretSeedVersion, seed, nameof(seed));

        /// <summary>
        /// The 32-byte private key in the first <paramref name="count"/> characters of a secret seed. The caller owns
        /// (and zeroes) both the text and the result; every intermediate copy is zeroed here.
        /// </summary>
        internal static byte[] DecodeSecretSeed(char[] text, int count) => Decode(text, count, SecretSeedVersion, isSecret: true);

        private static string Encode(byte version, byte[] key, string parameter)
        {
            if (key == null) throw new ArgumentNullException(parameter);
            if (key.Length != KeyLength) throw new ArgumentException($"An ed25519 key has {KeyLength} bytes, not {key.Length}.", parameter);
            var raw = new byte[DecodedLength];
            try
            {
                raw[0] = version;
                Buffer.BlockCopy(key, 0, raw, 1, KeyLength);
                ushort crc = Crc16.Compute(raw, 0, 1 + KeyLength);
                raw[DecodedLength - 2] = (byte)crc;        // little-endian, as SEP-23 (and stellar-core) write it
                raw[DecodedLength - 1] = (byte)(crc >> 8);
                return Base32.Encode(raw);
            }
            finally
            {
                Array.Clear(raw, 0, raw.Length);
            }
        }

        private static byte[] Decode(char[] text, int count, byte version, bool isSecret)
        {
            string what = isSecret ? "The secret seed" : "The account id";
            if (count != Length)
            {
                throw new FormatException($"{what} has {count} characters; a StrKey {(isSecret ? "secret seed (S...)" : "account id (G...)")} has {Length}.");
            }
            int bad = Base32.IndexOfInvalid(text, count);
            if (bad >= 0)
            {
                throw new FormatException($"{what} has a character at position {bad + 1} that is not base-32: StrKeys use only upper-case A-Z and 2-7, without padding.");
            }
            var raw = new byte[DecodedLength];
            try
            {
                Base32.Decode(text, count, raw);
                if (raw[0] != version)
                {
                    throw new FormatException(isSecret
                        ? $"{what} is not an ed25519 secret seed (its version byte is wrong; secret seeds start with S, and a G... text is a public account id)."
                        : $"{what} is not an ed25519 account id: its version byte is 0x{raw[0]:x2} ({KindOf(raw[0])}), an account id's is 0x{AccountIdVersion:x2} (G...).");
                }
                ushort expected = Crc16.Compute(raw, 0, 1 + KeyLength);
                if (raw[DecodedLength - 2] != (byte)expected || raw[DecodedLength - 1] != (byte)(expected >> 8))
                {
                    throw new FormatException($"{what}'s checksum does not match: a character is mistyped, missing or swapped.");
                }
                var key = new byte[KeyLength];
                Buffer.BlockCopy(raw, 1, key, 0, KeyLength);
                return key;
            }
            finally
            {
                Array.Clear(raw, 0, raw.Length);
            }
        }

        // Names the kinds SEP-23 lists, so a muxed address or a contract id given as an account id is called what it is.
        private static string KindOf(byte version)
        {
            if ((version & 7) != 0) return "an unknown algorithm";
            switch (version >> 3)
            {
                case 12: return "a muxed account, M...";
                case 18: return "a secret seed, S...";
                case 19: return "a pre-authorized transaction hash, T...";
                case 23: return "a hash-x signer, X...";
                case 15: return "a signed payload, P...";
                case 2: return "a contract, C...";
                case 11: return "a liquidity pool, L...";
                case 1: return "a claimable balance, B...";
                default: return "an unknown key type";
            }
        }
    }
}
