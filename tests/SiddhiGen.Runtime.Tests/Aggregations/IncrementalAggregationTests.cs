using SiddhiGen.Runtime.Aggregations;

namespace SiddhiGen.Runtime.Tests;

public sealed class IncrementalAggregationTests
{
    private const long Base = 1_496_289_600_000; // 2017-06-01 04:00:00 UTC, the start of an hour

    [Test]
    public void EveryEventCountsOnceAtEveryGranularityInTheBucketOfItsOwnTime()
    {
        var aggregation = Create(out _);
        aggregation.Add(Base + 1_000, "a", Sum.Of(1));
        aggregation.Add(Base + 61_000, "a", Sum.Of(2)); // a newer minute: the first second and minute roll up
        aggregation.Add(Base + 1_500, "a", Sum.Of(4)); // out of order: back into its finished second and minute
        aggregation.Add(Base + 61_200, "b", Sum.Of(8));

        Assert.That(Read(aggregation, Granularity.Seconds), Is.EqualTo(new[] { (Base + 1_000, "a", 5L, 2L), (Base + 61_000, "a", 2L, 1L), (Base + 61_000, "b", 8L, 1L) }));
        Assert.That(Read(aggregation, Granularity.Minutes), Is.EqualTo(new[] { (Base, "a", 5L, 2L), (Base + 60_000, "a", 2L, 1L), (Base + 60_000, "b", 8L, 1L) }));
        Assert.That(Read(aggregation, Granularity.Hours), Is.EqualTo(new[] { (Base, "a", 7L, 3L), (Base, "b", 8L, 1L) }));
    }

    [Test]
    public void TheClockRollsRunningBucketsIntoTheTables()
    {
        var aggregation = Create(out var clock);
        aggregation.Add(Base + 1_000, "a", Sum.Of(1));
        Assert.That(aggregation.Store(Granularity.Seconds).Count, Is.Zero, "the second is still running");
        clock.AdvanceTo(Base + 60_000);
        Assert.That(aggregation.Store(Granularity.Seconds).Count, Is.EqualTo(1));
        Assert.That(aggregation.Store(Granularity.Minutes).Count, Is.EqualTo(1), "the minute ended too");
        Assert.That(aggregation.Store(Granularity.Hours).Count, Is.Zero);
        Assert.That(Read(aggregation, Granularity.Hours), Is.EqualTo(new[] { (Base, "a", 1L, 1L) }));
    }

    [Test]
    public void WithinSelectsBucketStartsFromTheStartToBeforeTheEnd()
    {
        var aggregation = Create(out _);
        aggregation.Add(Base + 1_000, "a", Sum.Of(1));
        aggregation.Add(Base + 2_000, "a", Sum.Of(2));
        aggregation.Add(Base + 3_000, "a", Sum.Of(4));
        var found = aggregation.Find(new AggregationWithin(Base + 2_000, Base + 3_000, Granularity.Seconds));
        Assert.That(found.Select(b => b.Start), Is.EqualTo(new[] { Base + 2_000 }));
        Assert.That(aggregation.Find(new AggregationWithin(Base + 1, Base + 3_600_000, Granularity.Hours)), Is.Empty, "the hour starts before the range");
        Assert.Throws<ArgumentException>(() => aggregation.Find(new AggregationWithin(Base, Base + 1, Granularity.Days)), "no days are aggregated");
    }

    [Test]
    public void PurgingDropsOldBucketsOnlyOnceTheCoarserTableHoldsThem()
    {
        var clock = new VirtualClock(Base);
        var purge = new AggregationPurge(60_000, new Dictionary<Granularity, long> { [Granularity.Seconds] = 120_000 });
        var aggregation = new IncrementalAggregation<string, Sum>("A", clock, [Granularity.Seconds, Granularity.Minutes, Granularity.Hours], purge);
        aggregation.Start();
        aggregation.Add(Base + 1_000, "a", Sum.Of(1));
        aggregation.Add(Base + 61_000, "a", Sum.Of(2));
        clock.AdvanceTo(Base + 121_500);
        Assert.That(aggregation.Store(Granularity.Seconds).Count, Is.EqualTo(2), "at 2 min nothing is older than the retention yet");
        clock.AdvanceTo(Base + 180_000);
        Assert.That(Read(aggregation, Granularity.Seconds), Is.EqualTo(new[] { (Base + 61_000, "a", 2L, 1L) }), "the first second went; its minute stays");
        Assert.That(Read(aggregation, Granularity.Minutes).Select(r => r.Sum), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public void TheClockRunningAheadOfTheEventsChangesNoBucket()
    {
        // As a chunk does: the clock moves to its last event first, so running buckets end before their events arrive.
        var reference = Create(out var referenceClock);
        var chunked = Create(out var clock);
        var keys = new[] { "a", "b", "c" };
        for (var start = 0; start < 200_000; start += 1024)
        {
            clock.AdvanceTo(Base + start + 1023);
            for (var i = start; i < start + 1024; i++)
            {
                referenceClock.AdvanceTo(Base + i);
                reference.Add(Base + i, keys[i % 3], Sum.Of(i));
                chunked.Add(Base + i, keys[i % 3], Sum.Of(i));
            }
        }

        foreach (var per in new[] { Granularity.Seconds, Granularity.Minutes, Granularity.Hours })
        {
            Assert.That(Read(chunked, per), Is.EqualTo(Read(reference, per)), per.ToString());
        }
    }

    private static IncrementalAggregation<string, Sum> Create(out VirtualClock clock)
    {
        clock = new VirtualClock(Base);
        return new IncrementalAggregation<string, Sum>("A", clock, [Granularity.Seconds, Granularity.Minutes, Granularity.Hours]);
    }

    private static (long Start, string Key, long Sum, long Count)[] Read(IncrementalAggregation<string, Sum> aggregation, Granularity per) =>
        aggregation.Find(new AggregationWithin(0, long.MaxValue, per)).Select(b => (b.Start, b.Key, b.Values.Total, b.Values.Count)).ToArray();

    /// <summary>Base values of a sum and a count, as the generator writes them.</summary>
    private struct Sum : IAggregationValues<Sum>
    {
        public long Total;
        public long Count;

        public static Sum Of(long value) => new() { Total = value, Count = 1 };

        public void Merge(in Sum later)
        {
            Total += later.Total;
            Count += later.Count;
        }
    }
}
