namespace SiddhiGen.Runtime.Tests;

public sealed class TimeBatchWindowTests
{
    private static WindowHarness Create(long time, long? start = null, bool streamCurrent = false, bool outputExpired = false, bool findable = false, bool forwardTimers = true, long clockStart = 0)
        => WindowHarness.Create(
            (clock, timer) => new TimeBatchWindow<TestEvent>(clock, timer, time, start, streamCurrent, outputExpired, findable),
            clockStart,
            forwardTimers);

    [Test]
    public void FlushesEveryPeriodStartingAtTheFirstEvent()
    {
        var h = Create(1000, outputExpired: true);
        h.Send(200, new TestEvent("A"));
        h.Send(700, new TestEvent("B"));
        h.AdvanceTo(1199);
        Assert.That(h.Log, Is.Empty);
        h.AdvanceTo(1200);
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B" }));
        h.Send(1500, new TestEvent("C"));
        h.AdvanceTo(2200);
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B", "-A -B R +C" }));
        Assert.That(h.Chunks[1].Events[0].Timestamp, Is.EqualTo(2200));
    }

    [Test]
    public void AnEmptyPeriodEmitsOnlyThePreviousBatchExpiry()
    {
        var h = Create(1000, outputExpired: true);
        h.Send(0, new TestEvent("A"));
        h.AdvanceTo(5000);
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A", "-A" }));
        Assert.That(h.Clock.PendingTimers, Is.EqualTo(1), "the ticks go on, as in Siddhi");
    }

    [Test]
    public void AnEventAtTheFlushTimeBeforeTheTimerRanJoinsTheFlushedBatch()
    {
        var h = Create(1000, forwardTimers: false);
        h.Send(0, new TestEvent("A"));
        h.Send(1000, new TestEvent("B"));
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B" }));
    }

    [Test]
    public void StartTimeAlignsTheFlushes()
    {
        var h = Create(1000, start: 123, clockStart: 5000);
        h.Send(5000, new TestEvent("A"));
        h.AdvanceTo(5122);
        Assert.That(h.Log, Is.Empty);
        h.AdvanceTo(5123);
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A" }));
    }

    [Test]
    public void StreamCurrentEventsEmitsOnArrivalAndResetsAtEachTick()
    {
        var h = Create(1000, streamCurrent: true, outputExpired: true);
        h.Send(0, new TestEvent("A"));
        h.Send(500, new TestEvent("B"));
        h.AdvanceTo(1000);
        h.Send(1500, new TestEvent("C"));
        h.AdvanceTo(3000);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A -B R", "+C", "-C R" }));
    }

    [Test]
    public void FindableContentsAreTheLastCompletedBatch()
    {
        var h = Create(1000, findable: true);
        h.Send(0, new TestEvent("A"));
        Assert.That(h.ContentSymbols, Is.Empty);
        h.AdvanceTo(1000);
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "A" }));
        h.Send(1200, new TestEvent("B"));
        h.AdvanceTo(2000);
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "B" }));
        h.AdvanceTo(3000);
        Assert.That(h.ContentSymbols, Is.Empty, "an empty period leaves an empty last batch");
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A", "R +B" }));
    }

    [Test]
    public void ASpuriousTimerDoesNotFlushEarly()
    {
        var h = Create(1000);
        var output = new WindowOutput<TestEvent>();
        h.Window.OnTimer(10, output);
        h.Send(100, new TestEvent("A"));
        h.Window.OnTimer(600, output);
        Assert.That(output.ChunkCount, Is.Zero);
        h.AdvanceTo(1100);
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A" }));
    }

    /// <summary>Corpus query.window.TimeBatchWindowTestCase#timeWindowBatchTest2: sum(price), insert all events.</summary>
    [Test]
    public void Corpus_TimeWindowBatchTest2()
    {
        var h = Create(1000, outputExpired: true);
        h.Send(0, new TestEvent("IBM", 700.0));
        h.Send(1100, new TestEvent("WSO2", 60.5));
        h.Send(1100, new TestEvent("IBM", 700.0));
        h.Send(1100, new TestEvent("WSO2", 60.5));
        h.Send(2200, new TestEvent("IBM", 700.0));
        h.Send(2200, new TestEvent("WSO2", 60.5));
        h.AdvanceTo(4200);
        var rows = MiniSelector.Aggregate<SumDoubleAggregator, double?>(h.Chunks, e => e.Price, MiniSelector.Format);
        Assert.That(rows, Is.EqualTo(new[] { "+700", "+821", "+760.5", "-null" }));
    }

    /// <summary>Corpus #timeWindowBatchTest10: timeBatch(1 sec, true), sum(price), insert all events.</summary>
    [Test]
    public void Corpus_TimeWindowBatchTest10()
    {
        var h = Create(1000, streamCurrent: true, outputExpired: true);
        h.Send(0, new TestEvent("IBM", 700.0));
        h.Send(1100, new TestEvent("WSO2", 60.5));
        h.Send(1100, new TestEvent("IBM", 700.0));
        h.Send(1100, new TestEvent("WSO2", 60.5));
        h.Send(2200, new TestEvent("IBM", 700.0));
        h.Send(2200, new TestEvent("WSO2", 60.5));
        h.AdvanceTo(3400);
        var rows = MiniSelector.Aggregate<SumDoubleAggregator, double?>(h.Chunks, e => e.Price, MiniSelector.Format);
        Assert.That(rows, Is.EqualTo(new[] { "+700", "-null", "+60.5", "+760.5", "+821", "-null", "+700", "+760.5", "-null" }));
    }

    /// <summary>Corpus #timeWindowBatchTest4: sum(price), insert expired events.</summary>
    [Test]
    public void Corpus_TimeWindowBatchTest4()
    {
        var h = Create(1000, outputExpired: true);
        h.Send(0, new TestEvent("IBM", 700.0));
        h.Send(1100, new TestEvent("WSO2", 60.5));
        h.Send(1100, new TestEvent("IBM", 700.0));
        h.Send(1100, new TestEvent("WSO2", 60.5));
        h.Send(2200, new TestEvent("IBM", 700.0));
        h.Send(2200, new TestEvent("WSO2", 60.5));
        h.AdvanceTo(4200);
        var rows = MiniSelector.Aggregate<SumDoubleAggregator, double?>(h.Chunks, e => e.Price, MiniSelector.Format, EventKind.Expired);
        Assert.That(rows, Is.EqualTo(new[] { "-null", "-null", "-null" }));
    }
}
