using SiddhiGen.Generator.Binding;

namespace SiddhiGen.Runtime.Aggregations;

/// <summary>
/// Siddhi's time arithmetic for incremental aggregations (<c>IncrementalTimeConverterUtil</c>,
/// <c>IncrementalUnixTimeFunctionExecutor</c>), in UTC: where a bucket of a granularity starts and ends, how
/// <c>aggregate by</c> strings and <c>within</c> bounds read, and which names <c>per</c> accepts.
/// </summary>
public static class AggregationTime
{
    /// <summary>The start of the bucket of <paramref name="granularity"/> that holds <paramref name="timestamp"/>.</summary>
    public static long StartOf(long timestamp, Granularity granularity)
    {
        switch (granularity)
        {
            case Granularity.Seconds:
                return Floor(timestamp, 1000L);
            case Granularity.Minutes:
                return Floor(timestamp, 60_000L);
            case Granularity.Hours:
                return Floor(timestamp, 3_600_000L);
            case Granularity.Days:
                return Floor(timestamp, 86_400_000L);
            default:
                var time = DateTimeOffset.FromUnixTimeMilliseconds(timestamp);
                var start = granularity == Granularity.Months
                    ? new DateTimeOffset(time.Year, time.Month, 1, 0, 0, 0, TimeSpan.Zero)
                    : new DateTimeOffset(time.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
                return start.ToUnixTimeMilliseconds();
        }
    }

    /// <summary>The start of the bucket after the one starting at <paramref name="start"/>.</summary>
    public static long NextStart(long start, Granularity granularity) => granularity switch
    {
        Granularity.Seconds => start + 1000L,
        Granularity.Minutes => start + 60_000L,
        Granularity.Hours => start + 3_600_000L,
        Granularity.Days => start + 86_400_000L,
        Granularity.Months => DateTimeOffset.FromUnixTimeMilliseconds(start).AddMonths(1).ToUnixTimeMilliseconds(),
        _ => DateTimeOffset.FromUnixTimeMilliseconds(start).AddYears(1).ToUnixTimeMilliseconds(),
    };

    /// <summary>
    /// <c>per</c>: Siddhi's granularity names (<c>sec</c>, <c>seconds</c>, <c>min</c>, <c>hours</c>, <c>days</c>, ...).
    /// </summary>
    /// <exception cref="ArgumentException">Not a granularity name.</exception>
    public static Granularity ParsePer(string? per)
    {
        if (per is not null && SiddhiTime.TryNormalizeDuration(per.Trim(), out var duration))
        {
            return (Granularity)(int)duration;
        }

        throw new ArgumentException($"'{per}' is not a granularity: 'per' takes seconds, minutes, hours, days, months or years.", nameof(per));
    }

    /// <summary>
    /// A date string of an <c>aggregate by</c> attribute or a <c>within</c> bound:
    /// <c>yyyy-MM-dd HH:mm:ss[.SSS] [+hh:mm|-hh:mm]</c>, UTC without an offset (a string of digits is not read as epoch
    /// milliseconds: Siddhi rejects it).
    /// </summary>
    /// <exception cref="FormatException">Any other text.</exception>
    public static long ParseTimestamp(string? text) =>
        AggregationTimeText.TryParseTimestamp(text, out var milliseconds)
            ? milliseconds
            : throw new FormatException($"'{text}' is not {AggregationTimeText.DateShape}.");

    /// <summary>
    /// One <c>within</c> pattern such as <c>'2017-06-** **:**:**'</c> or <c>'2017-12-18 06:21:** +05:30'</c>: from
    /// the start of the period the fixed fields name, to the start of the next. The year is always given; once a
    /// field is <c>**</c>, every later field must be too. A pattern without <c>**</c> is that one second.
    /// </summary>
    /// <exception cref="FormatException">Not such a pattern.</exception>
    public static (long Start, long End) ParseWithinPattern(string? pattern) =>
        AggregationTimeText.TryParsePattern(pattern, out var start, out var end)
            ? (start, end)
            : throw new FormatException($"'{pattern}' is not {AggregationTimeText.PatternShape}.");

    /// <summary>A <c>within</c> bound: a long, or a date string read by <see cref="ParseTimestamp"/>.</summary>
    public static long Bound(object? value) => value switch
    {
        long l => l,
        int i => i,
        string s => ParseTimestamp(s),
        null => throw new ArgumentException("A 'within' bound is null."),
        _ => throw new ArgumentException($"A 'within' bound must be a long or a string, not '{value}'."),
    };

    private static long Floor(long timestamp, long unit) => timestamp - (((timestamp % unit) + unit) % unit);
}
