using System.Buffers.Binary;
using System.Text;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>
/// Siddhi's binary event format (siddhi-map-binary), big-endian as Java writes it: an int32 event count, then per
/// event an int64 timestamp and the attributes in stream order — int: int32, long: int64, float: float32,
/// double: float64, bool: one byte (1 = true), string: int32 byte length + UTF-8 bytes (length 0 reads as null),
/// object: int32 0 (objects do not cross). Used over tcp (inside Siddhi's tcp framing) and kafka
/// (<c>is.binary.message='true'</c>), so SiddhiGen and Siddhi apps exchange events either way.
/// </summary>
internal static class BinaryEventFormat
{
    public static byte[] Write(IReadOnlyList<DynamicEvent> events, StreamSchema schema)
    {
        var size = 4;
        var strings = new byte[events.Count * schema.Attributes.Length][];
        for (var e = 0; e < events.Count; e++)
        {
            size += 8;
            for (var i = 0; i < schema.Attributes.Length; i++)
            {
                var attribute = schema.Attributes[i];
                var value = events[e].Data[i];
                if (value is null && attribute.Type is not (SiddhiType.String or SiddhiType.Object))
                {
                    throw new MappingException($"The binary format has no null {attribute.Type.ToString().ToLowerInvariant()}: attribute '{attribute.Name}' is null.");
                }

                if (attribute.Type == SiddhiType.String)
                {
                    strings[(e * schema.Attributes.Length) + i] = value is null ? [] : Encoding.UTF8.GetBytes((string)value);
                }

                size += attribute.Type switch
                {
                    SiddhiType.String => 4 + strings[(e * schema.Attributes.Length) + i].Length,
                    SiddhiType.Long or SiddhiType.Double => 8,
                    SiddhiType.Bool => 1,
                    _ => 4,
                };
            }
        }

        var buffer = new byte[size];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, events.Count);
        var at = 4;
        for (var e = 0; e < events.Count; e++)
        {
            BinaryPrimitives.WriteInt64BigEndian(span[at..], events[e].Timestamp);
            at += 8;
            for (var i = 0; i < schema.Attributes.Length; i++)
            {
                var value = events[e].Data[i];
                switch (schema.Attributes[i].Type)
                {
                    case SiddhiType.String:
                        var bytes = strings[(e * schema.Attributes.Length) + i];
                        BinaryPrimitives.WriteInt32BigEndian(span[at..], bytes.Length);
                        bytes.CopyTo(span[(at + 4)..]);
                        at += 4 + bytes.Length;
                        break;
                    case SiddhiType.Int:
                        BinaryPrimitives.WriteInt32BigEndian(span[at..], Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                        at += 4;
                        break;
                    case SiddhiType.Long:
                        BinaryPrimitives.WriteInt64BigEndian(span[at..], Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                        at += 8;
                        break;
                    case SiddhiType.Float:
                        BinaryPrimitives.WriteSingleBigEndian(span[at..], Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture));
                        at += 4;
                        break;
                    case SiddhiType.Double:
                        BinaryPrimitives.WriteDoubleBigEndian(span[at..], Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                        at += 8;
                        break;
                    case SiddhiType.Bool:
                        span[at++] = (bool)value! ? (byte)1 : (byte)0;
                        break;
                    default:
                        BinaryPrimitives.WriteInt32BigEndian(span[at..], 0);
                        at += 4;
                        break;
                }
            }
        }

        return buffer;
    }

    /// <summary>Reads the events of <paramref name="message"/> as rows; their timestamps are skipped (events take the arrival time, as with every mapper).</summary>
    public static void Read(ReadOnlySpan<byte> message, StreamSchema schema, List<object?[]> rows)
    {
        var reader = new Reader(message);
        var count = reader.Int32();
        var minimum = 8 + schema.Attributes.Sum(a => a.Type switch { SiddhiType.Bool => 1, SiddhiType.Long or SiddhiType.Double => 8, _ => 4 });
        if (count < 0 || (long)count * minimum > message.Length - 4)
        {
            throw new MappingException($"The binary message announces {count} events of stream '{schema.Name}', but has only {message.Length} bytes.");
        }

        for (var e = 0; e < count; e++)
        {
            reader.Int64();

            var row = new object?[schema.Attributes.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = schema.Attributes[i].Type switch
                {
                    SiddhiType.String => reader.String(),
                    SiddhiType.Int => reader.Int32(),
                    SiddhiType.Long => reader.Int64(),
                    SiddhiType.Float => reader.Single(),
                    SiddhiType.Double => reader.Double(),
                    SiddhiType.Bool => reader.Byte() == 1,
                    _ => reader.Int32() == 0 ? null : throw new MappingException($"Attribute '{schema.Attributes[i].Name}' is an object, which the binary format does not carry."),
                };
            }

            rows.Add(row);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

        public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

        public float Single() => BinaryPrimitives.ReadSingleBigEndian(Take(4));

        public double Double() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

        public byte Byte() => Take(1)[0];

        public string? String()
        {
            var length = Int32();
            if (length < 0)
            {
                throw new MappingException($"The binary message has a string of length {length}.");
            }

            return length == 0 ? null : Encoding.UTF8.GetString(Take(length));
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (_at + count > _data.Length)
            {
                throw new MappingException($"The binary message ends after {_data.Length} bytes, in the middle of an event.");
            }

            var slice = _data.Slice(_at, count);
            _at += count;
            return slice;
        }
    }
}

/// <summary>The binary source mapper (<see cref="BinaryEventFormat"/>); custom mapping (<c>@attributes</c>) is not allowed, as in Siddhi.</summary>
public sealed class BinarySourceMapper(MapperContext context) : IRowSourceMapper
{
    private readonly StreamSchema _schema = context.Schema;

    public void Map(in SourceMessage message, List<object?[]> rows)
    {
        if (message.Kind == SourceMessageKind.Object)
        {
            throw new MappingException($"The binary mapper needs bytes, but the message is a {message.Value?.GetType().Name}.");
        }

        BinaryEventFormat.Read(message.GetUtf8().Span, _schema, rows);
    }
}

/// <summary>The binary sink mapper: a chunk of events becomes one message (<see cref="BinaryEventFormat"/>), a <c>byte[]</c>.</summary>
public sealed class BinarySinkMapper(MapperContext context) : IRowSinkMapper
{
    private readonly StreamSchema _schema = context.Schema;

    public bool GroupsEvents => true;

    public object Map(IReadOnlyList<DynamicEvent> events) => BinaryEventFormat.Write(events, _schema);
}
