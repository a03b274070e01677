using System.Buffers.Binary;
using System.Text;

namespace OrderPlatform.Hosting.Dashboard.Telemetry;

/// <summary>
/// Reads protobuf's wire format (the four wire types OTLP uses) field by field: enough to decode OTLP/HTTP exports
/// without generated classes. Unknown fields are skipped, as protobuf requires.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> buffer = buffer;
    private int position;
    private int wireType;

    public int Field { get; private set; }

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool Next()
    {
        if (position >= buffer.Length)
        {
            return false;
        }

        var tag = ReadVarint();
        Field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong Varint() => ReadVarint();

    public long Int64() => (long)ReadVarint();

    public ulong Fixed64()
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(buffer.Slice(position, 8));
        position += 8;
        return value;
    }

    public uint Fixed32()
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(buffer.Slice(position, 4));
        position += 4;
        return value;
    }

    public double Double() => BitConverter.Int64BitsToDouble((long)Fixed64());

    public ReadOnlySpan<byte> Bytes()
    {
        var length = (int)ReadVarint();
        var bytes = buffer.Slice(position, length);
        position += length;
        return bytes;
    }

    public string String() => Encoding.UTF8.GetString(Bytes());

    public string Hex() => Convert.ToHexStringLower(Bytes());

    public void Skip()
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                position += 8;
                break;
            case 2:
                Bytes();
                break;
            case 5:
                position += 4;
                break;
            default:
                throw new FormatException($"Unsupported protobuf wire type {wireType}.");
        }
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = buffer[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("Malformed varint.");
    }
}
