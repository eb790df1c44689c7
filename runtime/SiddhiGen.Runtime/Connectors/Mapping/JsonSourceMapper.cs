using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>
/// Reads one event object: called with the reader on its <c>StartObject</c>, returns with it on the
/// matching <c>EndObject</c>. The generator emits one per stream with a json source, so reading never boxes.
/// </summary>
public delegate T JsonEventReader<T>(ref Utf8JsonReader reader, JsonEventContext context);

/// <summary>What a <see cref="JsonEventReader{T}"/> needs besides the reader.</summary>
public sealed class JsonEventContext
{
    public JsonEventContext(StreamSchema schema, bool failOnMissingAttribute)
    {
        Schema = schema;
        FailOnMissingAttribute = failOnMissingAttribute;
    }

    public StreamSchema Schema { get; }

    /// <summary><c>fail.on.missing.attribute</c> (default true): a missing attribute rejects the message; otherwise it is null.</summary>
    public bool FailOnMissingAttribute { get; }

    /// <summary>Called for an attribute the event object lacks.</summary>
    public void Missing(string attribute)
    {
        if (FailOnMissingAttribute)
        {
            throw new MappingException($"The JSON event has no attribute '{attribute}' (set fail.on.missing.attribute='false' to read it as null).");
        }
    }
}

/// <summary>
/// The json source mapper with the default mapping: <c>{"event":{...}}</c> or the bare object, or a
/// JSON array of either for several events (sent as one chunk). Unknown properties are ignored.
/// </summary>
public sealed class JsonSourceMapper<T> : ISourceMapper<T>
{
    private static readonly JsonReaderOptions s_readerOptions = new() { CommentHandling = JsonCommentHandling.Skip };
    private readonly JsonEventReader<T> _read;
    private readonly JsonEventContext _context;

    public JsonSourceMapper(MapperContext context, JsonEventReader<T> read)
    {
        _read = read;
        _context = new JsonEventContext(context.Schema, context.Options.GetBool("fail.on.missing.attribute", true));
    }

    public void Map(in SourceMessage message, List<T> events)
    {
        var utf8 = message.GetUtf8();
        var reader = new Utf8JsonReader(utf8.Span, s_readerOptions);
        try
        {
            if (!reader.Read())
            {
                throw new MappingException("The JSON message is empty.");
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ReadEvent(ref reader, events);
                }
            }
            else
            {
                ReadEvent(ref reader, events);
            }

            if (reader.Read())
            {
                throw new MappingException("The JSON message has content after its end.");
            }
        }
        catch (JsonException ex)
        {
            throw new MappingException("The message is not valid JSON: " + ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new MappingException("The message is not valid JSON: " + ex.Message, ex);
        }
    }

    private void ReadEvent(ref Utf8JsonReader reader, List<T> events)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new MappingException($"A JSON event must be an object, not {reader.TokenType}.");
        }

        // {"event":{...}}: look at the first property without losing the position (the reader is a struct).
        var start = reader;
        if (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("event"u8)
            && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            events.Add(_read(ref reader, _context));
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                reader.Skip();
            }

            return;
        }

        reader = start;
        events.Add(_read(ref reader, _context));
    }

    /// <summary>A reader for any stream, driven by its schema (rows; used when no typed reader was generated).</summary>
    public static object?[] ReadRow(ref Utf8JsonReader reader, JsonEventContext context)
    {
        var attributes = context.Schema.Attributes;
        var row = new object?[attributes.Length];
        var seen = new bool[attributes.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = -1;
            for (var i = 0; i < attributes.Length; i++)
            {
                if (reader.ValueTextEquals(attributes[i].Name))
                {
                    index = i;
                    break;
                }
            }

            reader.Read();
            if (index < 0)
            {
                reader.Skip();
                continue;
            }

            row[index] = JsonValues.Read(ref reader, attributes[index].Type, attributes[index].Name);
            seen[index] = true;
        }

        for (var i = 0; i < seen.Length; i++)
        {
            if (!seen[i])
            {
                context.Missing(attributes[i].Name);
            }
        }

        return row;
    }
}

/// <summary>
/// The json source mapper with custom mapping: <c>enclosing.element</c> selects the events and
/// <c>@attributes</c> give a JSONPath (or <c>trp:name</c>) per attribute. Values are converted as Siddhi
/// does for custom mapping (a JSON string holding a number is read as the number).
/// </summary>
public sealed class JsonCustomSourceMapper : IRowSourceMapper
{
    private readonly StreamSchema _schema;
    private readonly JsonPath? _enclosing;
    private readonly JsonPath?[] _paths;
    private readonly string?[] _transport;
    private readonly bool _failOnMissing;

    public JsonCustomSourceMapper(MapperContext context)
    {
        _schema = context.Schema;
        _failOnMissing = context.Options.GetBool("fail.on.missing.attribute", true);
        var enclosing = context.Options.Get("enclosing.element");
        _enclosing = enclosing is null or "$" ? null : JsonPath.Parse(enclosing);
        var mappings = context.AttributeMappings() ?? _schema.Attributes.Select(a => "$." + a.Name).ToArray();
        _paths = new JsonPath?[mappings.Length];
        _transport = new string?[mappings.Length];
        for (var i = 0; i < mappings.Length; i++)
        {
            var mapping = mappings[i] ?? "$." + _schema.Attributes[i].Name;
            if (mapping.StartsWith("trp:", StringComparison.Ordinal))
            {
                _transport[i] = mapping[4..];
            }
            else
            {
                _paths[i] = JsonPath.Parse(mapping);
            }
        }
    }

    public void Map(in SourceMessage message, List<object?[]> rows)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(message.GetUtf8().Span, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new MappingException("The message is not valid JSON: " + ex.Message, ex);
        }

        var contexts = new List<JsonNode?>();
        if (_enclosing is not null)
        {
            foreach (var node in _enclosing.Select(root))
            {
                if (node is JsonArray array)
                {
                    contexts.AddRange(array);
                }
                else
                {
                    contexts.Add(node);
                }
            }

            if (contexts.Count == 0)
            {
                throw new MappingException($"The enclosing element '{_enclosing}' is not in the JSON message.");
            }
        }
        else if (root is JsonArray array)
        {
            contexts.AddRange(array);
        }
        else
        {
            contexts.Add(root);
        }

        foreach (var context in contexts)
        {
            var row = new object?[_schema.Attributes.Length];
            for (var i = 0; i < row.Length; i++)
            {
                var attribute = _schema.Attributes[i];
                if (_transport[i] is { } property)
                {
                    row[i] = ValueParser.Parse(message.GetTransportProperty(property), attribute.Type, attribute.Name);
                    continue;
                }

                var node = _paths[i]!.SelectSingle(context, out var found);
                if (!found || node is null)
                {
                    if (_failOnMissing)
                    {
                        throw new MappingException($"JSONPath '{_paths[i]}' of attribute '{attribute.Name}' finds no value in the message.");
                    }

                    continue;
                }

                row[i] = JsonValues.FromNode(node, attribute.Type, attribute.Name);
            }

            rows.Add(row);
        }
    }
}
