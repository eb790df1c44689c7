using static SiddhiGen.Runtime.Tests.RateLimiting.LimiterHarness;

namespace SiddhiGen.Runtime.Tests.RateLimiting;

/// <summary>
/// <c>output all|first|last every N events</c>, with and without group by. Cases named after the corpus
/// (<c>query.ratelimit.EventOutputRateLimitTestCase#...</c>): each send is one chunk; for windowed apps the chunks are
/// the rows the selector produces from each window emission.
/// </summary>
public sealed class PerEventRateLimiterTests
{
    private static LimiterHarness All(int n) => Create((o, _, _) => new AllPerEventRateLimiter<LimiterRow>(o, n));

    private static LimiterHarness First(int n) => Create((o, _, _) => new FirstPerEventRateLimiter<LimiterRow>(o, n));

    private static LimiterHarness FirstGroupBy(int n) =>
        Create((o, _, _) => new FirstGroupByPerEventRateLimiter<LimiterRow, ValueTuple<string?>, LimiterRowKeyOf>(o, n));

    private static LimiterHarness Last(int n) => Create((o, _, _) => new LastPerEventRateLimiter<LimiterRow>(o, n));

    private static LimiterHarness LastGroupBy(int n) =>
        Create((o, _, _) => new LastGroupByPerEventRateLimiter<LimiterRow, ValueTuple<string?>, LimiterRowKeyOf>(o, n));

    [Test]
    public void AllEvery2Events_Query1()
    {
        var h = All(2);
        h.SendEach(0, "192.10.1.3", "192.10.1.3", "192.10.1.4", "192.10.1.3", "192.10.1.5");
        h.AdvanceTo(1000);

        Assert.That(h.Stream, Is.EqualTo(new[] { "192.10.1.3", "192.10.1.3", "192.10.1.4", "192.10.1.3" }));
        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@0 [192.10.1.3 192.10.1.3]", "@0 [192.10.1.4 192.10.1.3]" }));
    }

    [Test]
    public void AllEvery5Events_Query3()
    {
        var h = All(5);
        h.SendEach(0, "192.10.1.5", "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.4", "192.10.1.4", "192.10.1.30");

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4" }));
        Assert.That(h.Chunks, Has.Count.EqualTo(1));
    }

    [Test]
    public void AllReleasesEveryFullBatchOfOneChunkAsOneOutputChunk()
    {
        var h = All(2);
        h.Send(0, Row("a"), Row("b"), Row("c"), Row("d"), Row("e"));
        h.Send(0, Row("f"));

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@0 [a b c d]", "@0 [e f]" }));
    }

    [Test]
    public void AllExpiredEvery2Events_Query15()
    {
        // lengthBatch(4) + count(), insert expired events: the selector gives one expired row per batch from the 2nd on.
        var h = All(2);
        h.SendKinds(0, Expired("192.10.1.9", 0));
        h.SendKinds(0, Expired("192.10.1.4", 0));

        Assert.That(h.In, Is.Empty);
        Assert.That(h.Removed, Is.EqualTo(new[] { "192.10.1.9:0", "192.10.1.4:0" }));
        Assert.That(h.Stream, Is.EqualTo(new[] { "192.10.1.9:0", "192.10.1.4:0" }));
    }

    [Test]
    public void AllGroupByExpiredEvery2Events_Query16()
    {
        // With group by Siddhi uses the same limiter; the selector gives one expired row per key per batch.
        var h = All(2);
        h.SendKinds(0, Expired("192.10.1.5", 0), Expired("192.10.1.3", 0), Expired("192.10.1.9", 0));
        h.SendKinds(0, Expired("192.10.1.3", 0), Expired("192.10.1.4", 0));

        Assert.That(h.Removed, Is.EqualTo(new[] { "192.10.1.5:0", "192.10.1.3:0", "192.10.1.9:0", "192.10.1.3:0" }));
    }

    [Test]
    public void FirstEvery2Events_Query4()
    {
        var h = First(2);
        h.SendEach(0, "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.3");

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.9", "192.10.1.3" }));
    }

    [Test]
    public void FirstEvery3Events_Query5()
    {
        var h = First(3);
        h.SendEach(0, "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.3");

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.4" }));
    }

    [Test]
    public void FirstEvery2Events_Query18()
    {
        var h = First(2);
        h.SendEach(0, "192.10.1.5", "192.10.1.3", "192.10.1.5", "192.10.1.5", "192.10.1.5", "192.10.1.9",
            "192.10.1.4", "192.10.1.4", "192.10.1.4", "192.10.1.30", "192.10.1.5");

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.5", "192.10.1.5", "192.10.1.4", "192.10.1.4", "192.10.1.5" }));
    }

    [Test]
    public void FirstCountsResetRowsButNeverEmitsThem()
    {
        // A non-aggregating selector leaves a batch window's RESET in the chunk; Siddhi counts it.
        // The RESET takes position 1 of 3, so "a" and "b" are positions 2 and 3 and dropped.
        var h = First(3);
        h.SendKinds(0, Reset(), Current("a"), Current("b"));
        h.SendKinds(0, Current("c"), Reset(), Current("d"));

        Assert.That(h.In, Is.EqualTo(new[] { "c" }));
    }

    [Test]
    public void FirstEvery1EventLetsOnlyTheFirstRowThroughAsSiddhiDoes()
    {
        var h = First(1);
        h.SendEach(0, "a", "b", "c");

        Assert.That(h.In, Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void FirstGroupByEvery5Events_Query8()
    {
        var h = FirstGroupBy(5);
        h.SendEach(0, "192.10.1.5", "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.4", "192.10.1.4", "192.10.1.30");

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.30" }));
    }

    [Test]
    public void FirstGroupByEvery5Events_Query10()
    {
        var h = FirstGroupBy(5);
        h.SendEach(0, "192.10.1.5", "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.4", "192.10.1.4",
            "192.10.1.4", "192.10.1.4", "192.10.1.30");

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.30" }));
    }

    [Test]
    public void FirstGroupByEvery2Events_Query17()
    {
        var h = FirstGroupBy(2);
        h.SendEach(0, "192.10.1.5", "192.10.1.5", "192.10.1.3", "192.10.1.5", "192.10.1.5", "192.10.1.9", "192.10.1.4",
            "192.10.1.4", "192.10.1.4", "192.10.1.5", "192.10.1.30");

        Assert.That(h.In, Is.EqualTo(new[]
        {
            "192.10.1.5", "192.10.1.3", "192.10.1.5", "192.10.1.9", "192.10.1.4", "192.10.1.4", "192.10.1.5", "192.10.1.30",
        }));
    }

    [Test]
    public void FirstGroupByEmitsTheRowsLetThroughFromOneChunkAsOneChunk()
    {
        var h = FirstGroupBy(2);
        h.Send(0, Row("a"), Row("b"), Row("a"), Row("a"), Row("c"));

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@0 [a b a c]" }));
    }

    [Test]
    public void LastEvery2Events_Query6()
    {
        var h = Last(2);
        h.SendEach(0, "192.10.1.3", "192.10.1.5", "192.10.1.3", "192.10.1.4", "192.10.1.3");

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.4" }));
    }

    [Test]
    public void LastEvery4Events_Query7()
    {
        var h = Last(4);
        h.SendEach(0, "192.10.1.3", "192.10.1.5", "192.10.1.3", "192.10.1.4", "192.10.1.3");

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.4" }));
    }

    [Test]
    public void LastOfAggregatedBatches_Query13()
    {
        // lengthBatch(4) + count(): one row per batch (the batch's last event with the count).
        var h = Last(2);
        h.Send(0, Row("192.10.1.9", 4));
        h.Send(0, Row("192.10.1.4", 4));
        h.Send(0, Row("192.10.1.33", 4));

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.4:4" }));
    }

    [Test]
    public void LastOfExpiredRows_Query14()
    {
        var h = Last(2);
        h.SendKinds(0, Expired("192.10.1.9", 0));
        h.SendKinds(0, Expired("192.10.1.4", 0));

        Assert.That(h.Removed, Is.EqualTo(new[] { "192.10.1.4:0" }));
        Assert.That(h.Stream, Is.EqualTo(new[] { "192.10.1.4:0" }));
    }

    [Test]
    public void LastEmitsEachDueRowOfAChunkAsItsOwnChunk()
    {
        var h = Last(2);
        h.Send(0, Row("a"), Row("b"), Row("c"), Row("d"), Row("e"));

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@0 [b]", "@0 [d]" }));
    }

    [Test]
    public void LastGroupByEvery5Events_Query9()
    {
        var h = LastGroupBy(5);
        h.SendEach(0, "192.10.1.5", "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.4", "192.10.1.4", "192.10.1.30");

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4" }));
        Assert.That(h.Chunks, Has.Count.EqualTo(1));
    }

    [Test]
    public void LastGroupByEvery5Events_Query11()
    {
        var h = LastGroupBy(5);
        h.SendEach(0, "192.10.1.5", "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.4", "192.10.1.4",
            "192.10.1.30", "192.10.1.3", "192.10.1.30");

        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5", "192.10.1.3", "192.10.1.9", "192.10.1.4", "192.10.1.4", "192.10.1.30", "192.10.1.3" }));
    }

    [Test]
    public void LastGroupByKeepsFirstAppearanceOrderAndTheLatestRow_Query12()
    {
        // lengthBatch(4) + count() group by ip: per batch, one row per key (its last event with the key's count).
        var h = LastGroupBy(5);
        h.Send(0, Row("192.10.1.5", 1), Row("192.10.1.3", 2), Row("192.10.1.9", 1));
        h.Send(0, Row("192.10.1.3", 1), Row("192.10.1.4", 3));
        h.Send(0, Row("192.10.1.30", 1), Row("192.10.1.31", 1), Row("192.10.1.32", 1), Row("192.10.1.33", 1));

        // "192.10.1.3" keeps its place (LinkedHashMap.put) but goes out with its latest row.
        Assert.That(h.In, Is.EqualTo(new[] { "192.10.1.5:1", "192.10.1.3:1", "192.10.1.9:1", "192.10.1.4:3" }));
    }

    [Test]
    public void LastGroupByForgetsKeysAfterEachEmission()
    {
        var h = LastGroupBy(2);
        h.SendEach(0, "a", "b", "b", "a");

        Assert.That(h.Chunks.Select(c => c.ToString()), Is.EqualTo(new[] { "@0 [a b]", "@0 [b a]" }));
    }

    [Test]
    public void EmptyChunksAndTimerRowsChangeNothing()
    {
        var limiters = new Func<LimiterHarness>[] { () => All(1), () => First(2), () => FirstGroupBy(2), () => Last(1), () => LastGroupBy(1) };
        foreach (var create in limiters)
        {
            var h = create();
            h.Send(0);
            h.SendKinds(0, (EventKind.Timer, default));
            Assert.That(h.Chunks, Is.Empty, h.Limiter.GetType().Name);

            h.SendEach(0, "a");
            Assert.That(h.In, Is.EqualTo(new[] { "a" }), h.Limiter.GetType().Name);
        }
    }

    [Test]
    public void EventLimitersScheduleNothing()
    {
        var h = All(2);
        h.SendEach(0, "a", "b", "c");

        Assert.That(h.Clock.PendingTimers, Is.Zero);
    }

    [Test]
    public void CountsBelowOneAreRejected()
    {
        var h = All(1);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new AllPerEventRateLimiter<LimiterRow>(h.Output, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new FirstPerEventRateLimiter<LimiterRow>(h.Output, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new LastPerEventRateLimiter<LimiterRow>(h.Output, -1));
        });
    }
}
