namespace SiddhiGen.Runtime.Tests;

public sealed class TimeWindowTests
{
    private static WindowHarness Create(long time, bool forwardTimers = true)
        => WindowHarness.Create((clock, timer) => new TimeWindow<TestEvent>(clock, timer, time), forwardTimers: forwardTimers);

    [Test]
    public void ATimerExpiresAnEventWhenItsTimeIsUp()
    {
        var h = Create(1000);
        h.Send(0, new TestEvent("A"));
        h.AdvanceTo(999);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A" }));
        h.AdvanceTo(1000);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "-A" }));
        Assert.That(h.Chunks[1].FromTimer, Is.True);
        Assert.That(h.Chunks[1].Events[0].Timestamp, Is.EqualTo(1000), "re-stamped with the timer's due time");
        Assert.That(h.Window.Contents.IsEmpty, Is.True);
    }

    [Test]
    public void AnArrivalExpiresDueEventsBeforeItselfWhenTheTimerHasNotRun()
    {
        var h = Create(1000, forwardTimers: false);
        h.Send(0, new TestEvent("A"));
        h.Send(400, new TestEvent("B"));
        h.Send(1400, new TestEvent("C"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A -B +C" }));
        Assert.That(h.Chunks[2].Events[0].Timestamp, Is.EqualTo(1400));
    }

    [Test]
    public void TheBoundaryIsInclusive()
    {
        var h = Create(1000, forwardTimers: false);
        h.Send(0, new TestEvent("A"));
        h.Send(999, new TestEvent("B"));
        h.Send(1000, new TestEvent("C"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A +C" }));
    }

    [Test]
    public void OneTimerPerDistinctTimestamp()
    {
        var h = Create(1000);
        h.SendEach(0, "A", "B", "C");
        h.Send(0, new("D"), new("E"));
        Assert.That(h.Clock.PendingTimers, Is.EqualTo(1));
        h.AdvanceTo(1000);
        Assert.That(h.Log.Last(), Is.EqualTo("-A -B -C -D -E"));
    }

    [Test]
    public void EventsExpireOnTheirOwnTimers()
    {
        var h = Create(1000);
        h.Send(0, new TestEvent("A"));
        h.Send(300, new TestEvent("B"));
        h.AdvanceTo(5000);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A", "-B" }));
        Assert.That(h.Chunks.Select(c => c.Now), Is.EqualTo(new long[] { 0, 300, 1000, 1300 }));
    }

    [Test]
    public void ASpuriousTimerOnlyExpiresWhatIsDue()
    {
        var h = Create(1000);
        h.Send(0, new TestEvent("A"));
        var output = new WindowOutput<TestEvent>();
        h.Window.OnTimer(500, output);
        Assert.That(output.ChunkCount, Is.Zero);
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "A" }));
    }

    /// <summary>Corpus managment.PlaybackTestCase#playbackTest7: time(2 sec), insert all events.</summary>
    [Test]
    public void Corpus_PlaybackTest7()
    {
        var h = Create(2000);
        h.SendEach(0, "IBM", "WSO2");
        h.SendEach(2000, "GOOGLE");
        h.AdvanceTo(2100);
        Assert.That(h.Rows, Is.EqualTo(new[] { "+IBM", "+WSO2", "-IBM", "-WSO2", "+GOOGLE" }));
    }

    /// <summary>Corpus query.aggregator.MaxAggregatorExtensionTestCase#testMaxAggregatorExtension1: each timer is its own chunk.</summary>
    [Test]
    public void Corpus_MaxAggregatorExtension1()
    {
        var h = Create(1000);
        h.Send(0, new TestEvent("A", 36.0));
        h.Send(100, new TestEvent("B", 37.88));
        h.AdvanceTo(2400);
        var rows = MiniSelector.Aggregate<MaxAggregator<double>, double?>(h.Chunks, e => e.Price, MiniSelector.Format);
        Assert.That(rows, Is.EqualTo(new[] { "+36", "+37.88", "-37.88", "-null" }));
    }
}
