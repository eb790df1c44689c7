using SiddhiGen.Runtime.Aggregations;

namespace SiddhiGen.Runtime.Tests;

public sealed class AggregationTimeTests
{
    private static long Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0) =>
        new DateTimeOffset(y, mo, d, h, mi, s, ms, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Test]
    public void BucketsStartAtTheGranularityInUtc()
    {
        var t = Utc(2017, 6, 15, 13, 45, 30, 250);
        Assert.That(AggregationTime.StartOf(t, Granularity.Seconds), Is.EqualTo(Utc(2017, 6, 15, 13, 45, 30)));
        Assert.That(AggregationTime.StartOf(t, Granularity.Minutes), Is.EqualTo(Utc(2017, 6, 15, 13, 45)));
        Assert.That(AggregationTime.StartOf(t, Granularity.Hours), Is.EqualTo(Utc(2017, 6, 15, 13)));
        Assert.That(AggregationTime.StartOf(t, Granularity.Days), Is.EqualTo(Utc(2017, 6, 15)));
        Assert.That(AggregationTime.StartOf(t, Granularity.Months), Is.EqualTo(Utc(2017, 6, 1)));
        Assert.That(AggregationTime.StartOf(t, Granularity.Years), Is.EqualTo(Utc(2017, 1, 1)));
        Assert.That(AggregationTime.StartOf(-1, Granularity.Seconds), Is.EqualTo(-1000), "before 1970 rounds down, not towards zero");
    }

    [Test]
    public void MonthsAndYearsEndOnTheCalendar()
    {
        Assert.That(AggregationTime.NextStart(Utc(2020, 2, 1), Granularity.Months), Is.EqualTo(Utc(2020, 3, 1)));
        Assert.That(AggregationTime.NextStart(Utc(2020, 1, 1), Granularity.Years), Is.EqualTo(Utc(2021, 1, 1)));
    }

    [Test]
    public void ReadsDateStringsWithMillisecondsAndOffsets()
    {
        Assert.That(AggregationTime.ParseTimestamp("2017-06-01 04:05:50"), Is.EqualTo(1496289950000L));
        Assert.That(AggregationTime.ParseTimestamp("2017-06-01 09:35:50 +05:30"), Is.EqualTo(1496289950000L));
        Assert.That(AggregationTime.ParseTimestamp("2017-06-01 04:05:50.123"), Is.EqualTo(1496289950123L));
        Assert.Throws<FormatException>(() => AggregationTime.ParseTimestamp("1496289950000"), "Siddhi reads no epoch strings");
        Assert.Throws<FormatException>(() => AggregationTime.ParseTimestamp("2017-02-30 00:00:00"));
    }

    [Test]
    public void WithinPatternsCoverThePeriodOfTheirFixedFields()
    {
        Assert.That(AggregationTime.ParseWithinPattern("2017-06-** **:**:**"), Is.EqualTo((Utc(2017, 6, 1), Utc(2017, 7, 1))));
        Assert.That(AggregationTime.ParseWithinPattern("2017-**-** **:**:**"), Is.EqualTo((Utc(2017, 1, 1), Utc(2018, 1, 1))));
        Assert.That(AggregationTime.ParseWithinPattern("2017-12-18 06:21:**"), Is.EqualTo((Utc(2017, 12, 18, 6, 21), Utc(2017, 12, 18, 6, 22))));
        Assert.That(AggregationTime.ParseWithinPattern("2017-12-18 11:51:27 +05:30"), Is.EqualTo((Utc(2017, 12, 18, 6, 21, 27), Utc(2017, 12, 18, 6, 21, 28))));
        Assert.Throws<FormatException>(() => AggregationTime.ParseWithinPattern("2017-**-18 **:**:**"), "a fixed field after a free one");
    }

    [Test]
    public void PerTakesSiddhisGranularityNames()
    {
        Assert.That(AggregationTime.ParsePer("sec"), Is.EqualTo(Granularity.Seconds));
        Assert.That(AggregationTime.ParsePer("hours"), Is.EqualTo(Granularity.Hours));
        Assert.That(AggregationTime.ParsePer("days"), Is.EqualTo(Granularity.Days));
        Assert.Throws<ArgumentException>(() => AggregationTime.ParsePer("weeks"));
    }
}
