using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>Writes one event as a JSON object (generated per stream with a json sink, so writing never boxes).</summary>
public delegate void JsonEventWriter<T>(Utf8JsonWriter writer, in T e);

/// <summary>
/// The json sink mapper: <c>{"event":{...}}</c> per event, a JSON array of those for a chunk when
/// <c>event.grouping.enabled</c> (default true); <c>enclosing.element</c> wraps the events, <c>@payload</c>
/// replaces the default shape with a template, <c>validate.json</c> checks the result.
/// </summary>
public sealed class JsonSinkMapper<T> : ISinkMapper<T>
{
    private readonly JsonEventWriter<T>? _write;
    private readonly Func<T, object?[]> _toRow;
    private readonly StreamSchema _schema;
    private readonly OptionTemplate? _payload;
    private readonly string[] _enclosing;
    private readonly bool _validate;
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly object _lock = new();

    public JsonSinkMapper(MapperContext context, JsonEventWriter<T>? write, Func<T, object?[]> toRow)
    {
        _write = write;
        _toRow = toRow;
        _schema = context.Schema;
        GroupsEvents = context.Options.GetBool("event.grouping.enabled", true);
        _validate = context.Options.GetBool("validate.json", false);
        var enclosing = context.Options.Get("enclosing.element");
        _enclosing = enclosing is null or "$" ? [] : enclosing.TrimStart('$').Trim('.').Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (context.Spec.Payload.Count > 0)
        {
            _payload = OptionTemplate.Parse(context.Spec.Payload[0].Value, _schema, "the @payload of the json mapper");
        }
    }

    public bool GroupsEvents { get; }

    public object Map(ReadOnlySpan<StreamEvent<T>> events)
    {
        string result;
        if (_payload is not null)
        {
            var sb = new StringBuilder();
            var many = events.Length > 1 || _enclosing.Length > 0;
            foreach (var part in _enclosing)
            {
                sb.Append("{\"").Append(JsonEncodedText.Encode(part)).Append("\":");
            }

            sb.Append(many ? "[" : string.Empty);
            for (var i = 0; i < events.Length; i++)
            {
                sb.Append(i > 0 ? "," : string.Empty).Append(_payload.Format(_toRow(events[i].Data), FormatForTemplate));
            }

            sb.Append(many ? "]" : string.Empty).Append('}', _enclosing.Length);
            result = sb.ToString();
        }
        else
        {
            lock (_lock)
            {
                _buffer.ResetWrittenCount();
                using (var writer = new Utf8JsonWriter(_buffer))
                {
                    foreach (var part in _enclosing)
                    {
                        writer.WriteStartObject();
                        writer.WritePropertyName(part);
                    }

                    var many = events.Length > 1 || _enclosing.Length > 0;
                    if (many)
                    {
                        writer.WriteStartArray();
                    }

                    foreach (ref readonly var e in events)
                    {
                        writer.WriteStartObject();
                        writer.WritePropertyName("event"u8);
                        if (_write is not null)
                        {
                            _write(writer, in e.Data);
                        }
                        else
                        {
                            WriteRow(writer, _toRow(e.Data));
                        }

                        writer.WriteEndObject();
                    }

                    if (many)
                    {
                        writer.WriteEndArray();
                    }

                    foreach (var _ in _enclosing)
                    {
                        writer.WriteEndObject();
                    }
                }

                result = Encoding.UTF8.GetString(_buffer.WrittenSpan);
            }
        }

        if (_validate)
        {
            try
            {
                using var _ = JsonDocument.Parse(result);
            }
            catch (JsonException ex)
            {
                throw new PublishException("The json mapper produced invalid JSON (validate.json='true'): " + ex.Message + " in " + result, ex);
            }
        }

        return result;
    }

    private void WriteRow(Utf8JsonWriter writer, object?[] row)
    {
        writer.WriteStartObject();
        for (var i = 0; i < row.Length; i++)
        {
            writer.WritePropertyName(_schema.Attributes[i].Name);
            JsonValues.WriteValue(writer, row[i]);
        }

        writer.WriteEndObject();
    }

    private static string FormatForTemplate(object? value) => value switch
    {
        null => "null",
        string s => JsonEncodedText.Encode(s).ToString(),
        _ => SiddhiValues.Format(value),
    };
}
