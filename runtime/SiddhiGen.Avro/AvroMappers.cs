using System.Globalization;
using Avro;
using Avro.Generic;
using Avro.IO;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Connectors.Mapping;

namespace SiddhiGen.Avro;

/// <summary>
/// The avro source mapper: each message is one record in Avro's binary encoding (no container, as Siddhi sends
/// it) under the schema of <see cref="AvroSchemas"/>. Attributes take the record field of their name, or the
/// field <c>@attributes(name='username')</c> names (a dotted path reaches into nested records; <c>trp:x</c> a
/// transport property). Numbers convert between Avro's numeric types; a message that does not decode, a value of
/// the wrong type, or (with <c>fail.on.missing.attribute</c>, default true) a missing or null field go to the
/// error policy.
/// </summary>
public sealed class AvroSourceMapper : IRowSourceMapper
{
    private readonly StreamSchema _stream;
    private readonly GenericDatumReader<GenericRecord> _reader;
    private readonly string[] _paths;
    private readonly bool _failOnMissing;

    public AvroSourceMapper(MapperContext context)
    {
        _stream = context.Schema;
        var schema = AvroSchemas.For(context);
        _reader = new GenericDatumReader<GenericRecord>(schema, schema);
        var mappings = context.AttributeMappings();
        _paths = _stream.Attributes.Select((a, i) => mappings?[i] ?? a.Name).ToArray();
        _failOnMissing = context.Options.GetBool("fail.on.missing.attribute", true);
    }

    public void Map(in SourceMessage message, List<object?[]> rows)
    {
        GenericRecord record;
        try
        {
            using var stream = new MemoryStream(message.GetUtf8().ToArray());
            record = _reader.Read(null!, new BinaryDecoder(stream));
        }
        catch (Exception ex) when (ex is AvroException or EndOfStreamException or IOException or InvalidCastException or ArgumentException or OverflowException)
        {
            throw new MappingException($"The message is not an Avro record of schema '{_reader.WriterSchema.Fullname}': {ex.Message}", ex);
        }

        var row = new object?[_stream.Attributes.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var attribute = _stream.Attributes[i];
            var value = _paths[i].StartsWith("trp:", StringComparison.Ordinal) ? message.GetTransportProperty(_paths[i][4..]) : Field(record, _paths[i]);
            if (value is null)
            {
                if (_failOnMissing)
                {
                    throw new MappingException($"The Avro record has no value for '{_paths[i]}' (attribute '{attribute.Name}').");
                }

                continue;
            }

            row[i] = Convert(value, attribute);
        }

        rows.Add(row);
    }

    private static object? Field(GenericRecord record, string path)
    {
        object? current = record;
        foreach (var part in path.Split('.'))
        {
            if (current is not GenericRecord r || !r.TryGetValue(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static object Convert(object value, StreamAttribute attribute)
    {
        try
        {
            return attribute.Type switch
            {
                SiddhiType.String => value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
                SiddhiType.Int when value is int or long => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
                SiddhiType.Long when value is int or long => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
                SiddhiType.Float when value is float or double or int or long => System.Convert.ToSingle(value, CultureInfo.InvariantCulture),
                SiddhiType.Double when value is float or double or int or long => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
                SiddhiType.Bool when value is bool b => b,
                SiddhiType.Object => value,
                _ => throw new MappingException($"Attribute '{attribute.Name}' is {attribute.Type.ToString().ToLowerInvariant()}, but the Avro value is a {value.GetType().Name} ({value})."),
            };
        }
        catch (OverflowException ex)
        {
            throw new MappingException($"The Avro value {value} does not fit attribute '{attribute.Name}' ({attribute.Type.ToString().ToLowerInvariant()}).", ex);
        }
    }
}

/// <summary>
/// The avro sink mapper: each event becomes one record in Avro's binary encoding (a <c>byte[]</c>), its fields
/// filled from the attributes of the same name (converted to the field's numeric type); a field without an
/// attribute takes its schema default. A value the schema cannot take (a null for a non-null field) fails the
/// event, which follows the sink's <c>on.error</c>.
/// </summary>
public sealed class AvroSinkMapper : IRowSinkMapper
{
    private readonly StreamSchema _stream;
    private readonly RecordSchema _schema;
    private readonly GenericDatumWriter<GenericRecord> _writer;

    public AvroSinkMapper(MapperContext context)
    {
        _stream = context.Schema;
        _schema = AvroSchemas.For(context);
        _writer = new GenericDatumWriter<GenericRecord>(_schema);
    }

    public bool GroupsEvents => false;

    public object Map(IReadOnlyList<DynamicEvent> events)
    {
        var record = new GenericRecord(_schema);
        foreach (var field in _schema.Fields)
        {
            var index = _stream.IndexOf(field.Name);
            var value = index >= 0 ? events[0].Data[index] : (field.DefaultValue as Newtonsoft.Json.Linq.JValue)?.Value;
            record.Add(field.Name, Coerce(value, field.Schema));
        }

        try
        {
            using var stream = new MemoryStream();
            var encoder = new BinaryEncoder(stream);
            _writer.Write(record, encoder);
            encoder.Flush();
            return stream.ToArray();
        }
        catch (AvroException ex)
        {
            throw new MappingException($"The event of '{_stream.Name}' does not fit Avro schema '{_schema.Fullname}': {ex.Message}", ex);
        }
    }

    /// <summary>Siddhi's numbers into the field's Avro type (an int attribute into a long field, ...).</summary>
    private static object? Coerce(object? value, Schema schema)
    {
        var type = schema is UnionSchema union ? union.Schemas.FirstOrDefault(s => s.Tag != Schema.Type.Null)?.Tag ?? Schema.Type.Null : schema.Tag;
        return value switch
        {
            null => null,
            int or long or float or double when type == Schema.Type.Long => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
            int or long when type == Schema.Type.Int => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
            int or long or float or double when type == Schema.Type.Double => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
            int or long or float or double when type == Schema.Type.Float => System.Convert.ToSingle(value, CultureInfo.InvariantCulture),
            _ when type == Schema.Type.String => value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => value,
        };
    }
}
