using System.Text;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>
/// One CSV line split into fields (quotes as in RFC 4180: <c>"a,b"</c>, <c>""</c> for a quote). Typed
/// getters parse a field straight from the line, so numbers are read without strings or boxes.
/// An empty field is null.
/// </summary>
public sealed class CsvRecord
{
    private readonly char _delimiter;
    private readonly bool _failOnUnknown;
    private string _line = string.Empty;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private bool[] _quoted = new bool[16];

    public CsvRecord(char delimiter, bool failOnUnknownAttribute = true)
    {
        _delimiter = delimiter;
        _failOnUnknown = failOnUnknownAttribute;
    }

    /// <summary>How many fields the line has.</summary>
    public int Count { get; private set; }

    /// <summary>The line being read.</summary>
    public string Line => _line;

    /// <summary>Splits <paramref name="line"/> into fields.</summary>
    public void Reset(string line)
    {
        _line = line;
        Count = 0;
        var i = 0;
        while (true)
        {
            if (Count == _starts.Length)
            {
                Array.Resize(ref _starts, Count * 2);
                Array.Resize(ref _lengths, Count * 2);
                Array.Resize(ref _quoted, Count * 2);
            }

            if (i < line.Length && line[i] == '"')
            {
                var start = ++i;
                while (i < line.Length && !(line[i] == '"' && (i + 1 >= line.Length || line[i + 1] != '"')))
                {
                    i += line[i] == '"' ? 2 : 1;
                }

                if (i >= line.Length)
                {
                    throw new MappingException("The CSV line has an unclosed quote: " + line);
                }

                _starts[Count] = start;
                _lengths[Count] = i - start;
                _quoted[Count] = true;
                Count++;
                i++; // closing quote
                while (i < line.Length && line[i] != _delimiter)
                {
                    i++;
                }
            }
            else
            {
                var start = i;
                while (i < line.Length && line[i] != _delimiter)
                {
                    i++;
                }

                _starts[Count] = start;
                _lengths[Count] = i - start;
                _quoted[Count] = false;
                Count++;
            }

            if (i >= line.Length)
            {
                break;
            }

            i++; // delimiter
        }
    }

    public ReadOnlySpan<char> GetSpan(int index, string attribute)
    {
        if ((uint)index >= (uint)Count)
        {
            if (_failOnUnknown)
            {
                throw new MappingException($"The CSV line has {Count} fields, so attribute '{attribute}' (field {index}) has no value: {_line}");
            }

            return default;
        }

        return _line.AsSpan(_starts[index], _lengths[index]);
    }

    public string? GetString(int index, string attribute)
    {
        var span = GetSpan(index, attribute);
        if (span.IsEmpty && !((uint)index < (uint)Count && _quoted[index]))
        {
            return null;
        }

        return _quoted[index] && span.Contains('"') ? span.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : span.ToString();
    }

    public int? GetInt(int index, string attribute) => Parse(index, attribute, static (s, a) => ValueParser.ParseInt(s, a));

    public long? GetLong(int index, string attribute) => Parse(index, attribute, static (s, a) => ValueParser.ParseLong(s, a));

    public float? GetFloat(int index, string attribute) => Parse(index, attribute, static (s, a) => ValueParser.ParseFloat(s, a));

    public double? GetDouble(int index, string attribute) => Parse(index, attribute, static (s, a) => ValueParser.ParseDouble(s, a));

    public bool? GetBool(int index, string attribute) => Parse(index, attribute, static (s, a) => ValueParser.ParseBool(s, a));

    public object? GetObject(int index, string attribute) => GetString(index, attribute);

    /// <summary>A field as the attribute's type (the row path).</summary>
    public object? Get(int index, SiddhiType type, string attribute) => type switch
    {
        SiddhiType.String or SiddhiType.Object => GetString(index, attribute),
        SiddhiType.Int => GetInt(index, attribute),
        SiddhiType.Long => GetLong(index, attribute),
        SiddhiType.Float => GetFloat(index, attribute),
        SiddhiType.Double => GetDouble(index, attribute),
        _ => GetBool(index, attribute),
    };

    private delegate TValue SpanParser<TValue>(ReadOnlySpan<char> text, string attribute);

    private TValue? Parse<TValue>(int index, string attribute, SpanParser<TValue> parse)
        where TValue : struct
    {
        var span = GetSpan(index, attribute);
        if (span.IsWhiteSpace() || span.SequenceEqual("null"))
        {
            return null;
        }

        try
        {
            return parse(span, attribute);
        }
        catch (MappingException) when (!_failOnUnknown)
        {
            return null;
        }
    }
}

/// <summary>Writes one CSV line: fields joined by the delimiter, quoted when they hold it, quotes or line breaks.</summary>
public sealed class CsvRecordWriter
{
    private readonly StringBuilder _sb;
    private readonly char _delimiter;
    private bool _first = true;

    public CsvRecordWriter(StringBuilder sb, char delimiter)
    {
        _sb = sb;
        _delimiter = delimiter;
    }

    internal void BeginLine() => _first = true;

    public void Write(string? value)
    {
        Separator();
        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(_delimiter, '"', '\n') >= 0 || value.Contains('\r'))
        {
            _sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            _sb.Append(value);
        }
    }

    public void Write(int? value)
    {
        Separator();
        if (value is { } v)
        {
            _sb.Append(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Write(long? value)
    {
        Separator();
        if (value is { } v)
        {
            _sb.Append(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Write(float? value)
    {
        Separator();
        if (value is { } v)
        {
            _sb.Append(SiddhiValues.Format(v));
        }
    }

    public void Write(double? value)
    {
        Separator();
        if (value is { } v)
        {
            _sb.Append(SiddhiValues.Format(v));
        }
    }

    public void Write(bool? value)
    {
        Separator();
        if (value is { } v)
        {
            _sb.Append(v ? "true" : "false");
        }
    }

    public void Write(object? value)
    {
        if (value is null or string)
        {
            Write((string?)value);
        }
        else
        {
            Write(SiddhiValues.Format(value));
        }
    }

    private void Separator()
    {
        if (!_first)
        {
            _sb.Append(_delimiter);
        }

        _first = false;
    }
}
