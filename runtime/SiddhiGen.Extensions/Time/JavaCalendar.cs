namespace SiddhiGen.Extensions;

/// <summary>What <c>java.util.GregorianCalendar</c> computes in its default (US) locale: weeks start on Sunday and week 1 holds January 1.</summary>
internal static class JavaCalendar
{
    /// <summary><c>Calendar.WEEK_OF_YEAR</c>: the week holding Jan 1 of the next year is week 1 of that year.</summary>
    public static int WeekOfYear(DateTime date)
    {
        var nextJan1 = new DateTime(date.Year + 1, 1, 1);
        var startOfNextWeek1 = nextJan1.AddDays(-(int)nextJan1.DayOfWeek);
        if (date >= startOfNextWeek1)
        {
            return 1;
        }

        var jan1 = new DateTime(date.Year, 1, 1);
        var startOfWeek1 = jan1.AddDays(-(int)jan1.DayOfWeek);
        return ((date.Date - startOfWeek1).Days / 7) + 1;
    }

    /// <summary><c>Calendar.WEEK_OF_MONTH</c>: the week holding the 1st is week 1.</summary>
    public static int WeekOfMonth(DateTime date)
    {
        var first = new DateTime(date.Year, date.Month, 1);
        return ((date.Day - 1 + (int)first.DayOfWeek) / 7) + 1;
    }

    /// <summary>SimpleDateFormat's <c>yy</c>: the year within 80 years before and 20 after now.</summary>
    public static int TwoDigitYear(int twoDigits)
    {
        var start = DateTime.Now.Year - 80;
        var year = (start / 100 * 100) + twoDigits;
        return year < start ? year + 100 : year;
    }
}
