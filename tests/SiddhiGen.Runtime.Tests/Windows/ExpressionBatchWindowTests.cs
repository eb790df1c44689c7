namespace SiddhiGen.Runtime.Tests;

public sealed class ExpressionBatchWindowTests
{
    private static WindowHarness Create<TExpression>(TExpression expression, bool include = false, bool streamCurrent = false)
        where TExpression : struct, IWindowExpression<TestEvent>
        => WindowHarness.Create((clock, _) => new ExpressionBatchWindow<TestEvent, TExpression>(clock, expression, include, streamCurrent));

    private static string Name(int i) => "e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void FlushesTheBatchWhenAnArrivalMakesTheExpressionFalse()
    {
        var h = Create(new CountAtMost(2));
        h.SendEach(0, "A", "B");
        Assert.That(h.Log, Is.Empty);
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "A", "B" }));
        h.SendEach(0, "C");
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B" }), "no RESET; the arrival starts the next batch");
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "C" }));
        h.SendEach(0, "D", "E");
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B", "-A -B +C +D" }));
    }

    [Test]
    public void IncludeTriggeringEventClosesTheBatchWithTheArrival()
    {
        var h = Create(new CountAtMost(2), include: true);
        h.SendEach(0, "A", "B", "C", "D", "E", "F");
        // As in Siddhi, the aggregates restart with the triggering event although it closed the flushed batch,
        // so C still counts towards the next batch.
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B +C", "-A -B -C +D +E" }));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "F" }));
    }

    [Test]
    public void AFalseExpressionOnAnEmptyBatchEmitsTheArrivalExpiredThenCurrent()
    {
        var h = Create(new SumPriceBelow(10));
        h.Send(0, new TestEvent("A", 50));
        Assert.That(h.Log, Is.EqualTo(new[] { "-A +A" }));
        Assert.That(h.Window.Contents.IsEmpty, Is.True);
    }

    [Test]
    public void FlushedEventsAreRestampedWithNow()
    {
        var h = Create(new CountAtMost(1));
        h.Send(10, new TestEvent("A"));
        h.Send(20, new TestEvent("B"));
        Assert.That(h.Chunks[0].Events[0].Timestamp, Is.EqualTo(20));
    }

    [Test]
    public void StreamCurrentEventsEmitsArrivalsAndExpiresInBatches()
    {
        var h = Create(new CountAtMost(2), streamCurrent: true);
        h.SendEach(0, "A", "B", "C", "D", "E");
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A -B +C", "+D", "-C -D +E" }));
    }

    /// <summary>Corpus query.window.ExpressionBatchWindowTestCase#expressionBatchWindowTest1: expressionBatch('count() &lt;= 2').</summary>
    [Test]
    public void Corpus_ExpressionBatchWindowTest1()
    {
        var h = Create(new CountAtMost(2));
        h.SendEach(0, "IBM0", "WSO21", "WSO22", "WSO23", "WSO24");
        Assert.That(h.Rows, Is.EqualTo(new[] { "+IBM0", "+WSO21", "-IBM0", "-WSO21", "+WSO22", "+WSO23" }));
    }

    /// <summary>Corpus #expressionBatchWindowTest13: expressionBatch(expr), 'sum(price) &lt; 40' then '&lt; 50'.</summary>
    [Test]
    public void Corpus_ExpressionBatchWindowTest13_DynamicExpression()
    {
        var h = Create(default(DynamicSumBelow));
        for (var i = 0; i <= 8; i++)
        {
            h.Send(i, new TestEvent(Name(i), 10, Volume: i < 4 ? 40 : 50));
        }

        Assert.That(h.Rows, Is.EqualTo(new[] { "+e0", "+e1", "+e2", "-e0", "-e1", "-e2", "+e3", "+e4", "+e5", "+e6" }));
    }

    /// <summary>Corpus #expressionBatchWindowTest16: span expression changing 1 → 0 → 1, include.triggering.event = true.</summary>
    [Test]
    public void Corpus_ExpressionBatchWindowTest16_DynamicWithTriggeringEvent()
    {
        var h = Create(default(DynamicSpanBelow), include: true);
        long[] spans = [1, 1, 1, 0, 0, 1, 1, 1, 1, 1];
        for (var i = 0; i < spans.Length; i++)
        {
            h.Send(i, new TestEvent(Name(i), Volume: spans[i]));
        }

        Assert.That(h.Rows, Is.EqualTo(new[] { "+e0", "+e1", "-e0", "-e1", "-e2", "+e2", "-e3", "+e3", "-e4", "+e4", "+e5", "+e6", "-e5", "-e6", "+e7", "+e8" }));
    }

    /// <summary>Corpus #expressionBatchWindowTest18: expressionBatch(expr, include, true), include given as an attribute.</summary>
    [Test]
    public void Corpus_ExpressionBatchWindowTest18_StreamingWithAttributeInclude()
    {
        var h = Create(default(DynamicSpanBelow), streamCurrent: true);
        long[] spans = [1, 1, 1, 0, 0, 2, 2, 2, 2, 2];
        for (var i = 0; i < spans.Length; i++)
        {
            h.Send(i, new TestEvent(Name(i), Volume: spans[i], Ts: i < 5 ? 1 : 0));
        }

        var values = h.Rows.Select(r => r[1..]).ToList();
        Assert.That(values, Is.EqualTo(new[] { "e0", "e1", "e0", "e1", "e2", "e2", "e3", "e3", "e4", "e4", "e5", "e6", "e5", "e6", "e7", "e8", "e7", "e8", "e9" }));
        Assert.That(h.Rows.Where(r => r[0] == '+'), Is.EqualTo(Enumerable.Range(0, 10).Select(i => "+" + Name(i))));
        Assert.That(h.Rows.Where(r => r[0] == '-'), Is.EqualTo(Enumerable.Range(0, 9).Select(i => "-" + Name(i))));
    }
}
