using static SiddhiGen.Runtime.Tests.RateLimiting.LimiterHarness;

namespace SiddhiGen.Runtime.Tests.RateLimiting;

/// <summary>
/// <c>output all|first|last every &lt;t&gt;</c>, with and without group by, on the playback clock (the first tick
/// at start + period). Cases named after the corpus (<c>query.ratelimit.TimeOutputRateLimitTestCase#...</c>).
/// </summary>
public sealed class PerTimeRateLimiterTests
{
    private const long Second = 1000;

    private static LimiterHarness All() => Create((o, c, t) => new AllPerTimeRateLimiter<LimiterRow>(o, c, t, Second));

    private static LimiterHarness Last() => Create((o, c, t) => new LastPerTimeRateLimiter<LimiterRow>(o, c, t, Second));

    private static LimiterHarness LastGroupBy() =>
        Create((o, c, t) => new LastGroupByPerTimeRateLimiter<LimiterRow, ValueTuple<string?>, LimiterRowKeyOf>(o, c, t, Second));

    private static LimiterHarness First() => Create((o, c, _) => new FirstPerTimeRateLimiter<LimiterRow>(o, c, Second));

    private static LimiterHarness FirstGroupBy() =>
        Create((o, c, _) => new FirstGroupByPerTimeRateLimiter<LimiterRow, ValueTuple<string?>, LimiterRowKeyOf>(o, c, Second));

    [Test]
    public void AllEvery1Sec_Query1()
    {
        var h = All();
        h.SendEach(0, "192.10.1.5", "192.10.1.3");
        h.SendEach(1100, "192.10.1.9", "192.10.1.4");
        h.SendEach(2200, "192.10.1.30");
        h.SendEach(4200, "192.10.1.40");
        h.AdvanceTo(5200);

        // One chunk per tick; the tick at 4000 had nothing buffered and emitted nothing.
        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[]
        {
            "@1000 [192.10.1.5 192.10.1.3]", "@2000 [192.10.1.9 192.10.1.4]", "@3000 [192.10.1.30]", "@5000 [192.10.1.40]",
        }));
    }

    [Test]
    public void AllEvery1Sec_Query2()
    {
        var h = All();
        h.SendEach(0, "192.10.1.5", "192.10.1.3");
        h.SendEach(1100, "192.10.1.9", "192.10.1.4");
        h.SendEach(2200, "192.10.1.30");
        h.SendEach(3700, "192.10.1.40");
        h.AdvanceTo(4700);

        Assert.That(h.Stream, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.30", "192.10.1.40" }));
    }

    [Test]
    public void AllGroupByWithExpiredRows_Query13()
    {
        // lengthBatch(2) + count() group by ip, insert all events: the rows the selector makes of each batch.
        var h = All();
        h.SendKinds(0, Current("192.10.1.5", 2));
        h.SendKinds(0, Expired("192.10.1.5", 0), Current("192.10.1.3", 1), Current("192.10.1.9", 1));
        h.SendKinds(1100, Expired("192.10.1.3", 0), Expired("192.10.1.9", 0), Current("192.10.1.4", 2));
        h.SendKinds(1100, Current("192.10.1.4", 1), Current("192.10.1.30", 1));
        h.AdvanceTo(2200);

        Assert.That(h.Stream, Is.EqualTo(new[]
        {
            "192.10.1.5:2", "192.10.1.5:0", "192.10.1.3:1", "192.10.1.9:1", "192.10.1.3:0", "192.10.1.9:0", "192.10.1.4:2",
            "192.10.1.4:1", "192.10.1.30:1",
        }));
        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5:2", "192.10.1.3:1", "192.10.1.9:1", "192.10.1.4:2", "192.10.1.4:1", "192.10.1.30:1" }));
        Assert.That(h.Removed, Is.EqualTo(new[] { "192.10.1.5:0", "192.10.1.3:0", "192.10.1.9:0" }));
    }

    [Test]
    public void LastEvery1Sec_Query5()
    {
        var h = Last();
        h.SendEach(0, "192.10.1.5", "192.10.1.3");
        h.SendEach(1100, "192.10.1.9", "192.10.1.4");
        h.SendEach(2200, "192.10.1.30");
        h.AdvanceTo(3200);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@1000 [192.10.1.3]", "@2000 [192.10.1.4]", "@3000 [192.10.1.30]" }));
    }

    [Test]
    public void LastGroupByEvery1Sec_Query7()
    {
        var h = LastGroupBy();
        h.SendEach(0, "192.10.1.5", "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4");
        h.SendEach(1100, "192.10.1.4", "192.10.1.4", "192.10.1.30");
        h.AdvanceTo(2100);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[]
        {
            "@1000 [192.10.1.5 192.10.1.3 192.10.1.9 192.10.1.4]", "@2000 [192.10.1.4 192.10.1.30]",
        }));
    }

    [Test]
    public void LastGroupByOverBatches_Query8()
    {
        // lengthBatch(2) group by ip: one row per key per batch.
        var h = LastGroupBy();
        h.Send(0, Row("192.10.1.5"));
        h.Send(0, Row("192.10.1.3"), Row("192.10.1.9"));
        h.Send(1100, Row("192.10.1.4"));
        h.Send(1100, Row("192.10.1.4"), Row("192.10.1.30"));
        h.AdvanceTo(2300);

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.30" }));
    }

    [Test]
    public void LastGroupByExpiredRows_Query9()
    {
        var h = LastGroupBy();
        h.SendKinds(0, Expired("192.10.1.5"));
        h.SendKinds(1100, Expired("192.10.1.3"), Expired("192.10.1.9"));
        h.SendKinds(1100, Expired("192.10.1.4"));
        h.AdvanceTo(2200);

        Assert.That(h.Removed, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4" }));
        Assert.That(h.In, Is.Empty);
    }

    [Test]
    public void LastGroupByAllEvents_Query12()
    {
        var h = LastGroupBy();
        h.SendKinds(0, Current("192.10.1.5", 2));
        h.SendKinds(0, Expired("192.10.1.5", 0), Current("192.10.1.3", 1), Current("192.10.1.9", 1));
        h.SendKinds(1100, Expired("192.10.1.3", 0), Expired("192.10.1.9", 0), Current("192.10.1.4", 2));
        h.SendKinds(1100, Current("192.10.1.4", 1), Current("192.10.1.30", 1));
        h.AdvanceTo(2200);

        Assert.That(h.Stream, Is.EqualTo(new[]
        {
            "192.10.1.5:0", "192.10.1.3:1", "192.10.1.9:1", "192.10.1.3:0", "192.10.1.9:0", "192.10.1.4:1", "192.10.1.30:1",
        }));
        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.3:1", "192.10.1.9:1", "192.10.1.4:1", "192.10.1.30:1" }));
        Assert.That(h.Removed, Is.EqualTo(new[] { "192.10.1.5:0", "192.10.1.3:0", "192.10.1.9:0" }));
    }

    [Test]
    public void FirstEvery1Sec_Query4()
    {
        var h = First();
        h.SendEach(0, "192.10.1.5", "192.10.1.3");
        h.SendEach(1100, "192.10.1.9", "192.10.1.4");
        h.SendEach(2200, "192.10.1.30");
        h.AdvanceTo(3200);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@0 [192.10.1.5]", "@1100 [192.10.1.9]", "@2200 [192.10.1.30]" }));
    }

    [Test]
    public void FirstIsNotTickAligned()
    {
        var h = First();
        h.SendEach(500, "a");
        h.SendEach(1400, "b");
        h.SendEach(1500, "c");
        h.SendEach(2499, "d");
        h.SendEach(2500, "e");

        Assert.That(h.In, Is.EqualTo(new[] { "a", "c", "e" }));
        Assert.That(h.Clock.PendingTimers, Is.Zero);
    }

    [Test]
    public void FirstEmitsOnlyTheFirstRowOfAChunk()
    {
        var h = First();
        h.Send(0, Row("a"), Row("b"));
        h.Send(1000, Row("c"), Row("d"));

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@0 [a]", "@1000 [c]" }));
    }

    [Test]
    public void FirstLeadingResetTakesTheSlotWithoutOutput()
    {
        var h = First();
        h.SendKinds(0, Reset(), Current("a"));
        h.SendKinds(500, Current("b"));
        h.SendKinds(1000, Current("c"));

        Assert.That(h.In, Is.EqualTo(new[] { "c" }));
    }

    [Test]
    public void FirstWithCount_Query15()
    {
        var h = First();
        h.Send(0, Row("192.10.1.5", 1));
        h.Send(0, Row("192.10.1.5", 2));
        h.Send(0, Row("192.10.1.3", 3));
        h.Send(0, Row("192.10.1.9", 4));
        h.Send(0, Row("192.10.1.4", 5));
        h.AdvanceTo(100);

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5:1" }));
    }

    [Test]
    public void FirstGroupByEvery1Sec_Query6()
    {
        var h = FirstGroupBy();
        h.SendEach(0, "192.10.1.5", "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4");
        h.SendEach(1100, "192.10.1.4", "192.10.1.4", "192.10.1.30");
        h.AdvanceTo(2100);

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.4", "192.10.1.30" }));
    }

    [Test]
    public void FirstGroupByWithCount_Query16()
    {
        var h = FirstGroupBy();
        h.Send(0, Row("192.10.1.5", 1));
        h.Send(0, Row("192.10.1.5", 2));
        h.Send(0, Row("192.10.1.3", 1));
        h.Send(0, Row("192.10.1.9", 1));
        h.Send(0, Row("192.10.1.4", 1));

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5:1", "192.10.1.3:1", "192.10.1.9:1", "192.10.1.4:1" }));
    }

    [Test]
    public void FirstGroupByExpiredRows_Query10()
    {
        // lengthBatch(2) + count() group by ip, insert expired events.
        var h = FirstGroupBy();
        h.SendKinds(0, Expired("192.10.1.5", 0));
        h.SendKinds(1100, Expired("192.10.1.3", 0), Expired("192.10.1.9", 0));
        h.SendKinds(1100, Expired("192.10.1.4", 0));
        h.AdvanceTo(2200);

        Assert.That(h.Removed, Is.EqualTo(new[] { "192.10.1.5:0", "192.10.1.3:0", "192.10.1.9:0", "192.10.1.4:0" }));
    }

    [Test]
    public void FirstGroupByAllEvents_Query11()
    {
        var h = FirstGroupBy();
        h.SendKinds(0, Current("192.10.1.5", 2));
        h.SendKinds(0, Expired("192.10.1.5", 0), Current("192.10.1.3", 1), Current("192.10.1.9", 1));
        h.SendKinds(1100, Expired("192.10.1.3", 0), Expired("192.10.1.9", 0), Current("192.10.1.4", 2));
        h.SendKinds(1100, Current("192.10.1.4", 1), Current("192.10.1.30", 1));
        h.AdvanceTo(2200);

        Assert.That(h.Stream, Is.EqualTo(new[]
        {
            "192.10.1.5:2", "192.10.1.3:1", "192.10.1.9:1", "192.10.1.3:0", "192.10.1.9:0", "192.10.1.4:2", "192.10.1.30:1",
        }));
        Assert.That(h.Removed, Is.EqualTo(new[] { "192.10.1.3:0", "192.10.1.9:0" }));
    }

    [Test]
    public void FirstGroupByOverBatches_Query17()
    {
        var h = FirstGroupBy();
        h.Send(0, Row("192.10.1.5", 2));
        h.Send(0, Row("192.10.1.3", 1), Row("192.10.1.9", 1));
        h.Send(1100, Row("192.10.1.4", 2));
        h.Send(1100, Row("192.10.1.5", 1), Row("192.10.1.30", 1));
        h.AdvanceTo(2200);

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5:2", "192.10.1.3:1", "192.10.1.9:1", "192.10.1.4:2", "192.10.1.5:1", "192.10.1.30:1" }));
    }

    [Test]
    public void TicksStartOnePeriodAfterStartWithOneTimerOutstanding()
    {
        var h = All();
        Assert.That(h.Clock.PendingTimers, Is.EqualTo(1));

        h.SendEach(999, "a");
        Assert.That(h.Chunks, Is.Empty);

        h.AdvanceTo(1000);
        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@1000 [a]" }));
        Assert.That(h.Clock.PendingTimers, Is.EqualTo(1));

        h.AdvanceTo(10_000);
        Assert.That(h.TimerCallbacks, Is.EqualTo(10));
        Assert.That(h.Clock.PendingTimers, Is.EqualTo(1));
    }

    [Test]
    public void TicksWithNothingKeptEmitNothing()
    {
        foreach (var h in new[] { All(), Last(), LastGroupBy() })
        {
            h.AdvanceTo(5000);
            Assert.That(h.Chunks, Is.Empty, h.Limiter.GetType().Name);
        }
    }

    [Test]
    public void TheOperatorsOwnTimersAreIgnored()
    {
        var h = Last();
        h.SendEach(100, "a");
        h.ScheduleForeignTimer(500);
        h.ScheduleForeignTimer(1000);
        h.ScheduleForeignTimer(2000);
        h.AdvanceTo(1500);
        h.SendEach(1600, "b");
        h.AdvanceTo(2000);

        // Foreign timers coincide with both ticks (after ours at 1000, before ours at 2000): still one emission per tick.
        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@1000 [a]", "@2000 [b]" }));
        Assert.That(h.TimerCallbacks, Is.EqualTo(5));
        h.AdvanceTo(2500);
        Assert.That(h.Clock.PendingTimers, Is.EqualTo(1));
    }

    [Test]
    public void NothingIsScheduledOrEmittedBeforeStart()
    {
        var h = All();
        var clock = new VirtualClock(LimiterHarness.Base);
        var unstarted = new LastPerTimeRateLimiter<LimiterRow>(h.Output, clock, new CountingTarget(), Second);
        var rows = new EventBuffer<LimiterRow>();
        rows.Add(LimiterHarness.Base, new LimiterRow("a"), EventKind.Current);

        unstarted.Process(rows);
        unstarted.OnTimer(LimiterHarness.Base + Second);

        Assert.That(clock.PendingTimers, Is.Zero);
        Assert.That(h.Chunks, Is.Empty);
    }

    [Test]
    public void PeriodsBelowOneAreRejected()
    {
        var h = All();
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new AllPerTimeRateLimiter<LimiterRow>(h.Output, h.Clock, new CountingTarget(), 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new FirstPerTimeRateLimiter<LimiterRow>(h.Output, h.Clock, 0));
        });
    }

    private sealed class CountingTarget : ITimerTarget
    {
        public int Calls { get; private set; }

        public void OnTimer(long dueTime) => Calls++;
    }
}
