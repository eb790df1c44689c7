using System.Text.Encodings.Web;
using System.Text.Json;
using SiddhiGen.Conformance.Cases;
using SiddhiGen.Conformance.Execution;
using SiddhiGen.Conformance.Values;

namespace SiddhiGen.Conformance.Reporting;

/// <summary>
/// Writes the machine-readable outputs of design.md section 5: <c>--report</c> (one status per case)
/// and <c>--actual</c> (what our engine produced, in the case format's shape).
/// </summary>
public static class ReportWriter
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"cases":[{"id","area","status","detail"}]}</c></summary>
    public static void WriteReport(string path, IReadOnlyList<CaseResult> results)
    {
        using var file = File.Create(path);
        using var writer = new Utf8JsonWriter(file, s_options with { Indented = true });
        writer.WriteStartObject();
        writer.WriteStartArray("cases");
        foreach (var result in results)
        {
            writer.WriteStartObject();
            writer.WriteString("id", result.Case.Id);
            writer.WriteString("area", result.Case.Area);
            writer.WriteString("status", CaseResult.StatusName(result.Status));
            writer.WriteString("detail", result.Detail);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>One line per case: <c>{"id", "expect": {"streams", "queries"}, "results", "error"}</c>.</summary>
    public static void WriteActual(string path, IReadOnlyList<CaseResult> results)
    {
        using var file = new StreamWriter(path);
        foreach (var result in results)
        {
            file.WriteLine(ActualLine(result.Case, result.Actual));
        }
    }

    public static string ActualLine(ConformanceCase testCase, ActualOutput actual)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            writer.WriteStartObject();
            writer.WriteString("id", testCase.Id);
            writer.WriteStartObject("expect");
            writer.WriteStartObject("streams");
            foreach (var (name, rows) in actual.Streams)
            {
                writer.WritePropertyName(name);
                JsonValues.WriteRows(writer, rows);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("queries");
            foreach (var (name, inRows, removed) in actual.Queries)
            {
                writer.WriteStartObject(name);
                writer.WritePropertyName("in");
                JsonValues.WriteRows(writer, inRows);
                writer.WritePropertyName("removed");
                JsonValues.WriteRows(writer, removed);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("results");
            foreach (var rows in actual.Results)
            {
                JsonValues.WriteRows(writer, rows);
            }

            writer.WriteEndArray();
            writer.WriteString("error", actual.Error);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
