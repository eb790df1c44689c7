using System.Globalization;
using System.Text.RegularExpressions;
using SiddhiGen.Generator.Binding;

namespace SiddhiGen.Runtime.Aggregations;

/// <summary>
/// Siddhi's time arithmetic for incremental aggregations (<c>IncrementalTimeConverterUtil</c>,
/// <c>IncrementalUnixTimeFunctionExecutor</c>), in UTC: where a bucket of a granularity starts and ends, how
/// <c>aggregate by</c> strings and <c>within</c> bounds read, and which names <c>per</c> accepts.
/// </summary>
public static partial class AggregationTime
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
    public static long ParseTimestamp(string? text)
    {
        var match = text is null ? null : TimestampPattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            throw new FormatException($"'{text}' is not a timestamp: write 'yyyy-MM-dd HH:mm:ss', optionally with '.SSS' milliseconds and a ' +hh:mm' offset.");
        }

        int Group(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        var millis = match.Groups["ms"].Success ? Group("ms") : 0;
        try
        {
            var value = new DateTimeOffset(Group("y"), Group("M"), Group("d"), Group("h"), Group("m"), Group("s"), millis, Offset(match));
            return value.ToUnixTimeMilliseconds();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException($"'{text}' is not a valid date and time.");
        }
    }

    /// <summary>
    /// One <c>within</c> pattern such as <c>'2017-06-** **:**:**'</c> or <c>'2017-12-18 06:21:** +05:30'</c>: from
    /// the start of the period the fixed fields name, to the start of the next. The year is always given; once a
    /// field is <c>**</c>, every later field must be too. A pattern without <c>**</c> is that one second.
    /// </summary>
    /// <exception cref="FormatException">Not such a pattern.</exception>
    public static (long Start, long End) ParseWithinPattern(string? pattern)
    {
        var match = pattern is null ? null : WithinPattern().Match(pattern.Trim());
        if (match is not { Success: true })
        {
            throw new FormatException($"'{pattern}' is not a within pattern: write 'yyyy-MM-dd HH:mm:ss' with '**' for the free fields, e.g. '2017-06-** **:**:**'.");
        }

        string[] fields = ["M", "d", "h", "m", "s"];
        var values = new int[] { 1, 1, 0, 0, 0 };
        var fixedFields = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            var text = match.Groups[fields[i]].Value;
            if (text == "**")
            {
                break;
            }

            values[i] = int.Parse(text, CultureInfo.InvariantCulture);
            fixedFields++;
        }

        for (var i = fixedFields; i < fields.Length; i++)
        {
            if (match.Groups[fields[i]].Value != "**")
            {
                throw new FormatException($"'{pattern}' is not a within pattern: once a field is '**', every later field must be '**' too.");
            }
        }

        DateTimeOffset start;
        try
        {
            start = new DateTimeOffset(int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture), values[0], values[1], values[2], values[3], values[4], Offset(match));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException($"'{pattern}' is not a valid date and time.");
        }

        var end = fixedFields switch
        {
            0 => start.AddYears(1),
            1 => start.AddMonths(1),
            2 => start.AddDays(1),
            3 => start.AddHours(1),
            4 => start.AddMinutes(1),
            _ => start.AddSeconds(1),
        };
        return (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds());
    }

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

    private static TimeSpan Offset(Match match)
    {
        if (!match.Groups["oh"].Success)
        {
            return TimeSpan.Zero;
        }

        var offset = new TimeSpan(int.Parse(match.Groups["oh"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["om"].Value, CultureInfo.InvariantCulture), 0);
        return match.Groups["sign"].Value == "-" ? -offset : offset;
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<M>\d{2})-(?<d>\d{2}) (?<h>\d{2}):(?<m>\d{2}):(?<s>\d{2})(?:\.(?<ms>\d{3}))?(?: (?<sign>[+-])(?<oh>\d{2}):(?<om>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<M>\d{2}|\*\*)-(?<d>\d{2}|\*\*) (?<h>\d{2}|\*\*):(?<m>\d{2}|\*\*):(?<s>\d{2}|\*\*)(?: (?<sign>[+-])(?<oh>\d{2}):(?<om>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex WithinPattern();
}
