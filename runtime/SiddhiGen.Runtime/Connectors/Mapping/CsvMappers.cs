using System.Text;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>Reads one event from a CSV line (generated per stream with a csv source, so reading never boxes).</summary>
public delegate T CsvEventReader<T>(CsvRecord record);

/// <summary>Writes one event as CSV fields (generated per stream with a csv sink).</summary>
public delegate void CsvEventWriter<T>(CsvRecordWriter writer, in T e);

/// <summary>
/// The csv source mapper: each non-empty line of the message is an event (<c>WSO2,55.6,100</c>);
/// <c>delimiter</c> (default <c>,</c>), <c>header.present</c> skips the message's first line,
/// <c>fail.on.unknown.attribute</c> (default true) rejects a line whose field cannot be read, and
/// <c>@attributes(symbol='2', price='0')</c> picks columns by index.
/// </summary>
public sealed class CsvSourceMapper<T> : ISourceMapper<T>
{
    private readonly CsvEventReader<T> _read;
    private readonly char _delimiter;
    private readonly bool _headerPresent;
    private readonly bool _failOnUnknown;

    public CsvSourceMapper(MapperContext context, CsvEventReader<T>? read, Func<object?[], T> fromRow)
    {
        _delimiter = Delimiter(context.Options);
        _headerPresent = context.Options.GetBool("header.present", false);
        _failOnUnknown = context.Options.GetBool("fail.on.unknown.attribute", true);
        if (read is not null)
        {
            _read = read;
        }
        else
        {
            var schema = context.Schema;
            var columns = Columns(context);
            _read = record =>
            {
                var row = new object?[schema.Attributes.Length];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = record.Get(columns[i], schema.Attributes[i].Type, schema.Attributes[i].Name);
                }

                return fromRow(row);
            };
        }
    }

    public void Map(in SourceMessage message, List<T> events)
    {
        var text = message.GetText();
        var record = new CsvRecord(_delimiter, _failOnUnknown);
        var first = true;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimEnd('\r');
            if (first && _headerPresent)
            {
                first = false;
                continue;
            }

            first = false;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            record.Reset(line.ToString());
            events.Add(_read(record));
        }
    }

    internal static char Delimiter(ConnectorOptions options)
    {
        var delimiter = options.Get("delimiter", ",");
        return delimiter.Length == 1 ? delimiter[0]
            : delimiter == "\\t" ? '\t'
            : throw new ConnectorConfigurationException($"The csv delimiter must be one character, not '{delimiter}'.");
    }

    /// <summary>The column of each attribute: its position, or the index given in <c>@attributes</c>.</summary>
    internal static int[] Columns(MapperContext context)
    {
        var mappings = context.AttributeMappings();
        var columns = new int[context.Schema.Attributes.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = mappings?[i] is { } m
                ? int.TryParse(m, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var c) && c >= 0
                    ? c
                    : throw new ConnectorConfigurationException($"@attributes of the csv mapper must be column indexes, not '{m}'.")
                : i;
        }

        return columns;
    }
}

/// <summary>
/// The csv sink mapper: one line per event, fields joined by <c>delimiter</c>, a line separator after
/// each; <c>header='true'</c> writes the attribute names first (once); <c>@payload(symbol='0', ...)</c>
/// places attributes at output positions.
/// </summary>
public sealed class CsvSinkMapper<T> : ISinkMapper<T>
{
    private readonly CsvEventWriter<T> _write;
    private readonly char _delimiter;
    private readonly string? _header;
    private int _headerWritten;

    public CsvSinkMapper(MapperContext context, CsvEventWriter<T>? write, Func<T, object?[]> toRow)
    {
        _delimiter = CsvSourceMapper<T>.Delimiter(context.Options);
        GroupsEvents = context.Options.GetBool("event.grouping.enabled", true);
        var schema = context.Schema;
        var order = Enumerable.Range(0, schema.Attributes.Length).ToArray();
        if (context.Spec.Payload.Count > 0)
        {
            var positions = new List<(int Position, int Attribute)>();
            foreach (var (key, value) in context.Spec.Payload)
            {
                var attribute = schema.IndexOf(key);
                if (attribute < 0 || !int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var position))
                {
                    throw new ConnectorConfigurationException($"@payload of the csv mapper needs attribute='position' pairs; '{key}'='{value}' is not one.");
                }

                positions.Add((position, attribute));
            }

            order = positions.OrderBy(p => p.Position).Select(p => p.Attribute).ToArray();
        }

        if (context.Options.GetBool("header", false))
        {
            _header = string.Join(_delimiter, order.Select(i => schema.Attributes[i].Name));
        }

        _write = write ?? ((CsvRecordWriter w, in T e) =>
        {
            var row = toRow(e);
            foreach (var i in order)
            {
                w.Write(row[i]);
            }
        });
    }

    public bool GroupsEvents { get; }

    public object Map(ReadOnlySpan<StreamEvent<T>> events)
    {
        var sb = new StringBuilder();
        if (_header is not null && Interlocked.Exchange(ref _headerWritten, 1) == 0)
        {
            sb.Append(_header).Append('\n');
        }

        var writer = new CsvRecordWriter(sb, _delimiter);
        foreach (ref readonly var e in events)
        {
            writer.BeginLine();
            _write(writer, in e.Data);
            sb.Append('\n');
        }

        return sb.ToString();
    }
}
