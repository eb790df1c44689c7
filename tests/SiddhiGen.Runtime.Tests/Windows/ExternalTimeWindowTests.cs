namespace SiddhiGen.Runtime.Tests;

public sealed class ExternalTimeWindowTests
{
    private static WindowHarness Create(long time) => WindowHarness.Create((clock, _) => new ExternalTimeWindow<TestEvent, TsOf>(clock, time));

    private static TestEvent At(string symbol, long ts) => new(symbol, Ts: ts);

    [Test]
    public void OnlyANewerAttributeTimeExpiresEvents()
    {
        var h = Create(1000);
        h.Send(0, At("A", 100));
        h.AdvanceTo(1_000_000);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A" }), "no timers: clock time does not matter");
        h.Send(1_000_000, At("B", 1099));
        h.Send(1_000_000, At("C", 1100));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A +C" }));
        Assert.That(h.Chunks[2].Events[0].Timestamp, Is.EqualTo(1100), "stamped with the attribute time");
        Assert.That(h.Clock.PendingTimers, Is.Zero);
    }

    [Test]
    public void ExpiryStopsAtTheFirstEventStillInside()
    {
        var h = Create(1000);
        h.Send(0, At("A", 500), At("B", 100), At("C", 1550));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B -A -B +C" }));
        h.Send(0, At("D", 300), At("E", 2400));
        Assert.That(h.Log.Last(), Is.EqualTo("+D +E"), "D is old but waits behind C, which is still inside");
        h.Send(0, At("F", 2600));
        Assert.That(h.Log.Last(), Is.EqualTo("-C -D +F"));
    }

    /// <summary>Corpus query.window.ExternalTimeWindowTestCase#externalTimeWindowTest1: externalTime(timestamp, 5 sec).</summary>
    [Test]
    public void Corpus_ExternalTimeWindowTest1()
    {
        var h = Create(5000);
        h.Send(0, At(".3", 1366335804341));
        h.Send(0, At(".4", 1366335804342));
        h.Send(0, At(".5", 1366335814341));
        h.Send(0, At(".6", 1366335814345));
        h.Send(0, At(".7", 1366335824341));
        Assert.That(h.Rows, Is.EqualTo(new[] { "+.3", "+.4", "-.3", "-.4", "+.5", "+.6", "-.5", "-.6", "+.7" }));
    }
}
