using SiddhiGen.Conformance.Cases;
using SiddhiGen.Conformance.Values;

namespace SiddhiGen.Conformance.Execution;

/// <summary>Turns what an app produced for a case into the case's status and detail.</summary>
public static class CaseJudge
{
    public static CaseResult Judge(ConformanceCase testCase, ActualOutput actual)
    {
        if (testCase.IsRejected)
        {
            return actual.CreationFailed
                ? new CaseResult(testCase, CaseStatus.Pass, "rejected at " + actual.Error, actual)
                : new CaseResult(testCase, CaseStatus.Fail, $"the reference rejected the app ({FirstLine(testCase.Error)}) but it was created and started", actual);
        }

        if (actual.Error is not null)
        {
            return new CaseResult(testCase, CaseStatus.Error, actual.Error + ProcessingNote(actual), actual);
        }

        var difference = FirstDifference(testCase, actual);
        return difference is null
            ? new CaseResult(testCase, CaseStatus.Pass, null, actual)
            : new CaseResult(testCase, CaseStatus.Fail, difference + ProcessingNote(actual), actual);
    }

    /// <summary>The first expected stream, query or query step whose rows differ, or null when all match.</summary>
    public static string? FirstDifference(ConformanceCase testCase, ActualOutput actual)
    {
        var streams = actual.Streams;
        foreach (var expected in testCase.Expect.Streams)
        {
            var rows = streams.FirstOrDefault(s => s.Name == expected.Name).Rows ?? [];
            var difference = RowComparer.Compare($"stream '{expected.Name}'", expected.Rows, rows, testCase.Unordered, actual.SchemaOf(expected.Name));
            if (difference is not null)
            {
                return difference;
            }
        }

        var queries = actual.Queries;
        foreach (var expected in testCase.Expect.Queries)
        {
            var query = queries.FirstOrDefault(q => q.Name == expected.Name);
            var difference =
                RowComparer.Compare($"query '{expected.Name}' in", expected.In, query.In ?? [], testCase.Unordered)
                ?? RowComparer.Compare($"query '{expected.Name}' removed", expected.Removed, query.Removed ?? [], testCase.Unordered);
            if (difference is not null)
            {
                return difference;
            }
        }

        var results = actual.Results;
        var queryStep = 0;
        foreach (var step in testCase.Steps.Where(s => s.Kind == StepKind.Query))
        {
            var rows = queryStep < results.Count ? results[queryStep] : [];
            queryStep++;
            var difference = RowComparer.Compare($"query step {queryStep} (t={step.T}, '{Shorten(step.Target)}')", step.Rows, rows, testCase.Unordered);
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    private static string ProcessingNote(ActualOutput actual) =>
        actual.ProcessingErrors == 0
            ? ""
            : $" [the app dropped {actual.ProcessingErrors} event(s) on errors; first: {actual.FirstLoggedError}]";

    private static string FirstLine(string? text) => Shorten((text ?? "").Split('\n')[0]);

    private static string Shorten(string text)
    {
        text = text.Trim();
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
