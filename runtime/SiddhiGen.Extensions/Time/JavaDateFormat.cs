using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SiddhiGen.Extensions;

/// <summary>
/// A <c>java.text.SimpleDateFormat</c> pattern (<c>yyyy-MM-dd HH:mm:ss.SSS</c>) run on .NET. .NET's custom format
/// strings look alike but differ (<c>S</c> is milliseconds in Java and fraction digits in .NET, <c>E</c>/<c>u</c>/
/// <c>D</c>/<c>w</c>/<c>k</c>/<c>K</c>/<c>Z</c>/<c>X</c> have no .NET letter, text in quotes is quoted differently), so the
/// pattern is read once into fields and formatted and parsed here with Java's rules: numbers take at least the
/// pattern's width and, when parsing, as many digits as are there (exactly the width when the next field follows
/// without a separator); month and day names are English (Java's default locale on servers); <c>yy</c> parses into
/// the century around now as Java's 80/20 rule does.
/// </summary>
public sealed class JavaDateFormat
{
    private static readonly ConcurrentDictionary<string, JavaDateFormat> s_cache = new(StringComparer.Ordinal);
    private static readonly DateTimeFormatInfo s_english = CultureInfo.GetCultureInfo("en-US").DateTimeFormat;

    private readonly List<Field> _fields;

    private JavaDateFormat(string pattern)
    {
        Pattern = pattern;
        _fields = Read(pattern);
    }

    public string Pattern { get; }

    /// <summary>The format for <paramref name="pattern"/>; a malformed pattern fails as <paramref name="function"/>.</summary>
    public static JavaDateFormat Get(string pattern, string function)
    {
        try
        {
            return s_cache.GetOrAdd(pattern, static p => new JavaDateFormat(p));
        }
        catch (FormatException ex)
        {
            throw Fail.Because(function, "Invalid date format '" + pattern + "': " + ex.Message, ex);
        }
    }

    /// <summary>The local time of <paramref name="instant"/> in <paramref name="zone"/>, written by the pattern.</summary>
    public string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var t = TimeZoneInfo.ConvertTime(instant, zone);
        var sb = new StringBuilder();
        foreach (var f in _fields)
        {
            switch (f.Letter)
            {
                case '\0': sb.Append(f.Literal); break;
                case 'G': sb.Append(t.Year > 0 ? "AD" : "BC"); break;
                case 'y' or 'Y':
                    sb.Append(f.Count == 2 ? (t.Year % 100).ToString("00", CultureInfo.InvariantCulture) : Pad(t.Year, f.Count));
                    break;
                case 'M' or 'L':
                    sb.Append(f.Count >= 4 ? s_english.GetMonthName(t.Month) : f.Count == 3 ? s_english.GetAbbreviatedMonthName(t.Month) : Pad(t.Month, f.Count));
                    break;
                case 'd': sb.Append(Pad(t.Day, f.Count)); break;
                case 'D': sb.Append(Pad(t.DayOfYear, f.Count)); break;
                case 'E': sb.Append(f.Count >= 4 ? s_english.GetDayName(t.DayOfWeek) : s_english.GetAbbreviatedDayName(t.DayOfWeek)); break;
                case 'u': sb.Append(Pad(t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek, f.Count)); break;
                case 'F': sb.Append(Pad(((t.Day - 1) / 7) + 1, f.Count)); break;
                case 'w': sb.Append(Pad(JavaCalendar.WeekOfYear(t.DateTime), f.Count)); break;
                case 'W': sb.Append(Pad(JavaCalendar.WeekOfMonth(t.DateTime), f.Count)); break;
                case 'a': sb.Append(t.Hour < 12 ? "AM" : "PM"); break;
                case 'H': sb.Append(Pad(t.Hour, f.Count)); break;
                case 'k': sb.Append(Pad(t.Hour == 0 ? 24 : t.Hour, f.Count)); break;
                case 'K': sb.Append(Pad(t.Hour % 12, f.Count)); break;
                case 'h': sb.Append(Pad(t.Hour % 12 == 0 ? 12 : t.Hour % 12, f.Count)); break;
                case 'm': sb.Append(Pad(t.Minute, f.Count)); break;
                case 's': sb.Append(Pad(t.Second, f.Count)); break;
                case 'S': sb.Append(Pad(t.Millisecond, f.Count)); break;
                case 'z': sb.Append(ZoneName(zone, t)); break;
                case 'Z': sb.Append(Offset(t.Offset, colon: false, zulu: false)); break;
                case 'X': sb.Append(f.Count == 1 ? OffsetHours(t.Offset) : Offset(t.Offset, colon: f.Count >= 3, zulu: true)); break;
                default: throw new FormatException("unsupported pattern letter '" + f.Letter + "'");
            }
        }

        return sb.ToString();
    }

    /// <summary>Reads <paramref name="text"/> as a local time in <paramref name="zone"/> (or the zone the text names); fails as <paramref name="function"/>.</summary>
    public DateTimeOffset Parse(string text, TimeZoneInfo zone, string function)
    {
        var p = new DateParser(text);
        int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0, dayOfYear = -1;
        bool? pm = null;
        var twelveHour = false;
        TimeSpan? offset = null;
        for (var i = 0; i < _fields.Count; i++)
        {
            var f = _fields[i];
            var fixedWidth = i + 1 < _fields.Count && _fields[i + 1].Letter != '\0' && IsNumeric(_fields[i + 1]) ? f.Count : 0;
            var ok = f.Letter switch
            {
                '\0' => p.Literal(f.Literal!),
                'y' or 'Y' => p.Number(fixedWidth, out year) && (f.Count != 2 || p.LastDigits != 2 || (year = JavaCalendar.TwoDigitYear(year)) > 0),
                'M' or 'L' when f.Count >= 3 => p.Name(s_english.MonthNames.Take(12).Concat(s_english.AbbreviatedMonthNames.Take(12)).ToArray(), out var m) && (month = (m % 12) + 1) > 0,
                'M' or 'L' => p.Number(fixedWidth, out month),
                'd' => p.Number(fixedWidth, out day),
                'D' => p.Number(fixedWidth, out dayOfYear),
                'E' => p.Name(s_english.DayNames.Concat(s_english.AbbreviatedDayNames).ToArray(), out _),
                'u' or 'F' or 'w' or 'W' => p.Number(fixedWidth, out _),
                'a' => p.Name(["AM", "PM"], out var ampm) && (pm = ampm == 1) is not null,
                'H' or 'k' => p.Number(fixedWidth, out hour) && (hour = hour == 24 ? 0 : hour) >= 0,
                'h' or 'K' => p.Number(fixedWidth, out hour) && (twelveHour = true),
                'm' => p.Number(fixedWidth, out minute),
                's' => p.Number(fixedWidth, out second),
                'S' => p.Number(fixedWidth, out millis),
                'z' or 'Z' or 'X' => p.Zone(out offset),
                _ => throw Fail.Because(function, "Unsupported pattern letter '" + f.Letter + "' in '" + Pattern + "'"),
            };
            if (!ok)
            {
                throw Fail.Because(function, "Provided format " + Pattern + " does not match with the timestamp " + text);
            }
        }

        if (twelveHour)
        {
            hour = (hour % 12) + (pm == true ? 12 : 0);
        }
        else if (pm == true && hour < 12)
        {
            hour += 12;
        }

        try
        {
            // Java's lenient calendar rolls over out-of-range fields (month 13 is January of the next year).
            var local = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)
                .AddMonths(month - 1).AddDays(dayOfYear > 0 ? dayOfYear - 1 : day - 1)
                .AddHours(hour).AddMinutes(minute).AddSeconds(second).AddMilliseconds(millis);
            return offset is { } o ? new DateTimeOffset(local, o) : new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw Fail.Because(function, "Provided format " + Pattern + " does not match with the timestamp " + text, ex);
        }
    }

    private static bool IsNumeric(Field f) => f.Letter is 'y' or 'Y' or 'd' or 'D' or 'H' or 'k' or 'K' or 'h' or 'm' or 's' or 'S' or 'u' or 'F' or 'w' or 'W'
        || (f.Letter is 'M' or 'L' && f.Count < 3);

    private static string Pad(int value, int width) => value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    private static string Offset(TimeSpan offset, bool colon, bool zulu)
    {
        if (zulu && offset == TimeSpan.Zero)
        {
            return "Z";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var a = offset.Duration();
        return sign + a.Hours.ToString("00", CultureInfo.InvariantCulture) + (colon ? ":" : string.Empty) + a.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    private static string OffsetHours(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "Z" : (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().Hours.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Java's short zone name: an abbreviation where .NET knows none is the GMT offset (<c>GMT+05:30</c>).</summary>
    private static string ZoneName(TimeZoneInfo zone, DateTimeOffset t)
    {
        if (zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC")
        {
            return "UTC";
        }

        return t.Offset == TimeSpan.Zero ? "GMT" : "GMT" + Offset(t.Offset, colon: true, zulu: false);
    }

    private static List<Field> Read(string pattern)
    {
        var fields = new List<Field>();
        var literal = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                {
                    literal.Append('\'');
                    i++;
                    continue;
                }

                var end = pattern.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new FormatException("unterminated quote");
                }

                literal.Append(pattern, i + 1, end - i - 1);
                i = end;
                continue;
            }

            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                if ("GyYMLwWDdFEuaHkKhmsSzZX".IndexOf(c) < 0)
                {
                    throw new FormatException("illegal pattern character '" + c + "'");
                }

                if (literal.Length > 0)
                {
                    fields.Add(new Field('\0', 0, literal.ToString()));
                    literal.Clear();
                }

                var count = 1;
                while (i + 1 < pattern.Length && pattern[i + 1] == c)
                {
                    count++;
                    i++;
                }

                fields.Add(new Field(c, count, null));
                continue;
            }

            literal.Append(c);
        }

        if (literal.Length > 0)
        {
            fields.Add(new Field('\0', 0, literal.ToString()));
        }

        return fields;
    }

    private sealed record Field(char Letter, int Count, string? Literal);

    /// <summary>Walks the text being parsed.</summary>
    private sealed class DateParser(string text)
    {
        private int _at;

        public int LastDigits { get; private set; }

        public bool Literal(string literal)
        {
            if (string.CompareOrdinal(text, _at, literal, 0, literal.Length) != 0)
            {
                return false;
            }

            _at += literal.Length;
            return true;
        }

        public bool Number(int width, out int value)
        {
            value = 0;
            var start = _at;
            var negative = _at < text.Length && text[_at] == '-' && width == 0;
            if (negative)
            {
                _at++;
            }

            var digitsStart = _at;
            while (_at < text.Length && char.IsAsciiDigit(text[_at]) && (width == 0 || _at - digitsStart < width) && _at - digitsStart < 9)
            {
                value = (value * 10) + (text[_at] - '0');
                _at++;
            }

            LastDigits = _at - digitsStart;
            if (LastDigits == 0)
            {
                _at = start;
                return false;
            }

            value = negative ? -value : value;
            return true;
        }

        public bool Name(string[] names, out int index)
        {
            // The longest name that matches wins ('March' before 'Mar').
            index = -1;
            var best = 0;
            for (var i = 0; i < names.Length; i++)
            {
                var n = names[i];
                if (n.Length > best && string.Compare(text, _at, n, 0, n.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    index = i;
                    best = n.Length;
                }
            }

            _at += best;
            return index >= 0;
        }

        public bool Zone(out TimeSpan? offset)
        {
            offset = null;
            var rest = text.Substring(_at);
            foreach (var prefix in new[] { "GMT", "UTC", "UT" })
            {
                if (rest.StartsWith(prefix, StringComparison.Ordinal))
                {
                    _at += prefix.Length;
                    rest = text.Substring(_at);
                    offset = TimeSpan.Zero;
                    break;
                }
            }

            if (rest.StartsWith('Z'))
            {
                _at++;
                offset = TimeSpan.Zero;
                return true;
            }

            if (rest.Length > 0 && rest[0] is '+' or '-')
            {
                var sign = rest[0] == '-' ? -1 : 1;
                var digits = new string(rest.Skip(1).TakeWhile(ch => char.IsAsciiDigit(ch) || ch == ':').ToArray()).Replace(":", string.Empty, StringComparison.Ordinal);
                if (digits.Length is not (2 or 4))
                {
                    return offset is not null;
                }

                _at += 1 + rest.Skip(1).TakeWhile(ch => char.IsAsciiDigit(ch) || ch == ':').Count();
                var hours = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
                var minutes = digits.Length == 4 ? int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture) : 0;
                offset = TimeSpan.FromMinutes(sign * ((hours * 60) + minutes));
                return true;
            }

            if (offset is null)
            {
                var id = new string(rest.TakeWhile(ch => char.IsLetter(ch) || ch is '/' or '_').ToArray());
                if (id.Length > 0 && JavaZones.TryFind(id, out var zone))
                {
                    _at += id.Length;
                    offset = zone.BaseUtcOffset;
                }
            }

            return offset is not null;
        }
    }
}
