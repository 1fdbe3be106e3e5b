using System;
using System.IO;

namespace PiPlatform.Stellar
{
    /// <summary>
    /// The part of XDR (RFC 4506) a payment uses: big-endian integers, and opaque data padded with zeros to a
    /// multiple of 4 bytes, variable-length data prefixed by its uint32 length.
    /// </summary>
    internal sealed class XdrWriter
    {
        private readonly MemoryStream _buffer = new MemoryStream(256);

        public void WriteInt32(int value) => WriteUInt32((uint)value);

        public void WriteUInt32(uint value)
        {
            _buffer.WriteByte((byte)(value >> 24));
            _buffer.WriteByte((byte)(value >> 16));
            _buffer.WriteByte((byte)(value >> 8));
            _buffer.WriteByte((byte)value);
        }

        public void WriteInt64(long value) => WriteUInt64((ulong)value);

        public void WriteUInt64(ulong value)
        {
            WriteUInt32((uint)(value >> 32));
            WriteUInt32((uint)value);
        }

        public void WriteBool(bool value) => WriteInt32(value ? 1 : 0);

        /// <summary>opaque name[n]: the bytes and their padding, no length.</summary>
        public void WriteFixedOpaque(byte[] data, int length)
        {
            if (data.Length != length) throw new ArgumentException($"Expected {length} bytes, not {data.Length}.", nameof(data));
            _buffer.Write(data, 0, data.Length);
            WritePadding(data.Length);
        }

        /// <summary>opaque name&lt;max&gt; and string name&lt;max&gt;: the length, the bytes, their padding.</summary>
        public void WriteVariableOpaque(byte[] data, int maxLength)
        {
            if (data.Length > maxLength) throw new ArgumentException($"At most {maxLength} bytes fit, not {data.Length}.", nameof(data));
            WriteUInt32((uint)data.Length);
            _buffer.Write(data, 0, data.Length);
            WritePadding(data.Length);
        }

        /// <summary>Bytes that are XDR already (a nested structure encoded before), copied as they are.</summary>
        public void WriteEncoded(byte[] xdr)
        {
            if (xdr.Length % 4 != 0) throw new ArgumentException("XDR is always a multiple of 4 bytes.", nameof(xdr));
            _buffer.Write(xdr, 0, xdr.Length);
        }

        public byte[] ToArray() => _buffer.ToArray();

        private void WritePadding(int length)
        {
            for (int i = length; i % 4 != 0; i++) _buffer.WriteByte(0);
        }
    }
}
