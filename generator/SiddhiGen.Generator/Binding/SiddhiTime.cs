using System.Globalization;
using System.Text.RegularExpressions;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Siddhi's readings of durations written as annotation text and strings: <c>Expression.Time.timeToLong</c>
/// (the first number and the first word, which must be a granularity: '120 sec', '2 h', '30 days'; no
/// milliseconds or weeks) and <c>normalizeDuration</c> (the granularity names of <c>per</c> and <c>@retentionPeriod</c>).
/// </summary>
internal static class SiddhiTime
{
    private static readonly Regex s_digits = new(@"\d+", RegexOptions.CultureInvariant);
    private static readonly Regex s_nonDigits = new(@"\D+", RegexOptions.CultureInvariant);

    public static bool TryNormalizeDuration(string value, out AggregationDuration duration)
    {
        switch (value.ToLowerInvariant())
        {
            case "sec":
            case "seconds":
            case "second":
                duration = AggregationDuration.Seconds;
                return true;
            case "min":
            case "minutes":
            case "minute":
                duration = AggregationDuration.Minutes;
                return true;
            case "h":
            case "hour":
            case "hours":
                duration = AggregationDuration.Hours;
                return true;
            case "days":
            case "day":
                duration = AggregationDuration.Days;
                return true;
            case "month":
            case "months":
                duration = AggregationDuration.Months;
                return true;
            case "year":
            case "years":
                duration = AggregationDuration.Years;
                return true;
            default:
                duration = default;
                return false;
        }
    }

    /// <summary><c>timeToLong</c>: '120 sec' is 120000; false where Siddhi throws.</summary>
    public static bool TryTimeToLong(string value, out long milliseconds)
    {
        milliseconds = 0;
        var number = s_digits.Match(value);
        var unit = s_nonDigits.Match(value);
        if (!number.Success || !unit.Success
            || !TryNormalizeDuration(unit.Value.Trim(), out var duration)
            || !int.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        milliseconds = count * Milliseconds(duration);
        return true;
    }

    /// <summary>The length of one unit of <paramref name="duration"/> as Siddhi counts it (month 30 days, year 365 days).</summary>
    public static long Milliseconds(AggregationDuration duration) => duration switch
    {
        AggregationDuration.Seconds => 1000L,
        AggregationDuration.Minutes => 60_000L,
        AggregationDuration.Hours => 3_600_000L,
        AggregationDuration.Days => 86_400_000L,
        AggregationDuration.Months => 30L * 86_400_000L,
        _ => 365L * 86_400_000L,
    };

    /// <summary>The granularity of an aggregation duration keyword (the parser admits no week or millisecond).</summary>
    public static AggregationDuration FromUnit(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => AggregationDuration.Seconds,
        TimeUnit.Minute => AggregationDuration.Minutes,
        TimeUnit.Hour => AggregationDuration.Hours,
        TimeUnit.Day => AggregationDuration.Days,
        TimeUnit.Month => AggregationDuration.Months,
        _ => AggregationDuration.Years,
    };

    /// <summary>Siddhi's name of a granularity, as its messages print it (SECONDS, MINUTES, ...), in lower case.</summary>
    public static string Describe(AggregationDuration duration) => duration.ToString().ToLowerInvariant();
}
