namespace SiddhiGen.Runtime.Tests;

public sealed class DelayWindowTests
{
    private static WindowHarness Create(long delay, bool forwardTimers = true)
        => WindowHarness.Create((clock, timer) => new DelayWindow<TestEvent>(clock, timer, delay), forwardTimers: forwardTimers);

    [Test]
    public void EventsComeOutAsCurrentAfterTheDelay()
    {
        var h = Create(1000);
        h.Send(0, new TestEvent("A"));
        h.Send(200, new TestEvent("B"));
        Assert.That(h.Log, Is.Empty);
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "A", "B" }));
        h.AdvanceTo(1200);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B" }));
        Assert.That(h.Chunks.Select(c => c.Events[0].Timestamp), Is.EqualTo(new long[] { 1000, 1200 }), "re-stamped with now");
        Assert.That(h.Window.Contents.IsEmpty, Is.True);
    }

    [Test]
    public void AnArrivalReleasesDueEventsWhenTheTimerHasNotRun()
    {
        var h = Create(1000, forwardTimers: false);
        h.Send(0, new TestEvent("A"));
        h.Send(1500, new TestEvent("B"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A" }));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "B" }));
    }

    /// <summary>Corpus window.DelayWindowTestCase#delayWindowTest5: delay(1 sec), sum and avg of the released events.</summary>
    [Test]
    public void Corpus_DelayWindowTest5()
    {
        var h = Create(1000);
        h.Send(0, new TestEvent("1000", 1000));
        h.Send(100, new TestEvent("1500", 1500));
        h.AdvanceTo(3200);
        Assert.That(MiniSelector.Aggregate<SumDoubleAggregator, double?>(h.Chunks, e => e.Price, MiniSelector.Format), Is.EqualTo(new[] { "+1000", "+2500" }));
        Assert.That(MiniSelector.Aggregate<AvgAggregator, double?>(h.Chunks, e => e.Price, MiniSelector.Format), Is.EqualTo(new[] { "+1000", "+1250" }));
    }
}
