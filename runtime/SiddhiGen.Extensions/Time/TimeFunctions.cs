using System.Globalization;
using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// siddhi-execution-time 5.0 (<c>time:</c>). Dates are text in <c>SimpleDateFormat</c> patterns (bridged by
/// <see cref="JavaDateFormat"/>), read and written in the machine's local time zone as the JVM's default zone is
/// (except <c>utcTimestamp</c>); the default pattern is <c>yyyy-MM-dd HH:mm:ss.SSS</c>. Time zones are Java zone ids
/// (bridged by <see cref="JavaZones"/>). Units are <c>SECOND</c>, <c>MINUTE</c>, <c>HOUR</c>, <c>DAY</c>, <c>WEEK</c>,
/// <c>MONTH</c>, <c>QUARTER</c>, <c>YEAR</c> (any case). A null value or pattern gives null; text that does not match
/// its pattern fails. The <c>current*</c> functions read the wall clock, as Siddhi's do (not the app's playback clock).
/// </summary>
public static class TimeFunctions
{
    public const string DefaultFormat = "yyyy-MM-dd HH:mm:ss.SSS";

    /// <summary>Today as <c>yyyy-MM-dd</c>.</summary>
    [SiddhiFunction("time:currentDate")]
    public static string CurrentDate() => Format(DateTimeOffset.UtcNow, "yyyy-MM-dd", TimeZoneInfo.Local, "time:currentDate");

    /// <summary>Now as <c>HH:mm:ss</c>.</summary>
    [SiddhiFunction("time:currentTime")]
    public static string CurrentTime() => Format(DateTimeOffset.UtcNow, "HH:mm:ss", TimeZoneInfo.Local, "time:currentTime");

    /// <summary>Now as <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    [SiddhiFunction("time:currentTimestamp")]
    public static string CurrentTimestamp() => Format(DateTimeOffset.UtcNow, "yyyy-MM-dd HH:mm:ss", TimeZoneInfo.Local, "time:currentTimestamp");

    /// <summary>Now in <paramref name="timezone"/> as <c>yyyy-MM-dd HH:mm:ss</c> (the local zone for null).</summary>
    [SiddhiFunction("time:currentTimestamp")]
    public static string CurrentTimestamp(string? timezone) =>
        Format(DateTimeOffset.UtcNow, "yyyy-MM-dd HH:mm:ss", timezone is null ? TimeZoneInfo.Local : JavaZones.Find(timezone, "time:currentTimestamp"), "time:currentTimestamp");

    /// <summary>The date part (<c>yyyy-MM-dd</c>) of a date in the default pattern.</summary>
    [SiddhiFunction("time:date")]
    public static string? Date(string? dateValue) => Date(dateValue, DefaultFormat);

    [SiddhiFunction("time:date")]
    public static string? Date(string? dateValue, string? dateFormat) =>
        dateValue is null || dateFormat is null ? null : Format(Parse(dateValue, dateFormat, "time:date"), "yyyy-MM-dd", TimeZoneInfo.Local, "time:date");

    /// <summary>The date moved by <paramref name="expr"/> units, in the default pattern.</summary>
    [SiddhiFunction("time:dateAdd")]
    public static string? DateAdd(string? dateValue, int? expr, [SiddhiConstant] string? unit) => DateAdd(dateValue, expr, unit, DefaultFormat);

    [SiddhiFunction("time:dateAdd")]
    public static string? DateAdd(string? dateValue, int? expr, [SiddhiConstant] string? unit, string? dateFormat) =>
        Shift(dateValue, expr, unit, dateFormat, 1, "time:dateAdd");

    /// <summary>Milliseconds moved by <paramref name="expr"/> units, as text (Java's <c>String.valueOf(long)</c>).</summary>
    [SiddhiFunction("time:dateAdd")]
    public static string? DateAdd(long? timestamp, int? expr, [SiddhiConstant] string? unit) => Shift(timestamp, expr, unit, 1, "time:dateAdd");

    [SiddhiFunction("time:dateSub")]
    public static string? DateSub(string? dateValue, int? expr, [SiddhiConstant] string? unit) => DateSub(dateValue, expr, unit, DefaultFormat);

    [SiddhiFunction("time:dateSub")]
    public static string? DateSub(string? dateValue, int? expr, [SiddhiConstant] string? unit, string? dateFormat) =>
        Shift(dateValue, expr, unit, dateFormat, -1, "time:dateSub");

    [SiddhiFunction("time:dateSub")]
    public static string? DateSub(long? timestamp, int? expr, [SiddhiConstant] string? unit) => Shift(timestamp, expr, unit, -1, "time:dateSub");

    /// <summary>Whole days from the second date to the first (truncated toward zero), a LONG as the Java code returns.</summary>
    [SiddhiFunction("time:dateDiff")]
    public static long? DateDiff(string? dateValue1, string? dateValue2) => DateDiff(dateValue1, dateValue2, DefaultFormat, DefaultFormat);

    [SiddhiFunction("time:dateDiff")]
    public static long? DateDiff(string? dateValue1, string? dateValue2, string? dateFormat1, string? dateFormat2)
    {
        if (dateValue1 is null || dateValue2 is null || dateFormat1 is null || dateFormat2 is null)
        {
            return null;
        }

        return Days(Parse(dateValue1, dateFormat1, "time:dateDiff") - Parse(dateValue2, dateFormat2, "time:dateDiff"));
    }

    [SiddhiFunction("time:dateDiff")]
    public static long? DateDiff(long? timestamp1, long? timestamp2) =>
        timestamp1 is { } a && timestamp2 is { } b ? Days(TimeSpan.FromMilliseconds(a - b)) : null;

    /// <summary>A date in the default pattern rewritten in <paramref name="targetFormat"/>.</summary>
    [SiddhiFunction("time:dateFormat")]
    public static string? DateFormat(string? dateValue, string? targetFormat) => DateFormat(dateValue, targetFormat, DefaultFormat);

    [SiddhiFunction("time:dateFormat")]
    public static string? DateFormat(string? dateValue, string? targetFormat, string? sourceFormat) =>
        dateValue is null || targetFormat is null || sourceFormat is null ? null : Format(Parse(dateValue, sourceFormat, "time:dateFormat"), targetFormat, TimeZoneInfo.Local, "time:dateFormat");

    /// <summary>Milliseconds since the epoch written in <paramref name="targetFormat"/>.</summary>
    [SiddhiFunction("time:dateFormat")]
    public static string? DateFormat(long? timestamp, string? targetFormat) =>
        timestamp is null || targetFormat is null ? null : Format(DateTimeOffset.FromUnixTimeMilliseconds(timestamp.Value), targetFormat, TimeZoneInfo.Local, "time:dateFormat");

    /// <summary>The English day name (<c>Wednesday</c>).</summary>
    [SiddhiFunction("time:dayOfWeek")]
    public static string? DayOfWeek(string? dateValue) => DayOfWeek(dateValue, DefaultFormat);

    [SiddhiFunction("time:dayOfWeek")]
    public static string? DayOfWeek(string? dateValue, string? dateFormat) =>
        dateValue is null || dateFormat is null ? null : Format(Parse(dateValue, dateFormat, "time:dayOfWeek"), "EEEE", TimeZoneInfo.Local, "time:dayOfWeek");

    /// <summary>One field of a date in the default pattern: YEAR, QUARTER, MONTH (1–12), WEEK (US week of year), DAY, HOUR (0–23), MINUTE, SECOND.</summary>
    [SiddhiFunction("time:extract")]
    public static int? Extract([SiddhiConstant] string? unit, string? dateValue) => Extract(unit, dateValue, DefaultFormat);

    [SiddhiFunction("time:extract")]
    public static int? Extract([SiddhiConstant] string? unit, string? dateValue, string? dateFormat) =>
        dateValue is null || dateFormat is null ? null : Field(unit, TimeZoneInfo.ConvertTime(Parse(dateValue, dateFormat, "time:extract"), TimeZoneInfo.Local));

    /// <summary>As <c>extract(unit, date, format)</c>; the locale only changes week numbering in Java, and only <c>en</c> numbering is provided.</summary>
    [SiddhiFunction("time:extract")]
    public static int? Extract([SiddhiConstant] string? unit, string? dateValue, string? dateFormat, [SiddhiConstant] string? locale) => Extract(unit, dateValue, dateFormat);

    [SiddhiFunction("time:extract")]
    public static int? Extract(long? timestamp, [SiddhiConstant] string? unit) =>
        timestamp is null ? null : Field(unit, TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(timestamp.Value), TimeZoneInfo.Local));

    [SiddhiFunction("time:extract")]
    public static int? Extract(long? timestamp, [SiddhiConstant] string? unit, [SiddhiConstant] string? locale) => Extract(timestamp, unit);

    /// <summary>Now, in milliseconds since the epoch.</summary>
    [SiddhiFunction("time:timestampInMilliseconds")]
    public static long TimestampInMilliseconds() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    [SiddhiFunction("time:timestampInMilliseconds")]
    public static long? TimestampInMilliseconds(string? dateValue) => TimestampInMilliseconds(dateValue, DefaultFormat);

    [SiddhiFunction("time:timestampInMilliseconds")]
    public static long? TimestampInMilliseconds(string? dateValue, string? dateFormat) =>
        dateValue is null || dateFormat is null ? null : Parse(dateValue, dateFormat, "time:timestampInMilliseconds").ToUnixTimeMilliseconds();

    /// <summary>A local date-time of the machine's zone rewritten, in the same pattern, as the local time of <paramref name="targetTimezone"/>.</summary>
    [SiddhiFunction("time:timezoneConvert")]
    public static string? TimezoneConvert(string? dateValue, string? sourceFormat, string? targetTimezone) =>
        dateValue is null || sourceFormat is null || targetTimezone is null ? null : Convert(dateValue, sourceFormat, targetTimezone, TimeZoneInfo.Local);

    [SiddhiFunction("time:timezoneConvert")]
    public static string? TimezoneConvert(string? dateValue, string? sourceFormat, string? targetTimezone, string? sourceTimezone) =>
        dateValue is null || sourceFormat is null || targetTimezone is null || sourceTimezone is null
            ? null
            : Convert(dateValue, sourceFormat, targetTimezone, JavaZones.Find(sourceTimezone, "time:timezoneConvert"));

    /// <summary>Now in UTC as <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    [SiddhiFunction("time:utcTimestamp")]
    public static string UtcTimestamp() => UtcTimestamp("yyyy-MM-dd HH:mm:ss")!;

    [SiddhiFunction("time:utcTimestamp")]
    public static string? UtcTimestamp(string? dateFormat) =>
        dateFormat is null ? null : Format(DateTimeOffset.UtcNow, dateFormat, TimeZoneInfo.Utc, "time:utcTimestamp");

    private static string Convert(string dateValue, string sourceFormat, string targetTimezone, TimeZoneInfo source)
    {
        var target = JavaZones.Find(targetTimezone, "time:timezoneConvert");
        var format = JavaDateFormat.Get(sourceFormat, "time:timezoneConvert");
        return format.Format(format.Parse(dateValue, source, "time:timezoneConvert"), target);
    }

    private static string? Shift(string? dateValue, int? expr, string? unit, string? dateFormat, int sign, string function)
    {
        if (dateValue is null || expr is null || dateFormat is null)
        {
            return null;
        }

        var format = JavaDateFormat.Get(dateFormat, function);
        var local = TimeZoneInfo.ConvertTime(format.Parse(dateValue, TimeZoneInfo.Local, function), TimeZoneInfo.Local);
        return format.Format(Move(local, unit, sign * expr.Value, function), TimeZoneInfo.Local);
    }

    private static string? Shift(long? timestamp, int? expr, string? unit, int sign, string function)
    {
        if (timestamp is null || expr is null || unit is null)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(timestamp.Value), TimeZoneInfo.Local);
        return Move(local, unit, sign * expr.Value, function).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Calendar arithmetic on the local time (a month later of Jan 31 is Feb 28/29, as Java's Calendar.add).</summary>
    private static DateTimeOffset Move(DateTimeOffset local, string? unit, int amount, string function)
    {
        var wall = local.DateTime;
        var moved = unit?.ToUpperInvariant() switch
        {
            "SECOND" => wall.AddSeconds(amount),
            "MINUTE" => wall.AddMinutes(amount),
            "HOUR" => wall.AddHours(amount),
            "DAY" => wall.AddDays(amount),
            "WEEK" => wall.AddDays(7.0 * amount),
            "MONTH" => wall.AddMonths(amount),
            "QUARTER" => wall.AddMonths(3 * amount),
            "YEAR" => wall.AddYears(amount),
            _ => throw Fail.Because(function, "Unit '" + unit + "' is not one of SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR"),
        };
        return unit!.ToUpperInvariant() is "SECOND" or "MINUTE" or "HOUR"
            ? local + (moved - wall)
            : new DateTimeOffset(moved, TimeZoneInfo.Local.GetUtcOffset(moved));
    }

    private static int Field(string? unit, DateTimeOffset t) => unit?.ToUpperInvariant() switch
    {
        "YEAR" => t.Year,
        "QUARTER" => ((t.Month - 1) / 3) + 1,
        "MONTH" => t.Month,
        "WEEK" => JavaCalendar.WeekOfYear(t.DateTime),
        "DAY" => t.Day,
        "HOUR" => t.Hour,
        "MINUTE" => t.Minute,
        "SECOND" => t.Second,
        _ => throw Fail.Because("time:extract", "Unit '" + unit + "' is not one of SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR"),
    };

    private static long Days(TimeSpan difference) => (long)difference.TotalDays;

    private static DateTimeOffset Parse(string value, string pattern, string function) =>
        JavaDateFormat.Get(pattern, function).Parse(value, TimeZoneInfo.Local, function);

    private static string Format(DateTimeOffset instant, string pattern, TimeZoneInfo zone, string function) =>
        JavaDateFormat.Get(pattern, function).Format(instant, zone);
}
