using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Runtime.Tests.Evaluator;

/// <summary>
/// The generator's parser and binder compiled into the runtime ("one grammar"): they stay internal, and the Roslyn
/// shims they run on locate diagnostics as Roslyn does.
/// </summary>
public sealed class SharedSourceTests
{
    [Test]
    public void TheGeneratorsTypesAndTheShimsAreInternalToTheRuntime()
    {
        var exposed = typeof(SiddhiApp).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is { } ns && (ns.StartsWith("SiddhiGen.Generator", StringComparison.Ordinal) || ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
            .Select(t => t.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(exposed, Is.Empty);
            Assert.That(typeof(SiddhiParser).Assembly, Is.SameAs(typeof(SiddhiApp).Assembly));
        });
    }

    [Test]
    public void ParseErrorsAreLocatedOnTheirLineAndColumn()
    {
        // 'select' is a valid name (keywords are), so 'price > select' parses and 'a' is the error.
        var result = SiddhiParser.ParseOnDemandQuery("query", "from W\r\non price >\nselect a");
        var error = result.Diagnostics.Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Id, Is.EqualTo("SIDDHI010"));
            Assert.That((error.Location!.Line, error.Location.Column), Is.EqualTo((3, 8)));
            Assert.That(error.ToString(), Is.EqualTo("query(3,8): SIDDHI010: Expected the end of the query after the on-demand query, found 'a'"));
        });
    }

    [Test]
    public void LinePositionsFollowRoslynsLineBreaks()
    {
        var lines = SourceText.From("a\r\nb\nc\rd").Lines;

        Assert.Multiple(() =>
        {
            Assert.That(lines.Count, Is.EqualTo(4));
            Assert.That(lines.GetLinePosition(0), Is.EqualTo(new LinePosition(0, 0)));
            Assert.That(lines.GetLinePosition(2), Is.EqualTo(new LinePosition(0, 2)));
            Assert.That(lines.GetLinePosition(3), Is.EqualTo(new LinePosition(1, 0)));
            Assert.That(lines.GetLinePosition(7), Is.EqualTo(new LinePosition(3, 0)));
            Assert.That(lines.GetLinePositionSpan(TextSpan.FromBounds(5, 8)), Is.EqualTo(new LinePositionSpan(new(2, 0), new(3, 1))));
        });
    }
}
