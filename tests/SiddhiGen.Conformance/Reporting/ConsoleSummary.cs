using System.Globalization;
using System.Text.RegularExpressions;
using SiddhiGen.Conformance.Execution;

namespace SiddhiGen.Conformance.Reporting;

/// <summary>
/// Prints the run's outcome. First a compact summary for deciding what to build next (status counts,
/// the most common 'not supported yet' messages, the most common errors and failures); the contract
/// lines come last: one line per area, <c>with output: p/t</c>, and finally <c>conformance: p/t cases match</c>.
/// </summary>
public static partial class ConsoleSummary
{
    public static void PrintSummary(IReadOnlyList<CaseResult> results, TextWriter writer)
    {
        var counts = Enum.GetValues<CaseStatus>().Select(s => $"{CaseResult.StatusName(s)} {results.Count(r => r.Status == s)}");
        writer.WriteLine("statuses: " + string.Join(", ", counts));
        PrintTop(writer, "unsupported", results.Where(r => r.Status == CaseStatus.Unsupported).Select(r => r.Detail ?? ""), 15);
        PrintTop(writer, "error", results.Where(r => r.Status == CaseStatus.Error).Select(r => Category(r.Detail)), 10);
        PrintTop(writer, "fail", results.Where(r => r.Status == CaseStatus.Fail).Select(r => FailCategory(r.Detail)), 5);
        PrintTop(writer, "C# warning in generated code", results.Where(r => r.CompileWarning is not null).Select(r => Category("warning: " + r.CompileWarning)), 5);
    }

    public static void PrintContractLines(IReadOnlyList<CaseResult> results, TextWriter writer)
    {
        foreach (var area in results.GroupBy(r => r.Case.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            writer.WriteLine($"area {area.Key}: {area.Count(r => r.Passed)}/{area.Count()}");
        }

        var withOutput = results.Where(r => !r.Case.IsRejected && r.Case.HasExpectedRows).ToList();
        writer.WriteLine($"with output: {withOutput.Count(r => r.Passed)}/{withOutput.Count}");
        writer.WriteLine($"conformance: {results.Count(r => r.Passed)}/{results.Count} cases match");
    }

    /// <summary>Groups error details by their first two parts: <c>compile: CS0103</c>, <c>runtime at step 2 ...: NullReferenceException</c>.</summary>
    public static string Category(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return "(no detail)";
        }

        var first = detail.IndexOf(": ", StringComparison.Ordinal);
        if (first < 0)
        {
            return detail;
        }

        var head = detail[..first];
        if (head.StartsWith("runtime at ", StringComparison.Ordinal))
        {
            head = "runtime";
        }

        var rest = detail[(first + 2)..];
        var second = rest.IndexOf(':', StringComparison.Ordinal);
        var kind = second < 0 ? Truncate(rest, 70) : rest[..second];
        return head + ": " + Position().Replace(kind, "");
    }

    private static string FailCategory(string? detail)
    {
        if (detail is null)
        {
            return "(no detail)";
        }

        if (detail.StartsWith("rejected a valid app: ", StringComparison.Ordinal))
        {
            return Category(detail);
        }

        if (detail.StartsWith("the reference rejected", StringComparison.Ordinal))
        {
            return "accepted an app the reference rejected";
        }

        return detail.Contains("expected 0 rows", StringComparison.Ordinal) ? "extra rows"
            : detail.Contains(" but got 0;", StringComparison.Ordinal) ? "no rows"
            : "different rows";
    }

    private static void PrintTop(TextWriter writer, string what, IEnumerable<string> keys, int top)
    {
        var groups = keys.GroupBy(k => k, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (groups.Count == 0)
        {
            return;
        }

        writer.WriteLine($"{what}: {groups.Sum(g => g.Count())} cases, {groups.Count} kinds, top {Math.Min(top, groups.Count)}:");
        foreach (var group in groups.Take(top))
        {
            writer.WriteLine($"  {group.Count().ToString(CultureInfo.InvariantCulture),5}  {Truncate(group.Key, 150)}");
        }
    }

    /// <summary>A diagnostic's <c>(line,column)</c>, dropped so equal problems group together.</summary>
    [GeneratedRegex(@"\s*\(\d+,\d+\)")]
    private static partial Regex Position();

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 3)] + "...";
}
