using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// How Siddhi reads the date strings of incremental aggregations (<c>IncrementalUnixTimeFunctionExecutor</c>,
/// <c>IncrementalTimeConverterUtil</c>): an <c>aggregate by</c> value or a <c>within</c> bound is
/// <c>yyyy-MM-dd HH:mm:ss[.SSS] [+hh:mm|-hh:mm]</c> (UTC without an offset); one <c>within</c> value is a pattern with
/// <c>**</c> for the free fields. The binder checks constants with it; the runtime reads values with the same code.
/// </summary>
internal static class AggregationTimeText
{
    /// <summary>What a date string must look like, for messages.</summary>
    public const string DateShape = "a date 'yyyy-MM-dd HH:mm:ss', optionally with '.SSS' milliseconds and a ' +hh:mm' offset";

    /// <summary>What a within pattern must look like, for messages.</summary>
    public const string PatternShape = "a within pattern: 'yyyy-MM-dd HH:mm:ss' with '**' for the free fields, e.g. '2017-06-** **:**:**' (once a field is '**', every later one is too)";

    private static readonly Regex s_timestamp = new(
        @"^(?<y>\d{4})-(?<M>\d{2})-(?<d>\d{2}) (?<h>\d{2}):(?<m>\d{2}):(?<s>\d{2})(?:\.(?<ms>\d{3}))?(?: (?<sign>[+-])(?<oh>\d{2}):(?<om>\d{2}))?$",
        RegexOptions.CultureInvariant);

    private static readonly Regex s_pattern = new(
        @"^(?<y>\d{4})-(?<M>\d{2}|\*\*)-(?<d>\d{2}|\*\*) (?<h>\d{2}|\*\*):(?<m>\d{2}|\*\*):(?<s>\d{2}|\*\*)(?: (?<sign>[+-])(?<oh>\d{2}):(?<om>\d{2}))?$",
        RegexOptions.CultureInvariant);

    private static readonly string[] s_fields = { "M", "d", "h", "m", "s" };

    /// <summary>A date string as epoch milliseconds; false when it is not one.</summary>
    public static bool TryParseTimestamp(string? text, out long milliseconds)
    {
        milliseconds = 0;
        var match = text is null ? null : s_timestamp.Match(text.Trim());
        if (match is not { Success: true })
        {
            return false;
        }

        try
        {
            var value = new DateTimeOffset(Group(match, "y"), Group(match, "M"), Group(match, "d"), Group(match, "h"), Group(match, "m"), Group(match, "s"), match.Groups["ms"].Success ? Group(match, "ms") : 0, Offset(match));
            milliseconds = value.ToUnixTimeMilliseconds();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// A within pattern as [start, end): from the start of the period its fixed fields name to the start of the next;
    /// without <c>**</c>, that one second. False when it is not a pattern.
    /// </summary>
    public static bool TryParsePattern(string? pattern, out long start, out long end)
    {
        start = end = 0;
        var match = pattern is null ? null : s_pattern.Match(pattern.Trim());
        if (match is not { Success: true })
        {
            return false;
        }

        var values = new[] { 1, 1, 0, 0, 0 };
        var fixedFields = 0;
        while (fixedFields < s_fields.Length && match.Groups[s_fields[fixedFields]].Value != "**")
        {
            values[fixedFields] = Group(match, s_fields[fixedFields]);
            fixedFields++;
        }

        for (var i = fixedFields; i < s_fields.Length; i++)
        {
            if (match.Groups[s_fields[i]].Value != "**")
            {
                return false;
            }
        }

        try
        {
            var from = new DateTimeOffset(Group(match, "y"), values[0], values[1], values[2], values[3], values[4], Offset(match));
            var to = fixedFields switch
            {
                0 => from.AddYears(1),
                1 => from.AddMonths(1),
                2 => from.AddDays(1),
                3 => from.AddHours(1),
                4 => from.AddMinutes(1),
                _ => from.AddSeconds(1),
            };
            start = from.ToUnixTimeMilliseconds();
            end = to.ToUnixTimeMilliseconds();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int Group(Match match, string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);

    private static TimeSpan Offset(Match match)
    {
        if (!match.Groups["oh"].Success)
        {
            return TimeSpan.Zero;
        }

        var offset = new TimeSpan(Group(match, "oh"), Group(match, "om"), 0);
        return match.Groups["sign"].Value == "-" ? -offset : offset;
    }
}
