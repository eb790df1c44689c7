namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary><c>define trigger</c>: events <c>(triggered_time)</c> at start, at a fixed rate, or on a cron schedule, on the app's clock.</summary>
public sealed class TriggerTests
{
    [Test]
    public void AStartTriggerSendsOneEventWhenTheAppStarts()
    {
        using var app = new AppHarness("""
            define trigger Started at 'start';
            from Started select "hello" as greeting, triggered_time as at insert into Greetings;
            """, streams: ["Greetings"]);
        app.AdvanceTo(5000);

        Assert.That(app.Rows("Greetings"), Is.EqualTo(new[] { new object?[] { "hello", AppHarness.Base } }));
    }

    [Test]
    public void APeriodicTriggerFiresEveryPeriodFromOnePeriodAfterStart()
    {
        using var app = new AppHarness("""
            define trigger Tick at every 2 sec;
            from Tick select triggered_time insert into Ticks;
            """, streams: ["Ticks"]);
        app.AdvanceTo(7000);

        Assert.That(app.Rows("Ticks").Select(r => (long)r[0]! - AppHarness.Base), Is.EqualTo(new[] { 2000L, 4000L, 6000L }));
    }

    [Test]
    public void ACronTriggerFiresAtTheScheduledSeconds()
    {
        using var app = new AppHarness("""
            define trigger Tick at '*/3 * * * * ?';
            from Tick select triggered_time insert into Ticks;
            """, streams: ["Ticks"]);
        var start = AppHarness.Base;
        app.AdvanceTo(10_000);

        var expected = Enumerable.Range(1, 10).Select(s => start - start % 1000 + s * 1000L).Where(t => t / 1000 % 3 == 0 && t > start && t <= start + 10_000);
        Assert.That(app.Rows("Ticks").Select(r => (long)r[0]!), Is.EqualTo(expected));
    }

    [Test]
    public void AQueryMayInsertIntoATriggersStream()
    {
        using var app = new AppHarness("""
            define stream Manual (at long);
            define trigger Tick at every 10 sec;
            from Manual select at as triggered_time insert into Tick;
            from Tick select triggered_time insert into Ticks;
            """, streams: ["Ticks"]);
        app.Send(100, "Manual", 42L);

        Assert.That(app.Rows("Ticks"), Is.EqualTo(new[] { new object?[] { 42L } }));
    }
}
