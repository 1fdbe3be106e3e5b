using System;
using System.Buffers.Binary;

namespace PiPlatform.Sandbox.Horizon.Xdr;

/// <summary>The bytes are not the XDR the sandbox reads: Horizon answers these <c>transaction_malformed</c>.</summary>
internal sealed class XdrException : Exception
{
    public XdrException(string message) : base(message)
    {
    }
}

/// <summary>
/// A strict reader of RFC 4506 XDR: big-endian 4-byte units, lengths checked against their declared maximum,
/// padding that must be zero, booleans that must be 0 or 1, and nothing left over at the end. Lenient decoding would
/// let a client's wrong encoding pass here and fail on the real network, which is what the sandbox must catch.
/// </summary>
internal sealed class XdrReader
{
    private readonly byte[] _data;

    public XdrReader(byte[] data) => _data = data;

    /// <summary>The offset of the next byte to read.</summary>
    public int Position { get; private set; }

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));

    public bool ReadBool() => ReadUInt32() switch
    {
        0 => false,
        1 => true,
        uint other => throw new XdrException($"A boolean must be 0 or 1, not {other}."),
    };

    /// <summary>opaque[length]: fixed-size bytes, padded to a multiple of four.</summary>
    public byte[] ReadFixedOpaque(int length)
    {
        byte[] value = Take(length).ToArray();
        SkipPadding(length);
        return value;
    }

    /// <summary>opaque&lt;max&gt; (and string&lt;max&gt;): a length, the bytes, padding.</summary>
    public byte[] ReadVariableOpaque(int max, string what)
    {
        uint length = ReadUInt32();
        if (length > max)
        {
            throw new XdrException($"{what} is {length} bytes long; at most {max} are allowed.");
        }

        return ReadFixedOpaque((int)length);
    }

    /// <summary>The element count of an array&lt;max&gt;.</summary>
    public int ReadArrayLength(int max, string what)
    {
        uint count = ReadUInt32();
        if (count > max)
        {
            throw new XdrException($"{what} has {count} elements; at most {max} are allowed.");
        }

        return (int)count;
    }

    /// <summary>Every byte must have been read: trailing bytes mean the client encoded something else.</summary>
    public void ExpectEnd()
    {
        if (Position != _data.Length)
        {
            throw new XdrException($"{_data.Length - Position} bytes follow the end of the envelope.");
        }
    }

    /// <summary>The bytes from <paramref name="start"/> to the current position (the transaction, for its hash).</summary>
    public byte[] Slice(int start) => _data.AsSpan(start, Position - start).ToArray();

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - Position)
        {
            throw new XdrException("The envelope ends in the middle of a value.");
        }

        var span = _data.AsSpan(Position, count);
        Position += count;
        return span;
    }

    private void SkipPadding(int length)
    {
        int padding = (4 - length % 4) % 4;
        foreach (byte b in Take(padding))
        {
            if (b != 0)
            {
                throw new XdrException("Padding bytes must be zero.");
            }
        }
    }
}
