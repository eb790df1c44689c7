using static SiddhiGen.Runtime.Tests.RateLimiting.LimiterHarness;

namespace SiddhiGen.Runtime.Tests.RateLimiting;

/// <summary>
/// <c>output snapshot every &lt;t&gt;</c> in each of Siddhi's variants. Cases named after the corpus
/// (<c>query.ratelimit.SnapshotOutputRateLimitTestCase#...</c>). With snapshot the selector runs per event, so each
/// row is its own chunk: CURRENT rows as events arrive, EXPIRED rows when the window expires them (time windows:
/// at <c>ts + length</c>), and, for non-grouping selectors, a batch window's RESET.
/// </summary>
public sealed class SnapshotRateLimiterTests
{
    private const long Second = 1000;

    private static LimiterHarness PerSnapshot() => Create((o, c, t) => new PerSnapshotRateLimiter<LimiterRow>(o, c, t, Second));

    private static LimiterHarness GroupByPerSnapshot() =>
        Create((o, c, t) => new GroupByPerSnapshotRateLimiter<LimiterRow, ValueTuple<string?>, LimiterRowKeyOf>(o, c, t, Second));

    private static LimiterHarness Windowed() =>
        Create((o, c, t) => new WindowedPerSnapshotRateLimiter<LimiterRow, LimiterRowMatcher>(o, c, t, Second));

    private static LimiterHarness AllAggregation() =>
        Create((o, c, t) => new AllAggregationPerSnapshotRateLimiter<LimiterRow>(o, c, t, Second));

    private static LimiterHarness AllAggregationGroupBy() =>
        Create((o, c, t) => new AllAggregationGroupByWindowedPerSnapshotRateLimiter<LimiterRow, ValueTuple<string?>, LimiterRowKeyOf>(o, c, t, Second));

    private static LimiterHarness Aggregation() =>
        Create((o, c, t) => new AggregationWindowedPerSnapshotRateLimiter<LimiterRow, LimiterRowAggregates>(o, c, t, Second));

    private static LimiterHarness AggregationGroupBy() =>
        Create((o, c, t) =>
            new AggregationGroupByWindowedPerSnapshotRateLimiter<LimiterRow, ValueTuple<string?>, LimiterRowKeyOf, LimiterRowAggregates>(o, c, t, Second));

    /// <summary>A row of <c>select sum(calls) ... group by ip</c>: only the total is visible, ip is the hidden key.</summary>
    private static (EventKind, LimiterRow) Total(EventKind kind, string ip, long total) => (kind, new LimiterRow(null, total, ip));

    private static void Each(LimiterHarness h, long t, params (EventKind, LimiterRow)[] rows)
    {
        foreach (var row in rows)
        {
            h.SendKinds(t, row);
        }
    }

    private static string[] Repeat(int times, params string[] rows) =>
        Enumerable.Repeat(rows, times).SelectMany(r => r).ToArray();

    [Test]
    public void NoWindowLastRowEveryTick_Query1()
    {
        var h = PerSnapshot();
        h.SendEach(0, "192.10.1.5");
        h.SendEach(10, "192.10.1.3");
        h.AdvanceTo(60_010);

        Assert.That(h.In, Is.EqualTo(Repeat(60, "192.10.1.3")));
        Assert.That(h.Clock.PendingTimers, Is.EqualTo(1));
    }

    [Test]
    public void NoWindowNothingBeforeTheFirstRow_Query2()
    {
        var h = PerSnapshot();
        h.SendEach(1200, "192.10.1.5");
        h.SendEach(1700, "192.10.1.3");
        h.AdvanceTo(3900);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@2000 [192.10.1.3]", "@3000 [192.10.1.3]" }));
    }

    [Test]
    public void NoWindow_Query3()
    {
        var h = PerSnapshot();
        h.SendEach(0, "192.10.1.5");
        h.SendEach(100, "192.10.1.3");
        h.SendEach(2300, "192.10.1.9");
        h.SendEach(2400, "192.10.1.4");
        h.AdvanceTo(3500);

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.3", "192.10.1.3", "192.10.1.4" }));
    }

    [Test]
    public void NoWindowGroupBy_Query5()
    {
        // select ip, sum(calls) group by ip, no window: the latest row per key at each tick.
        var h = GroupByPerSnapshot();
        Each(h, 1100, Current("192.10.1.5", 3), Current("192.10.1.3", 6));
        Each(h, 3300, Current("192.10.1.5", 5), Current("192.10.1.3", 16));
        h.AdvanceTo(4500);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[]
        {
            "@2000 [192.10.1.5:3 192.10.1.3:6]", "@3000 [192.10.1.5:3 192.10.1.3:6]", "@4000 [192.10.1.5:5 192.10.1.3:16]",
        }));
    }

    [Test]
    public void NoWindowGroupByIgnoresExpiredRowsAndNeverForgetsKeys()
    {
        var h = GroupByPerSnapshot();
        Each(h, 100, Current("a", 1), Current("b", 1), Expired("a", 0), Current("a", 2));
        h.AdvanceTo(2000);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@1000 [a:2 b:1]", "@2000 [a:2 b:1]" }));
    }

    [Test]
    public void WindowedGroupByNoAggregates_Query16()
    {
        // #window.time(1 sec) select ip group by ip.
        var h = Windowed();
        Each(h, 1100, Current("192.10.1.5"), Current("192.10.1.3"));
        Each(h, 2100, Expired("192.10.1.5"), Expired("192.10.1.3"));
        Each(h, 3300, Current("192.10.1.5"), Current("192.10.1.3"));
        Each(h, 4300, Expired("192.10.1.5"), Expired("192.10.1.3"));
        h.AdvanceTo(4500);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@2000 [192.10.1.5 192.10.1.3]", "@4000 [192.10.1.5 192.10.1.3]" }));
    }

    [Test]
    public void WindowedGroupByNoAggregates_Query17()
    {
        // #window.time(5 sec): equal rows are retained twice and expire one at a time.
        var h = Windowed();
        Each(h, 1100, Current("192.10.1.5"), Current("192.10.1.3"));
        Each(h, 3300, Current("192.10.1.5"), Current("192.10.1.3"));
        Each(h, 6100, Expired("192.10.1.5"), Expired("192.10.1.3"));
        Each(h, 8300, Expired("192.10.1.5"), Expired("192.10.1.3"));
        h.AdvanceTo(10_500);

        var pair = new[] { "192.10.1.5", "192.10.1.3" };
        Assert.That(h.In, Is.EqualTo(Repeat(2, pair).Concat(Repeat(6, pair)).Concat(Repeat(2, pair))));
        Assert.That(h.Chunks.Select(c => c.Time), Is.EqualTo(new long[] { 2000, 3000, 4000, 5000, 6000, 7000, 8000 }));
    }

    [Test]
    public void WindowedNoAggregatesAfterABatch_Query22()
    {
        // #window.lengthBatch(3) select ip, calls: the 2nd batch expires the 1st, then RESET, then its rows.
        var h = Windowed();
        Each(h, 100, Current("192.10.1.5", 3), Current("192.10.1.3", 6), Current("192.10.1.4", 2));
        Each(h, 100, Expired("192.10.1.5", 3), Expired("192.10.1.3", 6), Expired("192.10.1.4", 2), Reset(),
            Current("192.10.1.5", 1), Current("192.10.1.6", 1), Current("192.10.1.7", 2));
        h.AdvanceTo(1300);

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5:1", "192.10.1.6:1", "192.10.1.7:2" }));
    }

    [Test]
    public void WindowedGroupByNoAggregatesAcrossBatches_Query28()
    {
        // Group by: the selector drops RESET, the expired rows empty the list.
        var h = Windowed();
        Each(h, 2100, Current("192.10.1.5"), Current("192.10.1.3"), Current("192.10.1.4"));
        Each(h, 3300, Expired("192.10.1.5"), Expired("192.10.1.3"), Expired("192.10.1.4"),
            Current("192.10.1.5"), Current("192.10.1.6"), Current("192.10.1.7"));
        h.AdvanceTo(4500);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[]
        {
            "@3000 [192.10.1.5 192.10.1.3 192.10.1.4]", "@4000 [192.10.1.5 192.10.1.6 192.10.1.7]",
        }));
    }

    [Test]
    public void WindowedExpiryRemovesTheFirstMatchOnlyAndResetClears()
    {
        var h = Windowed();
        Each(h, 100, Current("a"), Current("b"), Current("a"), Expired("c"), Expired("a"));
        h.AdvanceTo(1000);
        Each(h, 1100, Reset(), Current("d"));
        h.AdvanceTo(2000);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@1000 [b a]", "@2000 [d]" }));
    }

    [Test]
    public void AllAggregated_Query8()
    {
        // #window.time(1 sec) select sum(calls): any expiry forgets the row.
        var h = AllAggregation();
        Each(h, 1100, Total(EventKind.Current, "a", 3));
        Each(h, 1200, Total(EventKind.Current, "b", 9));
        Each(h, 2100, Total(EventKind.Expired, "a", 6));
        Each(h, 2200, Total(EventKind.Expired, "b", 0));
        Each(h, 3400, Total(EventKind.Current, "a", 2));
        Each(h, 3500, Total(EventKind.Current, "b", 12));
        Each(h, 4400, Total(EventKind.Expired, "a", 10));
        Each(h, 4500, Total(EventKind.Expired, "b", 0));
        h.AdvanceTo(4700);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@2000 [9]", "@4000 [12]" }));
    }

    [Test]
    public void AllAggregatedForgetsTheRowOnExpiryEvenWhenTheWindowStillHoldsEvents_Query9()
    {
        // #window.time(5 sec) select sum(calls): after the first expiry at 6100 ticks emit nothing.
        var h = AllAggregation();
        Each(h, 1100, Total(EventKind.Current, "a", 3));
        Each(h, 1200, Total(EventKind.Current, "b", 9));
        Each(h, 3400, Total(EventKind.Current, "a", 11));
        Each(h, 3500, Total(EventKind.Current, "b", 21));
        Each(h, 6100, Total(EventKind.Expired, "a", 18));
        Each(h, 6200, Total(EventKind.Expired, "b", 12));
        Each(h, 8400, Total(EventKind.Expired, "a", 10));
        Each(h, 8500, Total(EventKind.Expired, "b", 0));
        h.AdvanceTo(63_500);

        Assert.That(h.In, Is.EqualTo(new[] { "9", "9", "21", "21", "21" }));
    }

    [Test]
    public void AllAggregatedOverBatches_Query24()
    {
        var h = AllAggregation();
        Each(h, 100, Total(EventKind.Current, "a", 3), Total(EventKind.Current, "b", 9), Total(EventKind.Current, "c", 11),
            Total(EventKind.Expired, "a", 8), Total(EventKind.Expired, "b", 2), Total(EventKind.Expired, "c", 0), Reset(),
            Total(EventKind.Current, "a", 1), Total(EventKind.Current, "d", 2), Total(EventKind.Current, "e", 4));
        h.AdvanceTo(1300);

        Assert.That(h.In, Is.EqualTo(new[] { "4" }));
    }

    [Test]
    public void AllAggregatedGroupBy_Query6()
    {
        // #window.time(1 sec) select sum(calls) group by ip: keys whose rows all expired are dropped at the tick.
        var h = AllAggregationGroupBy();
        Each(h, 1100, Total(EventKind.Current, "192.10.1.5", 3), Total(EventKind.Current, "192.10.1.3", 6));
        Each(h, 2100, Total(EventKind.Expired, "192.10.1.5", 0), Total(EventKind.Expired, "192.10.1.3", 0));
        Each(h, 3300, Total(EventKind.Current, "192.10.1.5", 2), Total(EventKind.Current, "192.10.1.3", 10));
        Each(h, 4300, Total(EventKind.Expired, "192.10.1.5", 0), Total(EventKind.Expired, "192.10.1.3", 0));
        h.AdvanceTo(4500);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@2000 [3 6]", "@4000 [2 10]" }));
    }

    [Test]
    public void AllAggregatedGroupByEmitsAnExpiredLatestRowAsExpired_Query7()
    {
        var h = AllAggregationGroupBy();
        Each(h, 1100, Total(EventKind.Current, "192.10.1.5", 3), Total(EventKind.Current, "192.10.1.3", 6));
        Each(h, 3400, Total(EventKind.Current, "192.10.1.5", 5), Total(EventKind.Current, "192.10.1.3", 16));
        Each(h, 6100, Total(EventKind.Expired, "192.10.1.5", 2), Total(EventKind.Expired, "192.10.1.3", 10));
        Each(h, 8400, Total(EventKind.Expired, "192.10.1.5", 0), Total(EventKind.Expired, "192.10.1.3", 0));
        h.AdvanceTo(10_600);

        Assert.That(h.In, Is.EqualTo(Repeat(2, "3", "6").Concat(Repeat(3, "5", "16"))));
        Assert.That(h.Removed, Is.EqualTo(Repeat(2, "2", "10")));
        Assert.That(h.Stream, Is.EqualTo(Repeat(2, "3", "6").Concat(Repeat(3, "5", "16")).Concat(Repeat(2, "2", "10"))));
    }

    [Test]
    public void AllAggregatedGroupByOverBatches_Query25()
    {
        var h = AllAggregationGroupBy();
        Each(h, 100, Total(EventKind.Current, "192.10.1.5", 3), Total(EventKind.Current, "192.10.1.3", 6), Total(EventKind.Current, "192.10.1.4", 2),
            Total(EventKind.Expired, "192.10.1.5", 0), Total(EventKind.Expired, "192.10.1.3", 0), Total(EventKind.Expired, "192.10.1.4", 0),
            Total(EventKind.Current, "192.10.1.5", 1), Total(EventKind.Current, "192.10.1.6", 1), Total(EventKind.Current, "192.10.1.7", 2));
        h.AdvanceTo(1300);

        // Key order is first appearance: "192.10.1.5" keeps its place ahead of the new keys.
        Assert.That(h.In, Is.EqualTo(new[] { "1", "1", "2" }));
        h.AdvanceTo(2000);
        Assert.That(h.In, Is.EqualTo(new[] { "1", "1", "2", "1", "1", "2" }));
    }

    [Test]
    public void AllAggregatedGroupByKeepsKeyOrderAcrossDroppedKeys()
    {
        var h = AllAggregationGroupBy();
        Each(h, 100, Total(EventKind.Current, "a", 1), Total(EventKind.Current, "b", 2), Total(EventKind.Current, "c", 3));
        Each(h, 500, Total(EventKind.Expired, "b", 0));
        h.AdvanceTo(1000);
        Each(h, 1100, Total(EventKind.Current, "c", 30), Total(EventKind.Current, "b", 20), Total(EventKind.Current, "a", 10));
        h.AdvanceTo(2000);

        // "b" left at the first tick, so it comes back after the keys that stayed.
        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@1000 [1 3]", "@2000 [10 30 20]" }));
    }

    [Test]
    public void SomeAggregated_Query18()
    {
        // #window.time(1 sec) select ip, sum(calls): every retained row with the latest sum.
        var h = Aggregation();
        Each(h, 1100, Current("192.10.1.5", 3), Current("192.10.1.3", 9));
        Each(h, 2100, Expired("192.10.1.5", 6), Expired("192.10.1.3", 0));
        Each(h, 3300, Current("192.10.1.5", 2), Current("192.10.1.3", 12));
        Each(h, 4300, Expired("192.10.1.5", 10), Expired("192.10.1.3", 0));
        h.AdvanceTo(4500);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@2000 [192.10.1.5:9 192.10.1.3:9]", "@4000 [192.10.1.5:12 192.10.1.3:12]" }));
    }

    [Test]
    public void SomeAggregated_Query19()
    {
        var h = Aggregation();
        Each(h, 1100, Current("192.10.1.5", 3), Current("192.10.1.3", 9));
        Each(h, 3300, Current("192.10.1.5", 11), Current("192.10.1.3", 21));
        Each(h, 6100, Expired("192.10.1.5", 18), Expired("192.10.1.3", 12));
        Each(h, 8300, Expired("192.10.1.5", 10), Expired("192.10.1.3", 0));
        h.AdvanceTo(10_400);

        Assert.That(h.In, Is.EqualTo(Repeat(2, "192.10.1.5:9", "192.10.1.3:9")
            .Concat(Repeat(6, "192.10.1.5:21", "192.10.1.3:21"))
            .Concat(Repeat(2, "192.10.1.5:12", "192.10.1.3:12"))));
    }

    [Test]
    public void SomeAggregatedOverBatches_Query23()
    {
        var h = Aggregation();
        Each(h, 100, Current("192.10.1.5", 3), Current("192.10.1.3", 9), Current("192.10.1.4", 11),
            Expired("192.10.1.5", 8), Expired("192.10.1.3", 2), Expired("192.10.1.4", 0), Reset(),
            Current("192.10.1.5", 1), Current("192.10.1.6", 2), Current("192.10.1.7", 4));
        h.AdvanceTo(1300);

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5:4", "192.10.1.6:4", "192.10.1.7:4" }));
    }

    [Test]
    public void SomeAggregatedUnmatchedExpiryLeavesTheAggregatesAlone()
    {
        var h = Aggregation();
        Each(h, 100, Current("a", 1), Current("b", 2), Expired("zz", 99));
        h.AdvanceTo(1000);

        Assert.That(h.In, Is.EqualTo(new[] { "a:2", "b:2" }));
    }

    [Test]
    public void SomeAggregatedGroupBy_Query20()
    {
        // #window.time(5 sec) select ip, sum(calls) group by ip: the first retained row per key with the key's sum.
        var h = AggregationGroupBy();
        Each(h, 1100, Current("192.10.1.5", 3), Current("192.10.1.3", 6));
        Each(h, 3300, Current("192.10.1.5", 5), Current("192.10.1.3", 16));
        Each(h, 6100, Expired("192.10.1.5", 2), Expired("192.10.1.3", 10));
        Each(h, 8300, Expired("192.10.1.5", 0), Expired("192.10.1.3", 0));
        h.AdvanceTo(9500);

        Assert.That(h.In, Is.EqualTo(Repeat(2, "192.10.1.5:3", "192.10.1.3:6")
            .Concat(Repeat(3, "192.10.1.5:5", "192.10.1.3:16"))
            .Concat(Repeat(2, "192.10.1.5:2", "192.10.1.3:10"))));
    }

    [Test]
    public void SomeAggregatedGroupBy_Query21()
    {
        var h = AggregationGroupBy();
        Each(h, 1100, Current("192.10.1.5", 3), Current("192.10.1.3", 6));
        Each(h, 2100, Expired("192.10.1.5", 0), Expired("192.10.1.3", 0));
        Each(h, 3300, Current("192.10.1.5", 2), Current("192.10.1.3", 10));
        Each(h, 4300, Expired("192.10.1.5", 0), Expired("192.10.1.3", 0));
        h.AdvanceTo(4500);

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5:3", "192.10.1.3:6", "192.10.1.5:2", "192.10.1.3:10" }));
    }

    [Test]
    public void SomeAggregatedGroupByOverBatches_Query26()
    {
        var h = AggregationGroupBy();
        Each(h, 100, Current("192.10.1.5", 3), Current("192.10.1.3", 6), Current("192.10.1.4", 2),
            Expired("192.10.1.5", 0), Expired("192.10.1.3", 0), Expired("192.10.1.4", 0),
            Current("192.10.1.5", 1), Current("192.10.1.6", 1), Current("192.10.1.7", 2));
        h.AdvanceTo(1300);

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5:1", "192.10.1.6:1", "192.10.1.7:2" }));
    }

    [Test]
    public void SomeAggregatedGroupByCount_Query5_1()
    {
        // #window.time(2 sec) select ip, count() group by ip, four events in one go.
        var h = AggregationGroupBy();
        Each(h, 1100, Current("192.10.1.5", 1), Current("192.10.1.3", 1), Current("192.10.1.5", 2), Current("192.10.1.3", 2));
        Each(h, 3100, Expired("192.10.1.5", 1), Expired("192.10.1.3", 1), Expired("192.10.1.5", 0), Expired("192.10.1.3", 0));
        h.AdvanceTo(4100);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@2000 [192.10.1.5:2 192.10.1.3:2]", "@3000 [192.10.1.5:2 192.10.1.3:2]" }));
    }

    [Test]
    public void ARowReachingTheTickBeforeItsTimerFiredFlushesFirst()
    {
        // With a wall clock the tick's timer can be late: the arrival flushes the snapshot as it was, then counts.
        var h = Windowed();
        Each(h, 100, Current("a"));
        h.Deliver(1000, Current("b"));

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@100 [a]" }));
        Assert.That(h.Clock.PendingTimers, Is.EqualTo(1));

        // The stale timer at 1000 emits nothing and re-arms for 2000.
        h.AdvanceTo(1999);
        Assert.That(h.Chunks, Has.Count.EqualTo(1));
        Assert.That(h.Clock.PendingTimers, Is.EqualTo(1));
        h.AdvanceTo(2000);
        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@100 [a]", "@2000 [a b]" }));
    }

    [Test]
    public void RowsExpiringAtTheTickAreInThatTicksSnapshotWhenOurTimerFiresFirst()
    {
        var h = Windowed();
        Each(h, 100, Current("a"), Current("b"));
        Each(h, 1000, Expired("a"));
        h.AdvanceTo(2000);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@1000 [a b]", "@2000 [b]" }));
    }

    [Test]
    public void RowsExpiringAtTheTickAreInThatTicksSnapshotWhenTheWindowsTimerFiresFirst()
    {
        // The window's timer for 2000 was scheduled before our re-armed tick, so it fires first: its expiry, stamped
        // with the tick time, flushes before it removes the row; the forwarded and our own callbacks add nothing.
        var h = Windowed();
        h.OperatorTimer = t =>
        {
            if (t == 2000 && h.TimerCallbacks == 2)
            {
                h.Deliver(t, Expired("a"));
            }
        };
        Each(h, 100, Current("a"), Current("b"));
        h.ScheduleForeignTimer(2000);
        h.AdvanceTo(3000);

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@1000 [a b]", "@2000 [a b]", "@3000 [b]" }));
        Assert.That(h.Clock.PendingTimers, Is.EqualTo(1));
    }

    [Test]
    public void TicksWithNothingKeptEmitNothing()
    {
        foreach (var h in new[] { PerSnapshot(), GroupByPerSnapshot(), Windowed(), AllAggregation(), AllAggregationGroupBy(), Aggregation(), AggregationGroupBy() })
        {
            h.AdvanceTo(3000);
            h.Send(3100);
            h.AdvanceTo(5000);
            Assert.That(h.Chunks, Is.Empty, h.Limiter.GetType().Name);
            Assert.That(h.Clock.PendingTimers, Is.EqualTo(1), h.Limiter.GetType().Name);
        }
    }
}
