using System.Diagnostics;
using System.Globalization;

namespace SiddhiGen.Runtime;

/// <summary>
/// A Quartz cron expression: <c>seconds minutes hours day-of-month month day-of-week [year]</c>, evaluated in a
/// time zone (UTC unless given). Supports <c>*</c>, <c>?</c>, lists, ranges (also wrapping, <c>22-2</c>), steps
/// (<c>*/5</c>, <c>10/5</c>, <c>1-30/5</c>), month and day names (<c>JAN</c>, <c>MON-FRI</c>; day-of-week 1 = Sunday),
/// <c>L</c> and <c>L-n</c> in day-of-month, <c>nL</c> (last weekday n of the month) and <c>n#k</c> (k-th weekday n)
/// in day-of-week. As in Quartz, exactly one of day-of-month and day-of-week must be <c>?</c>. <c>W</c> is not supported.
/// </summary>
[DebuggerDisplay("{Text}")]
public sealed class CronExpression
{
    private static readonly string[] s_months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] s_days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>Latest year searched; Quartz's limit.</summary>
    private const int MaxYear = 2299;

    private readonly ulong _seconds;
    private readonly ulong _minutes;
    private readonly ulong _hours;
    private readonly ulong _daysOfMonth;
    private readonly ulong _months;
    private readonly ulong _daysOfWeek;

    /// <summary>Allowed years as offsets from 1970 (null: any year).</summary>
    private readonly BitArraySet? _years;

    /// <summary>True when day-of-month is <c>?</c> and day-of-week decides.</summary>
    private readonly bool _useDayOfWeek;

    /// <summary>Day-of-month <c>L</c> / <c>L-n</c>: days before the month's last day, or -1.</summary>
    private readonly int _lastDayOffset = -1;

    /// <summary>Day-of-week <c>nL</c>: only the last such weekday of the month.</summary>
    private readonly bool _lastWeekday;

    /// <summary>Day-of-week <c>n#k</c>: k, or 0.</summary>
    private readonly int _nthWeekday;

    private readonly TimeZoneInfo _timeZone;

    private CronExpression(string text, TimeZoneInfo timeZone, string[] fields)
    {
        Text = text;
        _timeZone = timeZone;
        _seconds = ParseField(fields[0], 0, 59, null);
        _minutes = ParseField(fields[1], 0, 59, null);
        _hours = ParseField(fields[2], 0, 23, null);
        _months = ParseField(fields[4], 1, 12, s_months);

        var dom = fields[3];
        var dow = fields[5];
        if ((dom == "?") == (dow == "?"))
        {
            throw new FormatException("Exactly one of day-of-month and day-of-week must be '?'.");
        }

        _useDayOfWeek = dom == "?";
        if (_useDayOfWeek)
        {
            if (dow.EndsWith('L') && dow.Length > 1)
            {
                _lastWeekday = true;
                dow = dow[..^1];
            }
            else if (dow.IndexOf('#') is var hash and > 0)
            {
                _nthWeekday = ParseNumber(dow[(hash + 1)..], 1, 5, null);
                dow = dow[..hash];
            }

            _daysOfWeek = ParseField(dow == "L" ? "7" : dow, 1, 7, s_days);
        }
        else if (dom == "L" || dom.StartsWith("L-", StringComparison.Ordinal))
        {
            _lastDayOffset = dom.Length == 1 ? 0 : ParseNumber(dom[2..], 0, 30, null);
        }
        else
        {
            if (dom.Contains('W', StringComparison.Ordinal))
            {
                throw new FormatException("The 'W' day-of-month modifier is not supported.");
            }

            _daysOfMonth = ParseField(dom, 1, 31, null);
        }

        if (fields.Length == 7 && fields[6] != "*")
        {
            _years = new BitArraySet(ParseFieldWide(fields[6], 1970, MaxYear));
        }
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Parses a Quartz cron expression; <paramref name="timeZone"/> defaults to UTC.</summary>
    /// <exception cref="FormatException">The expression is not valid or uses an unsupported feature.</exception>
    public static CronExpression Parse(string text, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = text.ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 6 or > 7)
        {
            throw new FormatException($"A cron expression needs 6 or 7 fields, found {fields.Length}: '{text}'.");
        }

        try
        {
            return new CronExpression(text, timeZone ?? TimeZoneInfo.Utc, fields);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"Invalid cron expression '{text}': {ex.Message}", ex);
        }
    }

    /// <summary>Parses without throwing; the generator uses this to validate <c>cron(...)</c> at build time.</summary>
    public static bool TryParse(string text, out CronExpression? expression, TimeZoneInfo? timeZone = null)
    {
        try
        {
            expression = Parse(text, timeZone);
            return true;
        }
        catch (FormatException)
        {
            expression = null;
            return false;
        }
    }

    /// <summary>The first fire time strictly after <paramref name="afterMs"/> (epoch ms), or null when there is none.</summary>
    public long? GetNextFireTime(long afterMs)
    {
        // Quartz: the next whole second after the given time.
        var startUtc = DateTimeOffset.FromUnixTimeMilliseconds(afterMs - (((afterMs % 1000) + 1000) % 1000) + 1000).UtcDateTime;
        var t = TimeZoneInfo.ConvertTimeFromUtc(startUtc, _timeZone);
        while (t.Year <= MaxYear)
        {
            if (_years is not null && !_years.Contains(t.Year - 1970))
            {
                t = new DateTime(t.Year + 1, 1, 1);
            }
            else if (!Has(_months, t.Month))
            {
                t = new DateTime(t.Year, t.Month, 1).AddMonths(1);
            }
            else if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
            }
            else if (!Has(_hours, t.Hour))
            {
                t = t.Date.AddHours(t.Hour + 1);
            }
            else if (!Has(_minutes, t.Minute))
            {
                t = t.Date.AddHours(t.Hour).AddMinutes(t.Minute + 1);
            }
            else if (!Has(_seconds, t.Second))
            {
                t = t.AddSeconds(1);
            }
            else if (_timeZone.IsInvalidTime(t))
            {
                // Skipped by a daylight-saving jump: continue after the gap.
                t = t.Date.AddHours(t.Hour + 1);
            }
            else
            {
                return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(t, _timeZone)).ToUnixTimeMilliseconds();
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool Has(ulong set, int value) => (set & (1UL << value)) != 0;

    private bool DayMatches(DateTime t)
    {
        var daysInMonth = DateTime.DaysInMonth(t.Year, t.Month);
        if (!_useDayOfWeek)
        {
            return _lastDayOffset >= 0 ? t.Day == daysInMonth - _lastDayOffset : Has(_daysOfMonth, t.Day);
        }

        // Quartz numbers Sunday 1 .. Saturday 7.
        if (!Has(_daysOfWeek, (int)t.DayOfWeek + 1))
        {
            return false;
        }

        if (_lastWeekday)
        {
            return t.Day + 7 > daysInMonth;
        }

        return _nthWeekday == 0 || ((t.Day - 1) / 7) + 1 == _nthWeekday;
    }

    private static ulong ParseField(string field, int min, int max, string[]? names)
    {
        ulong set = 0;
        foreach (var value in ParseFieldWide(field, min, max, names))
        {
            set |= 1UL << value;
        }

        return set;
    }

    private static List<int> ParseFieldWide(string field, int min, int max, string[]? names = null)
    {
        var values = new List<int>();
        foreach (var item in field.Split(','))
        {
            if (item.Length == 0)
            {
                throw new FormatException($"Empty list item in '{field}'.");
            }

            var step = 1;
            var range = item;
            if (item.IndexOf('/') is var slash and >= 0)
            {
                step = ParseNumber(item[(slash + 1)..], 1, max - min + 1, null);
                range = item[..slash];
            }

            int from;
            int to;
            if (range is "*" or "?")
            {
                (from, to) = (min, max);
            }
            else if (range.IndexOf('-') is var dash and > 0)
            {
                from = ParseNumber(range[..dash], min, max, names);
                to = ParseNumber(range[(dash + 1)..], min, max, names);
            }
            else
            {
                from = ParseNumber(range, min, max, names);
                to = item.Contains('/', StringComparison.Ordinal) ? max : from;
            }

            // A range may wrap around (22-2 in hours).
            var span = to >= from ? to - from : to - from + (max - min + 1);
            for (var offset = 0; offset <= span; offset += step)
            {
                var value = from + offset;
                values.Add(value > max ? value - (max - min + 1) : value);
            }
        }

        return values;
    }

    private static int ParseNumber(string text, int min, int max, string[]? names)
    {
        if (names is not null)
        {
            var index = Array.IndexOf(names, text);
            if (index >= 0)
            {
                return index + min;
            }
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new FormatException($"'{text}' is not a value in {min}..{max}.");
        }

        return value;
    }

    /// <summary>A set of small non-negative integers (the year field).</summary>
    private sealed class BitArraySet(List<int> values)
    {
        private readonly ulong[] _bits = Build(values);

        public bool Contains(int value) => value >= 0 && (value >> 6) < _bits.Length && (_bits[value >> 6] & (1UL << (value & 63))) != 0;

        private static ulong[] Build(List<int> values)
        {
            var bits = new ulong[((MaxYear - 1970) >> 6) + 1];
            foreach (var v in values)
            {
                bits[(v - 1970) >> 6] |= 1UL << ((v - 1970) & 63);
            }

            return bits;
        }
    }
}
