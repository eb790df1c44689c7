namespace SiddhiGen.Runtime.Tests;

public sealed class TimeLengthWindowTests
{
    private static WindowHarness Create(long time, int length)
        => WindowHarness.Create((clock, timer) => new TimeLengthWindow<TestEvent>(clock, timer, time, length));

    [Test]
    public void CountExpiryPutsTheOldestBeforeTheNewcomer()
    {
        var h = Create(10_000, 2);
        h.SendEach(0, "A", "B", "C");
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A +C" }));
    }

    [Test]
    public void TimeExpiryRunsOnTimers()
    {
        var h = Create(1000, 5);
        h.Send(0, new TestEvent("A"));
        h.Send(500, new TestEvent("B"));
        h.AdvanceTo(1600);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A", "-B" }));
    }

    [Test]
    public void LengthZeroHoldsNothing()
    {
        var h = Create(1000, 0);
        h.SendEach(0, "A", "B");
        h.AdvanceTo(5000);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B" }));
    }

    /// <summary>Corpus query.window.TimeLengthWindowTestCase#timeLengthWindowTest10: timeLength(10 sec, 5), insert all events.</summary>
    [Test]
    public void Corpus_TimeLengthWindowTest10()
    {
        var h = Create(10_000, 5);
        string[] symbols = ["IBM10", "WSO220", "IBM20", "WSO240", "IBM50", "WSO260", "IBM70", "WSO280"];
        for (var i = 0; i < symbols.Length; i++)
        {
            h.SendEach(i * 500, symbols[i]);
        }

        h.AdvanceTo(8500);
        Assert.That(h.Rows, Is.EqualTo(new[] { "+IBM10", "+WSO220", "+IBM20", "+WSO240", "+IBM50", "-IBM10", "+WSO260", "-WSO220", "+IBM70", "-IBM20", "+WSO280" }));
    }

    /// <summary>Corpus #timeLengthWindowTest1: timeLength(4 sec, 10), everything expires by time.</summary>
    [Test]
    public void Corpus_TimeLengthWindowTest1()
    {
        var h = Create(4000, 10);
        h.SendEach(0, "IBM1");
        h.SendEach(500, "WSO22");
        h.SendEach(1000, "IBM3");
        h.SendEach(1500, "WSO24");
        h.AdvanceTo(6500);
        Assert.That(h.Rows, Is.EqualTo(new[] { "+IBM1", "+WSO22", "+IBM3", "+WSO24", "-IBM1", "-WSO22", "-IBM3", "-WSO24" }));
    }
}
