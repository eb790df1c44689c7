using System.Text;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>The shape of a message a source hands to its mapper.</summary>
public enum SourceMessageKind : byte
{
    /// <summary>Text (a file line, a TCP text frame).</summary>
    Text,

    /// <summary>UTF-8 or binary bytes (an HTTP body, a Kafka value).</summary>
    Bytes,

    /// <summary>An in-process object: events or rows for passThrough, a dictionary for keyvalue.</summary>
    Object,
}

/// <summary>
/// One message received by a source, before mapping: text, bytes or an object, plus the transport
/// properties mappers read as <c>trp:name</c> (HTTP headers, Kafka topic/partition/key, file path).
/// </summary>
public readonly struct SourceMessage
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly object? _value;

    public SourceMessage(string text, IReadOnlyDictionary<string, string?>? transport = null)
    {
        Kind = SourceMessageKind.Text;
        _text = text;
        Transport = transport;
    }

    public SourceMessage(ReadOnlyMemory<byte> bytes, IReadOnlyDictionary<string, string?>? transport = null)
    {
        Kind = SourceMessageKind.Bytes;
        _bytes = bytes;
        Transport = transport;
    }

    public SourceMessage(object value, IReadOnlyDictionary<string, string?>? transport = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case string s:
                Kind = SourceMessageKind.Text;
                _text = s;
                break;
            case byte[] b:
                Kind = SourceMessageKind.Bytes;
                _bytes = b;
                break;
            case ReadOnlyMemory<byte> m:
                Kind = SourceMessageKind.Bytes;
                _bytes = m;
                break;
            default:
                Kind = SourceMessageKind.Object;
                _value = value;
                break;
        }

        Transport = transport;
    }

    public SourceMessageKind Kind { get; }

    /// <summary>Transport properties (<c>trp:</c> values); null when the transport has none.</summary>
    public IReadOnlyDictionary<string, string?>? Transport { get; }

    /// <summary>The object of an <see cref="SourceMessageKind.Object"/> message.</summary>
    public object? Value => _value;

    /// <summary>True for an empty text or byte payload.</summary>
    public bool IsEmpty => Kind switch
    {
        SourceMessageKind.Text => string.IsNullOrEmpty(_text),
        SourceMessageKind.Bytes => _bytes.IsEmpty,
        _ => _value is null,
    };

    /// <summary>The payload as text (bytes decoded as UTF-8).</summary>
    public string GetText() => Kind switch
    {
        SourceMessageKind.Text => _text!,
        SourceMessageKind.Bytes => Encoding.UTF8.GetString(_bytes.Span),
        _ => _value as string ?? throw new MappingException($"The mapper needs text, but the message is a {_value?.GetType().Name}."),
    };

    /// <summary>The payload as UTF-8 bytes (text encoded).</summary>
    public ReadOnlyMemory<byte> GetUtf8() => Kind switch
    {
        SourceMessageKind.Bytes => _bytes,
        SourceMessageKind.Text => Encoding.UTF8.GetBytes(_text!),
        _ => _value is string s ? Encoding.UTF8.GetBytes(s) : throw new MappingException($"The mapper needs text or bytes, but the message is a {_value?.GetType().Name}."),
    };

    /// <summary>A transport property, or null.</summary>
    public string? GetTransportProperty(string name) =>
        Transport is not null && Transport.TryGetValue(name, out var value) ? value : null;

    /// <summary>The payload for error messages, shortened to <paramref name="max"/> characters.</summary>
    public string Describe(int max = 1024)
    {
        string text;
        try
        {
            text = Kind == SourceMessageKind.Object ? _value?.ToString() ?? "null" : GetText();
        }
        catch (Exception)
        {
            text = $"<{_bytes.Length} bytes>";
        }

        return text.Length <= max ? text : text[..max] + $"... ({text.Length} characters)";
    }
}
