namespace SiddhiGen.Extensions.Tests.Mechanism;

/// <summary>#window.unique:ever/first/length through the generator, checked against what Siddhi's processors emit.</summary>
public sealed class UniqueWindowTests
{
    private const string Stream = "define stream In (symbol string, price double);\n";

    [Test]
    public void EverKeepsTheLatestEventPerKey()
    {
        var app = Stream + "@info(name='q') from In#window.unique:ever(symbol) select symbol, sum(price) as total insert all events into Out;";
        using var h = ExtensionApp.Start(app, "Out").Send("In", "IBM", 10.0).Send("In", "WSO2", 5.0).Send("In", "IBM", 20.0);
        // The second IBM event expires the first in the same chunk (one row per chunk for an aggregating selector),
        // so the sum holds only the latest event per key.
        Assert.That(h.Rows.Select(r => r[1]), Is.EqualTo(new object?[] { 10.0, 15.0, 25.0 }));
    }

    [Test]
    public void FirstDropsLaterEventsOfAKey()
    {
        var app = Stream + "from In#window.unique:first(symbol) select symbol, price insert into Out;";
        using var h = ExtensionApp.Start(app, "Out").Send("In", "IBM", 10.0).Send("In", "IBM", 20.0).Send("In", "WSO2", 5.0);
        Assert.That(h.Rows, Is.EqualTo(new[] { new object?[] { "IBM", 10.0 }, new object?[] { "WSO2", 5.0 } }));
    }

    [Test]
    public void LengthHoldsTheLatestDistinctKeys()
    {
        var app = Stream + "from In#window.unique:length(symbol, 2) select symbol, sum(price) as total insert into Out;";
        using var h = ExtensionApp.Start(app, "Out")
            .Send("In", "A", 1.0)
            .Send("In", "B", 2.0)
            .Send("In", "A", 3.0)   // replaces A: B + A(3)
            .Send("In", "C", 4.0);  // a third key pushes out the oldest held (B)
        Assert.That(h.Rows.Select(r => r[1]), Is.EqualTo(new object?[] { 1.0, 3.0, 5.0, 7.0 }));
    }

    [Test]
    public void UniqueWindowsAreCheckedAtBuildTime()
    {
        var noKey = ExtensionApp.Run(Stream + "from In#window.unique:length(2) select symbol insert into Out;");
        Assert.That(noKey.Errors.Single().GetMessage(), Is.EqualTo("Window 'unique:length' takes one or more attributes (the key), then a int constant (length)"));
        var notConstant = ExtensionApp.Run(Stream + "from In#window.unique:length(symbol, price) select symbol insert into Out;");
        Assert.That(notConstant.Errors.Single().Id, Is.EqualTo("SIDDHI039"));
        var missing = ExtensionApp.Run(Stream + "from In#window.unique:time(symbol, 1 sec) select symbol insert into Out;");
        Assert.That(missing.Errors.Single().Id, Is.EqualTo("SIDDHI038"));
    }
}
