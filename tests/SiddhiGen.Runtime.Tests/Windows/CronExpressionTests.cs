namespace SiddhiGen.Runtime.Tests;

public sealed class CronExpressionTests
{
    private static long Ms(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
        => new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static long? Next(string expression, long after) => CronExpression.Parse(expression).GetNextFireTime(after);

    [Test]
    public void EverySecondFiresOnTheNextWholeSecond()
    {
        Assert.That(Next("* * * * * ?", 1500), Is.EqualTo(2000));
        Assert.That(Next("* * * * * ?", 2000), Is.EqualTo(3000), "strictly after");
    }

    [Test]
    public void StepsRangesAndLists()
    {
        var start = Ms(2024, 1, 1, 10, 0, 0);
        Assert.That(Next("*/15 * * * * ?", start), Is.EqualTo(start + 15_000));
        Assert.That(Next("10-12 * * * * ?", start), Is.EqualTo(start + 10_000));
        Assert.That(Next("0 5,20 * * * ?", start), Is.EqualTo(Ms(2024, 1, 1, 10, 5)));
        Assert.That(Next("0 0 9-17/4 * * ?", start), Is.EqualTo(Ms(2024, 1, 1, 13)));
        Assert.That(Next("30/10 * * * * ?", start + 55_000), Is.EqualTo(start + 90_000));
    }

    [Test]
    public void HoursWrapAroundMidnight()
    {
        Assert.That(Next("0 0 22-2 * * ?", Ms(2024, 1, 1, 3)), Is.EqualTo(Ms(2024, 1, 1, 22)));
        Assert.That(Next("0 0 22-2 * * ?", Ms(2024, 1, 1, 23, 30)), Is.EqualTo(Ms(2024, 1, 2, 0)));
    }

    [Test]
    public void NamesForMonthsAndDays()
    {
        // 2024-01-01 is a Monday.
        Assert.That(Next("0 0 12 ? * FRI", Ms(2024, 1, 1)), Is.EqualTo(Ms(2024, 1, 5, 12)));
        Assert.That(Next("0 0 0 1 MAR ?", Ms(2024, 1, 1)), Is.EqualTo(Ms(2024, 3, 1)));
        Assert.That(Next("0 0 12 ? * MON-WED", Ms(2024, 1, 3, 13)), Is.EqualTo(Ms(2024, 1, 8, 12)));
        Assert.That(Next("0 0 12 ? * 1", Ms(2024, 1, 1)), Is.EqualTo(Ms(2024, 1, 7, 12)), "1 is Sunday in Quartz");
    }

    [Test]
    public void LastDayAndWeekdayModifiers()
    {
        Assert.That(Next("0 0 0 L * ?", Ms(2024, 2, 1)), Is.EqualTo(Ms(2024, 2, 29)));
        Assert.That(Next("0 0 0 L-2 * ?", Ms(2024, 2, 1)), Is.EqualTo(Ms(2024, 2, 27)));
        Assert.That(Next("0 0 0 ? * 6L", Ms(2024, 1, 1)), Is.EqualTo(Ms(2024, 1, 26)), "last Friday of January 2024");
        Assert.That(Next("0 0 0 ? * 2#2", Ms(2024, 1, 1)), Is.EqualTo(Ms(2024, 1, 8)), "second Monday");
    }

    [Test]
    public void YearsAndTheEndOfTime()
    {
        Assert.That(Next("0 0 0 1 1 ? 2030", Ms(2024, 1, 1)), Is.EqualTo(Ms(2030, 1, 1)));
        Assert.That(Next("0 0 0 1 1 ? 2020", Ms(2024, 1, 1)), Is.Null);
        Assert.That(Next("0 0 0 31 2 ?", Ms(2024, 1, 1)), Is.Null, "February 31st never comes");
    }

    [Test]
    public void TimeZonesShiftTheSchedule()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");
        var expression = CronExpression.Parse("0 0 12 * * ?", zone);
        Assert.That(expression.GetNextFireTime(Ms(2024, 1, 1)), Is.EqualTo(Ms(2024, 1, 1, 10)));
    }

    [TestCase("")]
    [TestCase("* * * * *")]
    [TestCase("* * * * * * * *")]
    [TestCase("60 * * * * ?")]
    [TestCase("* * * * * *")]
    [TestCase("* * * ? * ?")]
    [TestCase("* * * 1W * ?")]
    [TestCase("*/0 * * * * ?")]
    [TestCase("* * * * FOO ?")]
    public void InvalidExpressionsAreRejected(string text)
    {
        Assert.That(() => CronExpression.Parse(text), Throws.InstanceOf<FormatException>());
        Assert.That(CronExpression.TryParse(text, out var parsed), Is.False);
        Assert.That(parsed, Is.Null);
    }
}
