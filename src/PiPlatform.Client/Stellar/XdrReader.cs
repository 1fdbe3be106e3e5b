using System;

namespace PiPlatform.Stellar
{
    /// <summary>
    /// Strict reading of the XDR that <see cref="XdrWriter"/> writes: every read names the field it is for, so that a
    /// malformed envelope is refused with a <see cref="FormatException"/> that says where. Nothing is allocated before
    /// its length has been checked against both its limit and the bytes that are left.
    /// </summary>
    internal sealed class XdrReader
    {
        private readonly byte[] _data;
        private int _position;

        public XdrReader(byte[] data) => _data = data;

        public int ReadInt32(string field) => (int)ReadUInt32(field);

        public uint ReadUInt32(string field)
        {
            Need(4, field);
            uint value = (uint)(_data[_position] << 24 | _data[_position + 1] << 16 | _data[_position + 2] << 8 | _data[_position + 3]);
            _position += 4;
            return value;
        }

        public long ReadInt64(string field) => (long)ReadUInt64(field);

        public ulong ReadUInt64(string field) => ((ulong)ReadUInt32(field) << 32) | ReadUInt32(field);

        /// <summary>XDR booleans are exactly 0 or 1; anything else is refused rather than read as true.</summary>
        public bool ReadBool(string field)
        {
            uint value = ReadUInt32(field);
            if (value > 1) throw Malformed(field, $"a boolean must be 0 or 1, not {value}");
            return value == 1;
        }

        public byte[] ReadFixedOpaque(int length, string field) => ReadBytes(length, field);

        public byte[] ReadVariableOpaque(int maxLength, string field)
        {
            uint length = ReadUInt32(field);
            if (length > maxLength) throw Malformed(field, $"its length {length} is over the limit of {maxLength}");
            return ReadBytes((int)length, field);
        }

        /// <summary>The envelope must be all there is: trailing bytes would be signed by no one and read by no one.</summary>
        public void EnsureEnd()
        {
            if (_position != _data.Length)
            {
                throw new FormatException($"The envelope has {_data.Length - _position} bytes after its end.");
            }
        }

        public static FormatException Malformed(string field, string problem) =>
            new FormatException($"The envelope's {field} is malformed: {problem}.");

        private byte[] ReadBytes(int length, string field)
        {
            int padded = (length + 3) & ~3;
            Need(padded, field);
            var bytes = new byte[length];
            Buffer.BlockCopy(_data, _position, bytes, 0, length);
            for (int i = _position + length; i < _position + padded; i++)
            {
                if (_data[i] != 0) throw Malformed(field, "its padding is not zero");
            }
            _position += padded;
            return bytes;
        }

        private void Need(int count, string field)
        {
            if (_data.Length - _position < count)
            {
                throw new FormatException($"The envelope ends early: {field} needs {count} bytes, {_data.Length - _position} are left.");
            }
        }
    }
}
