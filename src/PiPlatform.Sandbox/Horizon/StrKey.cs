using System;
using System.Text;

namespace PiPlatform.Sandbox.Horizon;

/// <summary>
/// Stellar's StrKey (SEP-23) for account ids: base32 (RFC 4648, no padding) of a version byte (6 &lt;&lt; 3, the "G"),
/// the 32-byte Ed25519 public key and a CRC16-XModem checksum of those 33 bytes, little-endian. Decoding is strict:
/// upper case, exact length, the account id version byte, a valid checksum (Horizon answers anything else 400 bad_request).
/// </summary>
internal static class StrKey
{
    private const byte AccountIdVersion = 6 << 3;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Length of an account id: 35 bytes, base32 encoded.</summary>
    public const int AccountIdLength = 56;

    public static string EncodeAccountId(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 32)
        {
            throw new ArgumentException("An Ed25519 public key is 32 bytes.", nameof(publicKey));
        }

        var payload = new byte[35];
        payload[0] = AccountIdVersion;
        publicKey.CopyTo(payload.AsSpan(1));
        ushort crc = Crc16XModem(payload.AsSpan(0, 33));
        payload[33] = (byte)crc;
        payload[34] = (byte)(crc >> 8);
        return Base32(payload);
    }

    /// <summary>The public key of a "G..." account id, or null if it is not one.</summary>
    public static byte[]? DecodeAccountId(string? address)
    {
        if (address is null || address.Length != AccountIdLength)
        {
            return null;
        }

        var payload = new byte[35];
        int buffer = 0, bits = 0, written = 0;
        foreach (char c in address)
        {
            int value = Alphabet.IndexOf(c);
            if (value < 0)
            {
                return null;
            }

            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                payload[written++] = (byte)(buffer >> bits);
            }
        }

        // 56 characters carry 280 bits, 35 bytes exactly.
        if (written != payload.Length || payload[0] != AccountIdVersion)
        {
            return null;
        }

        ushort crc = Crc16XModem(payload.AsSpan(0, 33));
        if (payload[33] != (byte)crc || payload[34] != (byte)(crc >> 8))
        {
            return null;
        }

        return payload.AsSpan(1, 32).ToArray();
    }

    private static string Base32(byte[] data)
    {
        var text = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (byte b in data)
        {
            buffer = ((buffer << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    /// <summary>CRC16-XModem: polynomial 0x1021, initial value 0, no reflection.</summary>
    private static ushort Crc16XModem(ReadOnlySpan<byte> data)
    {
        int crc = 0;
        foreach (byte b in data)
        {
            crc ^= b << 8;
            for (int i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }

        return (ushort)crc;
    }
}
