using System;

namespace PiPlatform.Stellar
{
    /// <summary>
    /// RFC 4648 base-32 (upper-case alphabet, no padding) for whole multiples of 5 bytes, which is all StrKey needs:
    /// 35 bytes (version, 32-byte key, checksum) are exactly 56 characters, so no partial symbol and no padding bits
    /// exist and every valid StrKey has exactly one spelling (SEP-23 requires that re-encoding gives the same text).
    /// Decoding works on a char[] so that a secret seed need never become a string.
    /// </summary>
    internal static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static string Encode(byte[] data)
        {
            if (data.Length % 5 != 0) throw new ArgumentException("Base-32 here encodes whole groups of 5 bytes.", nameof(data));
            var text = new char[data.Length / 5 * 8];
            for (int group = 0; group < data.Length / 5; group++)
            {
                ulong bits = 0;
                for (int i = 0; i < 5; i++) bits = (bits << 8) | data[group * 5 + i];
                for (int i = 7; i >= 0; i--)
                {
                    text[group * 8 + i] = Alphabet[(int)(bits & 31)];
                    bits >>= 5;
                }
            }
            return new string(text);
        }

        /// <summary>
        /// The position (0-based) of the first character that is not an upper-case base-32 symbol, or -1.
        /// Kept apart from <see cref="Decode"/> so that callers can say where a text is wrong before decoding it.
        /// </summary>
        public static int IndexOfInvalid(char[] text, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (ValueOf(text[i]) < 0) return i;
            }
            return -1;
        }

        /// <summary>Decodes <paramref name="count"/> characters (a multiple of 8, all valid) into <paramref name="output"/>.</summary>
        public static void Decode(char[] text, int count, byte[] output)
        {
            if (count % 8 != 0 || output.Length != count / 8 * 5 || IndexOfInvalid(text, count) >= 0)
            {
                throw new ArgumentException("Base-32 here decodes whole groups of 8 valid characters.", nameof(text));
            }
            for (int group = 0; group < count / 8; group++)
            {
                ulong bits = 0;
                for (int i = 0; i < 8; i++) bits = (bits << 5) | (uint)ValueOf(text[group * 8 + i]);
                for (int i = 4; i >= 0; i--)
                {
                    output[group * 5 + i] = (byte)bits;
                    bits >>= 8;
                }
            }
        }

        private static int ValueOf(char c)
        {
            if (c >= 'A' && c <= 'Z') return c - 'A';
            if (c >= '2' && c <= '7') return c - '2' + 26;
            return -1;
        }
    }
}
