using SiddhiGen.Generator.Binding;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Parsing;
using SiddhiGen.Generator.Tests.Parsing;

namespace SiddhiGen.Generator.Tests.Binding;

/// <summary>
/// Binds every app of the conformance corpus: apps the reference accepted bind with nothing worse than
/// 'not supported yet'; no query or partition is dropped without a diagnostic inside it; apps the reference
/// rejected get an error of their own (issue target: at least 95 %).
/// </summary>
public sealed class CorpusBindingTests
{
    private static IReadOnlyList<CorpusParsingTests.CorpusCase> Corpus() =>
        CorpusParsingTests.LoadCorpus() ?? throw new IgnoreException("The conformance corpus is not present.");

    private static (BoundApp? App, IReadOnlyList<DiagnosticInfo> Diagnostics, AppSyntax Syntax) Bind(string text)
    {
        var parsed = SiddhiParser.ParseApp("App.siddhi", text);
        if (!parsed.Diagnostics.IsEmpty)
        {
            return (null, parsed.Diagnostics, parsed.App);
        }

        var context = new BindingContext("App.siddhi", text);
        return (AppBinder.Inspect(context, parsed.App, "App.siddhi"), context.Diagnostics, parsed.App);
    }

    [Test]
    public void Accepted_apps_get_no_error_but_not_supported_yet()
    {
        var failures = new List<string>();
        foreach (var corpusCase in Corpus().Where(c => c.Error is null))
        {
            // Connector parameters (SIDDHI080-089) are checked by the connector tests.
            var errors = Bind(corpusCase.App).Diagnostics
                .Where(d => d.IsError && d.Id != DiagnosticDescriptors.NotSupportedYet.Id && string.CompareOrdinal(d.Id, "SIDDHI081") < 0)
                .ToList();
            if (errors.Count > 0)
            {
                failures.Add(corpusCase.Id + ": " + string.Join(" | ", errors));
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void No_query_or_partition_is_dropped_without_a_diagnostic_inside_it()
    {
        var failures = new List<string>();
        foreach (var corpusCase in Corpus().Where(c => c.Error is null))
        {
            var (app, diagnostics, syntax) = Bind(corpusCase.App);
            if (app is null)
            {
                continue;
            }

            foreach (var element in syntax.ExecutionElements)
            {
                if (element is PartitionSyntax partition)
                {
                    var bound = app.Partitions.FirstOrDefault(p => p.Text == syntax.GetText(partition).Trim());
                    if (bound is null && !diagnostics.Any(d => Inside(d, partition) && d.Location!.Span.Start != partition.Span.Start))
                    {
                        failures.Add(corpusCase.Id + ": partition dropped silently");
                    }

                    foreach (var inner in partition.Queries)
                    {
                        if (bound is not null && !bound.Queries.Any(q => q.Text == syntax.GetText(inner).Trim()) && !diagnostics.Any(d => Inside(d, inner)))
                        {
                            failures.Add(corpusCase.Id + ": partition query dropped silently: " + syntax.GetText(inner));
                        }
                    }
                }
                else if (!app.Queries.Any(q => q.Text == syntax.GetText(element).Trim()) && !diagnostics.Any(d => Inside(d, element)))
                {
                    failures.Add(corpusCase.Id + ": query dropped silently: " + syntax.GetText(element));
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void At_least_95_percent_of_rejected_apps_get_an_error_of_their_own()
    {
        var rejected = Corpus().Where(c => c.Error is not null).ToList();
        var missed = rejected
            .Where(c => !Bind(c.App).Diagnostics.Any(d => d.IsError && d.Id != DiagnosticDescriptors.NotSupportedYet.Id))
            .Select(c => c.Id)
            .ToList();

        Assert.That(rejected.Count - missed.Count, Is.GreaterThanOrEqualTo((int)Math.Ceiling(rejected.Count * 0.95)), "missed: " + string.Join(", ", missed));
    }

    private static bool Inside(DiagnosticInfo diagnostic, SyntaxNode node) =>
        diagnostic.Location is { } location && location.Span.Start >= node.Span.Start && location.Span.Start <= node.Span.End;
}
