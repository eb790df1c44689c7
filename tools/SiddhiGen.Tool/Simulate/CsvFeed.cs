using System.Globalization;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors.Mapping;

namespace SiddhiGen.Tool.Simulate;

/// <summary>One simulated event: its row and, from a timestamp column, its timestamp.</summary>
public readonly record struct SimulatedEvent(object?[] Row, long? Timestamp);

/// <summary>
/// WSO2's CSV feed: each line an event. <c>--columns</c> maps the stream's attributes, in order, to CSV
/// columns (0-based indexes, or header names with <c>--header</c>); by default attribute i is column i.
/// <c>--timestamp-column</c> names the column holding the event time in epoch milliseconds (the feed is
/// then paced by the differences); <c>--loop N</c> replays the file N times (0: until stopped). Fields are
/// parsed with the runtime's csv rules, so a bad value stops the feed with the line number.
/// </summary>
public sealed class CsvFeed(string path, StreamSchema schema, char delimiter, bool header, string? columns, string? timestampColumn, long loops)
{
    public IEnumerable<SimulatedEvent> Events()
    {
        var lines = File.ReadAllLines(path);
        var record = new CsvRecord(delimiter);
        var first = 0;
        string[] names = [];
        if (header && lines.Length > 0)
        {
            record.Reset(lines[0]);
            names = [.. Enumerable.Range(0, record.Count).Select(i => record.GetString(i, "header") ?? string.Empty)];
            first = 1;
        }

        var map = Columns(names);
        var timestamp = timestampColumn is null ? (int?)null : Column(timestampColumn, names, "--timestamp-column");
        for (long pass = 0; loops == 0 || pass < loops; pass++)
        {
            for (var lineNo = first; lineNo < lines.Length; lineNo++)
            {
                if (string.IsNullOrWhiteSpace(lines[lineNo]))
                {
                    continue;
                }

                record.Reset(lines[lineNo]);
                var row = new object?[schema.Attributes.Length];
                long? time = null;
                try
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        var attribute = schema.Attributes[i];
                        row[i] = ValueParser.Parse(record.GetString(map[i], attribute.Name), attribute.Type, attribute.Name);
                    }

                    if (timestamp is { } t)
                    {
                        time = ValueParser.ParseLong(record.GetSpan(t, "timestamp"), "timestamp");
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    throw new SimulationException($"{path}({(lineNo + 1).ToString(CultureInfo.InvariantCulture)}): {ex.Message}");
                }

                yield return new SimulatedEvent(row, time);
            }
        }
    }

    private int[] Columns(string[] names)
    {
        if (columns is null)
        {
            return [.. Enumerable.Range(0, schema.Attributes.Length)];
        }

        var parts = columns.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != schema.Attributes.Length)
        {
            throw new UsageException($"--columns names {parts.Length} column(s) but stream '{schema.Name}' has {schema.Attributes.Length} attribute(s).");
        }

        return [.. parts.Select(p => Column(p, names, "--columns"))];
    }

    private static int Column(string text, string[] names, string option)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0)
        {
            return index;
        }

        var named = Array.IndexOf(names, text);
        return named >= 0 ? named : throw new UsageException($"{option}: '{text}' is neither a column index nor a header name (use --header to name columns).");
    }
}
