namespace SiddhiGen.Runtime.Tests;

public sealed class ExpressionWindowTests
{
    private static WindowHarness Create<TExpression>(TExpression expression)
        where TExpression : struct, IWindowExpression<TestEvent>
        => WindowHarness.Create((clock, _) => new ExpressionWindow<TestEvent, TExpression>(clock, expression));

    [Test]
    public void ExpiresTheOldestWhileTheExpressionIsFalse()
    {
        var h = Create(new CountAtMost(2));
        h.SendEach(0, "A", "B", "C");
        h.Send(0, new("D"), new("E"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A +C", "-B +D -C +E" }));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "D", "E" }));
    }

    [Test]
    public void ExpiresAsManyAsNeededForTheExpressionToHold()
    {
        var h = Create(new SumPriceBelow(10));
        h.Send(0, new TestEvent("A", 3));
        h.Send(0, new TestEvent("B", 4));
        h.Send(0, new TestEvent("C", 8));
        Assert.That(h.Log.Last(), Is.EqualTo("-A -B +C"));
    }

    [Test]
    public void ExpiresTheArrivalItselfWhenNothingElseHelps()
    {
        var h = Create(new SumPriceBelow(10));
        h.Send(0, new TestEvent("A", 3));
        h.Send(0, new TestEvent("B", 50));
        Assert.That(h.Log.Last(), Is.EqualTo("-A -B +B"));
        Assert.That(h.Window.Contents.IsEmpty, Is.True);
    }

    [Test]
    public void FirstAndLastAreTheOldestAndNewestEvents()
    {
        var h = Create(new SpanBelow(1000));
        h.Send(0, new TestEvent("A"));
        h.Send(500, new TestEvent("B"));
        h.Send(1200, new TestEvent("C"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A +C" }));
        Assert.That(h.Chunks[2].Events[0].Timestamp, Is.EqualTo(1200));
    }

    [Test]
    public void ANewDynamicExpressionReevaluatesTheContents()
    {
        var h = Create(default(DynamicSumBelow));
        h.Send(0, new TestEvent("A", 10, Volume: 40));
        h.Send(0, new TestEvent("B", 10, Volume: 40));
        h.Send(0, new TestEvent("C", 10, Volume: 40));
        h.Send(0, new TestEvent("D", 10, Volume: 25));
        // With the limit at 25, A..C are re-evaluated from scratch (C pushes A out), then D pushes B out.
        Assert.That(h.Log.Last(), Is.EqualTo("-A -B +D"));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "C", "D" }));
    }

    /// <summary>Corpus query.window.ExpressionWindowTestCase: expression('count() &lt;= 2'), insert all events.</summary>
    [Test]
    public void Corpus_CountAtMostTwo()
    {
        var h = Create(new CountAtMost(2));
        h.SendEach(0, "IBM0", "WSO21", "WSO22", "WSO23", "WSO24");
        Assert.That(h.Rows, Is.EqualTo(new[] { "+IBM0", "+WSO21", "-IBM0", "+WSO22", "-WSO21", "+WSO23", "-WSO22", "+WSO24" }));
    }

    /// <summary>Corpus #expressionWindowTest13: expression(expr) where expr goes from 'sum(price) &lt; 30' to '&lt; 40'.</summary>
    [Test]
    public void Corpus_ExpressionWindowTest13_DynamicExpression()
    {
        var h = Create(default(DynamicSumBelow));
        for (var i = 0; i <= 8; i++)
        {
            h.Send(i, new TestEvent(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 10, Volume: i < 4 ? 30 : 40));
        }

        Assert.That(h.Rows, Is.EqualTo(new[] { "+0", "+1", "-0", "+2", "-1", "+3", "+4", "-2", "+5", "-3", "+6", "-4", "+7", "-5", "+8" }));
    }
}
