namespace SiddhiGen.Runtime.Tests;

public sealed class CronWindowTests
{
    private static WindowHarness Create(string expression, long start = 0)
        => WindowHarness.Create((clock, timer) => new CronWindow<TestEvent>(clock, timer, expression), start);

    [Test]
    public void HoldsArrivalsAndEmitsThemAtTheNextFire()
    {
        var h = Create("*/5 * * * * ?");
        h.Send(1000, new TestEvent("A"));
        h.Send(2000, new TestEvent("B"));
        Assert.That(h.Log, Is.Empty);
        Assert.That(h.Window.Contents.IsEmpty, Is.True, "cron windows are not findable");
        h.AdvanceTo(5000);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B" }));
        Assert.That(h.Chunks[0].Now, Is.EqualTo(5000));
    }

    [Test]
    public void ThePreviousBatchExpiresAtTheNextNonEmptyFireWithoutAReset()
    {
        var h = Create("*/5 * * * * ?");
        h.Send(1000, new TestEvent("A"));
        h.AdvanceTo(12_000);
        h.Send(12_000, new TestEvent("B"));
        h.AdvanceTo(30_000);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "-A +B" }));
        Assert.That(h.Chunks[1].Now, Is.EqualTo(15_000));
        Assert.That(h.Chunks[1].Events[0].Timestamp, Is.EqualTo(15_000));
    }

    [Test]
    public void NoTimerIsArmedWhileNothingIsHeld()
    {
        var h = Create("* * * * * ?");
        h.Send(500, new TestEvent("A"));
        h.AdvanceTo(1000);
        Assert.That(h.Clock.PendingTimers, Is.Zero);
        h.AdvanceTo(1_000_000_000);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A" }));
    }

    [Test]
    public void AnInvalidExpressionIsRejected()
    {
        Assert.That(() => new CronWindow<TestEvent>(new VirtualClock(), new NullTimer(), "not a cron"), Throws.InstanceOf<FormatException>());
    }

    private sealed class NullTimer : ITimerTarget
    {
        public void OnTimer(long dueTime)
        {
        }
    }
}
