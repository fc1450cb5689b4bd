using System.Buffers.Binary;
using System.Text;

namespace Sferum.Testing.Otlp;

/// <summary>
/// A protobuf message read by its wire format alone (field number, varint / fixed / length-delimited), enough to read
/// what OpenTelemetry's exporters send without their generated classes.
/// </summary>
public sealed class ProtoMessage
{
    private readonly List<(int Field, ulong Number, byte[]? Bytes)> fields = [];

    public static ProtoMessage Parse(ReadOnlySpan<byte> data)
    {
        var message = new ProtoMessage();
        var position = 0;
        while (position < data.Length)
        {
            var key = ReadVarint(data, ref position);
            var field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    message.fields.Add((field, ReadVarint(data, ref position), null));
                    break;
                case 1:
                    message.fields.Add((field, BinaryPrimitives.ReadUInt64LittleEndian(data[position..]), null));
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(data, ref position);
                    message.fields.Add((field, 0, data.Slice(position, length).ToArray()));
                    position += length;
                    break;
                case 5:
                    message.fields.Add((field, BinaryPrimitives.ReadUInt32LittleEndian(data[position..]), null));
                    position += 4;
                    break;
                default:
                    throw new FormatException($"Unsupported protobuf wire type in key {key}.");
            }
        }

        return message;
    }

    public IEnumerable<ProtoMessage> Messages(int field) => fields.Where(f => f.Field == field && f.Bytes is not null).Select(f => Parse(f.Bytes));

    public ProtoMessage? Message(int field) => Messages(field).FirstOrDefault();

    public byte[]? Bytes(int field) => fields.FirstOrDefault(f => f.Field == field && f.Bytes is not null).Bytes;

    public string? String(int field) => Bytes(field) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    public string Hex(int field) => Bytes(field) is { } bytes ? Convert.ToHexString(bytes).ToLowerInvariant() : "";

    public ulong? Number(int field) => fields.Where(f => f.Field == field && f.Bytes is null).Select(f => (ulong?)f.Number).FirstOrDefault();

    public bool Has(int field) => fields.Any(f => f.Field == field);

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
