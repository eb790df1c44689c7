using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions.Tests.Library;

/// <summary>time: the documented examples of siddhi-execution-time 5.0, SimpleDateFormat patterns and Java zone ids.</summary>
public sealed class TimeFunctionTests
{
    private static long LocalMillis(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
    {
        var local = new DateTime(y, mo, d, h, mi, s, ms, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local)).ToUnixTimeMilliseconds();
    }

    [Test]
    public void DocumentedExamples()
    {
        Assert.That(TimeFunctions.Date("2014/11/11 13:23:44", "yyyy/MM/dd HH:mm:ss"), Is.EqualTo("2014-11-11"));
        Assert.That(TimeFunctions.Date("2014-11-23 13:23:44.345"), Is.EqualTo("2014-11-23"));
        Assert.That(TimeFunctions.DateAdd("2014-11-11 13:23:44.657", 5, "YEAR", "yyyy-MM-dd HH:mm:ss.SSS"), Is.EqualTo("2019-11-11 13:23:44.657"));
        Assert.That(TimeFunctions.DateAdd("2014-11-11 13:23:44.657", 5, "year"), Is.EqualTo("2019-11-11 13:23:44.657"));
        Assert.That(TimeFunctions.DateAdd(1415712224000L, 1, "SECOND"), Is.EqualTo("1415712225000"));
        Assert.That(TimeFunctions.DateDiff("2014-11-11 13:23:44", "2014-11-9 13:23:44", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss"), Is.EqualTo(2L));
        Assert.That(TimeFunctions.DateDiff("2014-11-13 13:23:44.657", "2014-11-9 13:23:44.657"), Is.EqualTo(4L));
        Assert.That(TimeFunctions.DateDiff(1415692424000L, 1412841224000L), Is.EqualTo(33L));
        Assert.That(TimeFunctions.DateFormat("2014/11/11 13:23:44", "mm:ss", "yyyy/MM/dd HH:mm:ss"), Is.EqualTo("23:44"));
        Assert.That(TimeFunctions.DateFormat("2014-11-11 13:23:44", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss"), Is.EqualTo("2014-11-11 13:23:44"));
        Assert.That(TimeFunctions.DateFormat(LocalMillis(2014, 11, 11, 13, 23, 44), "yyyy/MM/dd HH:mm:ss"), Is.EqualTo("2014/11/11 13:23:44"));
        Assert.That(TimeFunctions.DateSub("2019-11-11 13:23:44.657", 5, "YEAR", "yyyy-MM-dd HH:mm:ss.SSS"), Is.EqualTo("2014-11-11 13:23:44.657"));
        Assert.That(TimeFunctions.DateSub(1415712224000L, 1, "SECOND"), Is.EqualTo("1415712223000"));
        Assert.That(TimeFunctions.DayOfWeek("2010-12-12 12:12:12.123"), Is.EqualTo("Sunday"));
        Assert.That(TimeFunctions.DayOfWeek("2010/12/12", "yyyy/MM/dd"), Is.EqualTo("Sunday"));
        Assert.That(TimeFunctions.Extract("YEAR", "2019/11/11 13:12:11", "yyyy/MM/dd HH:mm:ss"), Is.EqualTo(2019));
        Assert.That(TimeFunctions.Extract("DAY", "2019-11-12 13:12:11.457"), Is.EqualTo(12));
        Assert.That(TimeFunctions.Extract("QUARTER", "2019-11-12 13:12:11.457"), Is.EqualTo(4));
        Assert.That(TimeFunctions.Extract(LocalMillis(2014, 11, 11, 13, 23, 44), "HOUR"), Is.EqualTo(13));
        Assert.That(TimeFunctions.TimestampInMilliseconds("2007-11-30 10:30:19.000"), Is.EqualTo(LocalMillis(2007, 11, 30, 10, 30, 19)));
        Assert.That(TimeFunctions.TimestampInMilliseconds("2007-11-30 10:30", "yyyy-MM-dd HH:mm"), Is.EqualTo(LocalMillis(2007, 11, 30, 10, 30)));
        Assert.That(TimeFunctions.TimezoneConvert("2019-06-28 07:00:00", "yyyy-MM-dd HH:mm:ss", "Asia/Kolkata", "UTC"), Is.EqualTo("2019-06-28 12:30:00"));
        Assert.That(TimeFunctions.TimezoneConvert("2019-06-28 12:30:00", "yyyy-MM-dd HH:mm:ss", "IST", "UTC"), Is.EqualTo("2019-06-28 18:00:00"), "Java's SHORT_IDS: IST is Asia/Kolkata");
    }

    [Test]
    public void CurrentValuesHaveTheirPatterns()
    {
        Assert.That(TimeFunctions.CurrentDate(), Does.Match(@"^\d{4}-\d\d-\d\d$"));
        Assert.That(TimeFunctions.CurrentTime(), Does.Match(@"^\d\d:\d\d:\d\d$"));
        Assert.That(TimeFunctions.CurrentTimestamp("Asia/Kolkata"), Does.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
        Assert.That(TimeFunctions.UtcTimestamp(), Is.EqualTo(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Or.Not.Empty);
        Assert.That(Math.Abs(TimeFunctions.TimestampInMilliseconds() - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), Is.LessThan(5000));
    }

    [Test]
    public void JavaPatternLetters()
    {
        var instant = new DateTimeOffset(2019, 3, 4, 15, 6, 7, 89, TimeSpan.Zero);
        var f = JavaDateFormat.Get("EEE, d MMM yyyy hh:mm:ss.SSS a Z 'at' D''", "test");
        Assert.That(f.Format(instant, TimeZoneInfo.Utc), Is.EqualTo("Mon, 4 Mar 2019 03:06:07.089 PM +0000 at 63'"));
        Assert.That(JavaDateFormat.Get("EEEE MMMM yy k K X", "test").Format(instant, TimeZoneInfo.Utc), Is.EqualTo("Monday March 19 15 3 Z"));
        Assert.That(JavaDateFormat.Get("yyyyMMddHHmmss", "test").Parse("20190304150607", TimeZoneInfo.Utc, "test"), Is.EqualTo(new DateTimeOffset(2019, 3, 4, 15, 6, 7, TimeSpan.Zero)), "adjacent numbers take their widths");
        Assert.That(JavaDateFormat.Get("dd MMM yyyy HH:mm Z", "test").Parse("04 Mar 2019 15:06 +0530", TimeZoneInfo.Utc, "test").UtcDateTime, Is.EqualTo(new DateTime(2019, 3, 4, 9, 36, 0)));
        Assert.That(JavaDateFormat.Get("h:mm a", "test").Parse("12:30 AM", TimeZoneInfo.Utc, "test").Hour, Is.EqualTo(0));
        Assert.That(TimeFunctions.Extract("WEEK", "2019-01-05 00:00:00.000"), Is.EqualTo(1));
        Assert.That(TimeFunctions.Extract("WEEK", "2019-12-29 00:00:00.000"), Is.EqualTo(1), "US weeks: Dec 29 2019 is in week 1 of 2020");
    }

    [Test]
    public void NullsAndErrors()
    {
        Assert.That(TimeFunctions.Date(null), Is.Null);
        Assert.That(TimeFunctions.DateAdd((string?)null, 1, "DAY"), Is.Null);
        Assert.That(TimeFunctions.DateDiff((long?)null, 1L), Is.Null);
        Assert.That(TimeFunctions.Extract("YEAR", null), Is.Null);
        Assert.That(TimeFunctions.TimezoneConvert(null, "yyyy", "UTC"), Is.Null);
        Assert.That(() => TimeFunctions.Date("2014/11/11"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("does not match with the timestamp 2014/11/11"));
        Assert.That(() => TimeFunctions.Extract("DECADE", "2019-11-12 13:12:11.457"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("Unit 'DECADE'"));
        Assert.That(() => TimeFunctions.CurrentTimestamp("Mars/Olympus"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("Provided time zone Mars/Olympus is invalid."));
        Assert.That(() => TimeFunctions.DateFormat("2014", "yyyy qq", "yyyy"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("illegal pattern character 'q'"));
    }

    [Test]
    public void MonthArithmeticClampsAsJavasCalendar()
    {
        Assert.That(TimeFunctions.DateAdd("2019-01-31 00:00:00.000", 1, "MONTH"), Is.EqualTo("2019-02-28 00:00:00.000"));
        Assert.That(TimeFunctions.DateAdd("2019-01-31 00:00:00.000", 1, "QUARTER"), Is.EqualTo("2019-04-30 00:00:00.000"));
        Assert.That(TimeFunctions.DateSub("2019-01-01 00:00:00.000", 1, "WEEK"), Is.EqualTo("2018-12-25 00:00:00.000"));
    }
}
