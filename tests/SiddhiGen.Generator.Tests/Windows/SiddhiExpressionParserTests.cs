using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Tests.Windows;

/// <summary>The standalone-expression entry used for window conditions (Siddhi's <c>parseExpression</c>).</summary>
public sealed class SiddhiExpressionParserTests
{
    [Test]
    public void ParsesOneExpressionWithSpansInTheText()
    {
        var result = SiddhiExpressionParser.Parse("x.siddhi", "last.volume - first.volume <= 2");

        Assert.That(result.Diagnostics, Is.Empty);
        var comparison = (BinaryExpressionSyntax)result.Expression!;
        var difference = (BinaryExpressionSyntax)comparison.Left;
        var last = (AttributeReferenceExpressionSyntax)difference.Left;
        Assert.Multiple(() =>
        {
            Assert.That(comparison.Operator, Is.EqualTo(BinaryOperator.LessThanOrEqual));
            Assert.That(last.Qualifier!.Name.Text, Is.EqualTo("last"));
            Assert.That(last.Name.Text, Is.EqualTo("volume"));
            Assert.That((comparison.Span.Start, comparison.Span.End), Is.EqualTo((0, 31)));
        });
    }

    [TestCase("count() < 2 volume", "Expected the end of the expression after 'count() < 2', found 'volume'", 12)]
    [TestCase("", "Expected an expression here, found the end of the app", 0)]
    [TestCase("   ", "Expected an expression here, found the end of the app", 3)]
    [TestCase("sum(price", "Expected ',' or ')' in the arguments of 'sum', found the end of the app", 9)]
    public void ReportsWhatIsNotExactlyOneExpression(string text, string message, int start)
    {
        var result = SiddhiExpressionParser.Parse("x.siddhi", text);

        Assert.That(result.Expression, Is.Null);
        Assert.That(result.HasErrors, Is.True);
        var diagnostic = result.Diagnostics[0];
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("SIDDHI010"));
            Assert.That(diagnostic.Message, Is.EqualTo(message));
            Assert.That(diagnostic.Location!.Span.Start, Is.EqualTo(start));
            Assert.That(diagnostic.Location.FilePath, Is.EqualTo("x.siddhi"));
        });
    }
}
