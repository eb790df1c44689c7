using System;
using System.Globalization;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Reads time values written as annotation text (<c>'100 millisecond'</c>, <c>'2 sec'</c>,
/// <c>'1 hour 30 min'</c>), as Siddhi's <c>parseTimeConstantDefinition</c> does: each number needs a unit.
/// </summary>
internal static class TimeText
{
    public static bool TryParse(string text, out long milliseconds)
    {
        milliseconds = 0;
        var parts = text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Length % 2 != 0)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i += 2)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || UnitMilliseconds(parts[i + 1]) is not { } unit)
            {
                return false;
            }

            milliseconds += value * unit;
        }

        return true;
    }

    private static long? UnitMilliseconds(string unit) => unit.ToLowerInvariant() switch
    {
        "millisec" or "millisecs" or "millisecond" or "milliseconds" => 1L,
        "sec" or "secs" or "second" or "seconds" => 1000L,
        "min" or "mins" or "minute" or "minutes" => 60_000L,
        "hour" or "hours" => 3_600_000L,
        "day" or "days" => 86_400_000L,
        "week" or "weeks" => 7 * 86_400_000L,
        "month" or "months" => 30 * 86_400_000L,
        "year" or "years" => 365 * 86_400_000L,
        _ => null,
    };
}
