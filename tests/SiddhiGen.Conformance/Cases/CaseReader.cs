using System.Collections.Immutable;
using System.Text.Json;

namespace SiddhiGen.Conformance.Cases;

/// <summary>Reads conformance cases from JSON Lines files, one case per line.</summary>
public static class CaseReader
{
    /// <summary>Reads every case of <paramref name="paths"/> in order; indexes run on across files.</summary>
    /// <exception cref="FormatException">A line is not a valid case; the message names the file and line.</exception>
    public static List<ConformanceCase> ReadFiles(IEnumerable<string> paths)
    {
        var cases = new List<ConformanceCase>();
        foreach (var path in paths)
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    cases.Add(Parse(line, cases.Count));
                }
                catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
                {
                    throw new FormatException($"{path}({lineNumber}): not a valid case: {ex.Message}", ex);
                }
            }
        }

        return cases;
    }

    /// <summary>Parses one case line.</summary>
    public static ConformanceCase Parse(string json, int index = 0)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        return new ConformanceCase(
            Index: index,
            Id: root.GetProperty("id").GetString() ?? throw new FormatException("'id' is null."),
            Area: root.TryGetProperty("area", out var area) ? area.GetString() ?? "" : "",
            App: root.GetProperty("app").GetString() ?? "",
            Base: root.TryGetProperty("base", out var b) ? b.GetInt64() : 0,
            Steps: root.TryGetProperty("steps", out var steps) ? [.. steps.EnumerateArray().Select(ParseStep)] : [],
            End: root.TryGetProperty("end", out var end) ? end.GetInt64() : 0,
            Expect: root.TryGetProperty("expect", out var expect) && expect.ValueKind == JsonValueKind.Object ? ParseExpect(expect) : Expectations.None,
            Error: root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null ? error.ToString() : null,
            Unordered: root.TryGetProperty("unordered", out var unordered) && unordered.ValueKind == JsonValueKind.True);
    }

    private static CaseStep ParseStep(JsonElement step)
    {
        var t = step.GetProperty("t").GetInt64();
        if (step.TryGetProperty("send", out var send))
        {
            var stream = send.GetString() ?? throw new FormatException("'send' is null.");
            if (step.TryGetProperty("batch", out var batch))
            {
                return new CaseStep(t, StepKind.SendChunk, stream, ParseRows(batch));
            }

            return new CaseStep(t, StepKind.Send, stream, [ParseRow(step.GetProperty("data"))]);
        }

        if (step.TryGetProperty("query", out var query))
        {
            var result = step.TryGetProperty("result", out var r) ? ParseRows(r) : [];
            return new CaseStep(t, StepKind.Query, query.GetString() ?? "", result);
        }

        throw new FormatException($"Step {step} is neither a send nor a query.");
    }

    private static Expectations ParseExpect(JsonElement expect)
    {
        var streams = ImmutableArray.CreateBuilder<ExpectedStream>();
        if (expect.TryGetProperty("streams", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            foreach (var stream in s.EnumerateObject())
            {
                streams.Add(new ExpectedStream(stream.Name, ParseRows(stream.Value)));
            }
        }

        var queries = ImmutableArray.CreateBuilder<ExpectedQuery>();
        if (expect.TryGetProperty("queries", out var q) && q.ValueKind == JsonValueKind.Object)
        {
            foreach (var query in q.EnumerateObject())
            {
                var inRows = query.Value.TryGetProperty("in", out var i) ? ParseRows(i) : [];
                var removed = query.Value.TryGetProperty("removed", out var r) ? ParseRows(r) : [];
                queries.Add(new ExpectedQuery(query.Name, inRows, removed));
            }
        }

        return new Expectations(streams.ToImmutable(), queries.ToImmutable());
    }

    private static ImmutableArray<ImmutableArray<JsonElement>> ParseRows(JsonElement rows) =>
        rows.ValueKind == JsonValueKind.Null ? [] : [.. rows.EnumerateArray().Select(ParseRow)];

    private static ImmutableArray<JsonElement> ParseRow(JsonElement row) => [.. row.EnumerateArray()];
}
