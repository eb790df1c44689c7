using System.Text.Json;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Tests.Parsing;

/// <summary>
/// Parses every app of the shared conformance corpus: apps the reference engine accepted must give no
/// syntax error; apps it rejected with a SiddhiParserException should mostly give one (the rest are
/// semantic checks the binder makes).
/// </summary>
public sealed class CorpusParsingTests
{
    internal sealed record CorpusCase(string Id, string App, string? Error, IReadOnlyList<string> OnDemandQueries);

    internal static IReadOnlyList<CorpusCase>? LoadCorpus()
    {
        var path = RepositoryPaths.ConformanceCorpus;
        if (path is null)
        {
            return null;
        }

        var cases = new List<CorpusCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var error = root.GetProperty("error");
            var queries = new List<string>();
            if (root.TryGetProperty("steps", out var steps))
            {
                foreach (var step in steps.EnumerateArray())
                {
                    if (step.TryGetProperty("query", out var query))
                    {
                        queries.Add(query.GetString()!);
                    }
                }
            }

            cases.Add(new CorpusCase(root.GetProperty("id").GetString()!, root.GetProperty("app").GetString()!, error.ValueKind == JsonValueKind.Null ? null : error.GetString(), queries));
        }

        return cases;
    }

    private static IReadOnlyList<CorpusCase> CorpusOrIgnore() =>
        LoadCorpus() ?? throw new IgnoreException("The conformance corpus (../shared/conformance/siddhi-core.jsonl) is not present.");

    [Test]
    public void Every_accepted_corpus_app_parses_without_errors()
    {
        var accepted = CorpusOrIgnore().Where(c => c.Error is null).ToList();
        var failures = new List<string>();
        foreach (var corpusCase in accepted)
        {
            var result = SiddhiParser.ParseApp(corpusCase.Id + ".siddhi", corpusCase.App);
            if (!result.Diagnostics.IsEmpty)
            {
                failures.Add(corpusCase.Id + ": " + string.Join(" | ", result.Diagnostics));
            }
        }

        TestContext.Out.WriteLine($"accepted apps parsed without error: {accepted.Count - failures.Count}/{accepted.Count}");
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Every_corpus_on_demand_query_of_an_accepted_app_parses()
    {
        var queries = CorpusOrIgnore().Where(c => c.Error is null).SelectMany(c => c.OnDemandQueries).ToList();
        var failures = queries
            .Select(q => (Query: q, Result: SiddhiParser.ParseOnDemandQuery("query", q)))
            .Where(r => r.Result.Query is null || !r.Result.Diagnostics.IsEmpty)
            .Select(r => r.Query + ": " + string.Join(" | ", r.Result.Diagnostics))
            .ToList();
        TestContext.Out.WriteLine($"on-demand queries parsed: {queries.Count - failures.Count}/{queries.Count}");
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Apps_rejected_by_the_reference_parser_are_mostly_detected()
    {
        var rejected = CorpusOrIgnore().Where(c => c.Error is not null && c.Error.Contains("SiddhiParserException", StringComparison.Ordinal)).ToList();
        var detected = rejected.Where(c => SiddhiParser.ParseApp("x.siddhi", c.App).Diagnostics.Any(d => d.IsError)).ToList();
        foreach (var missed in rejected.Except(detected))
        {
            TestContext.Out.WriteLine("left to the binder: " + missed.Id + ": " + missed.Error);
        }

        TestContext.Out.WriteLine($"parser-rejected cases detected: {detected.Count}/{rejected.Count}");

        // Three of the eleven need semantic checks (an undefined aggregation, @app:playback values).
        Assert.That(detected, Has.Count.GreaterThanOrEqualTo(rejected.Count - 3));
    }
}
