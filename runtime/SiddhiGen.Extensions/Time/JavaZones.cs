using System.Globalization;

namespace SiddhiGen.Extensions;

/// <summary>
/// Java's <c>ZoneId.of(id, ZoneId.SHORT_IDS)</c> on .NET: IANA region ids (<c>Asia/Kolkata</c>) resolve through the
/// system's time zone database (ICU on Windows), fixed offsets (<c>+05:30</c>, <c>GMT+2</c>, <c>UTC-08:00</c>, <c>Z</c>)
/// become fixed zones, and Java's three-letter SHORT_IDS (<c>IST</c>, <c>PST</c>, <c>EST</c>, ...) map as Java maps them.
/// </summary>
internal static class JavaZones
{
    private static readonly Dictionary<string, string> s_shortIds = new(StringComparer.Ordinal)
    {
        ["ACT"] = "Australia/Darwin", ["AET"] = "Australia/Sydney", ["AGT"] = "America/Argentina/Buenos_Aires",
        ["ART"] = "Africa/Cairo", ["AST"] = "America/Anchorage", ["BET"] = "America/Sao_Paulo", ["BST"] = "Asia/Dhaka",
        ["CAT"] = "Africa/Harare", ["CNT"] = "America/St_Johns", ["CST"] = "America/Chicago", ["CTT"] = "Asia/Shanghai",
        ["EAT"] = "Africa/Addis_Ababa", ["ECT"] = "Europe/Paris", ["IET"] = "America/Indiana/Indianapolis",
        ["IST"] = "Asia/Kolkata", ["JST"] = "Asia/Tokyo", ["MIT"] = "Pacific/Apia", ["NET"] = "Asia/Yerevan",
        ["NST"] = "Pacific/Auckland", ["PLT"] = "Asia/Karachi", ["PNT"] = "America/Phoenix", ["PRT"] = "America/Puerto_Rico",
        ["PST"] = "America/Los_Angeles", ["SST"] = "Pacific/Guadalcanal", ["VST"] = "Asia/Ho_Chi_Minh",
        ["EST"] = "-05:00", ["MST"] = "-07:00", ["HST"] = "-10:00",
    };

    /// <summary>The zone <paramref name="id"/> names; an unknown id fails as <paramref name="function"/>.</summary>
    public static TimeZoneInfo Find(string id, string function) =>
        TryFind(id, out var zone) ? zone : throw Fail.Because(function, "Provided time zone " + id + " is invalid.");

    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (s_shortIds.TryGetValue(id, out var mapped))
        {
            id = mapped;
        }

        if (id is "Z" or "UTC" or "GMT" or "UT")
        {
            return true;
        }

        var offsetText = id;
        foreach (var prefix in new[] { "UTC", "GMT", "UT" })
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length && id[prefix.Length] is '+' or '-')
            {
                offsetText = id.Substring(prefix.Length);
                break;
            }
        }

        if (offsetText.Length > 1 && offsetText[0] is '+' or '-' && TryOffset(offsetText, out var offset))
        {
            zone = TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static bool TryOffset(string text, out TimeSpan offset)
    {
        offset = default;
        var sign = text[0] == '-' ? -1 : 1;
        var parts = text.Substring(1).Split(':');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours))
        {
            return false;
        }

        var minutes = 0;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minutes))
        {
            return false;
        }

        if (parts.Length == 1 && parts[0].Length == 4)
        {
            minutes = hours % 100;
            hours /= 100;
        }

        if (hours > 18 || minutes > 59)
        {
            return false;
        }

        offset = TimeSpan.FromMinutes(sign * ((hours * 60) + minutes));
        return true;
    }
}
