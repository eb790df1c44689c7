namespace SiddhiGen.Runtime.Tests;

public sealed class StdDevAggregatorTests
{
    [Test]
    public void NullWhenEmptyZeroForOneValue()
    {
        var std = new StdDevAggregator();
        Assert.That(std.Value, Is.Null);
        std.Add(null);
        Assert.That(std.Value, Is.Null);
        std.Add(1.0);
        Assert.That(std.Value, Is.EqualTo(0.0));
        std.Remove(1.0);
        Assert.That(std.Value, Is.Null);
    }

    /// <summary>Corpus #stdDevAggregatorTest4 and #5: population standard deviation of one batch, bit for bit.</summary>
    [TestCase(new[] { 10000.0, 10000.5, 10001.0 }, 0.408248290463863)]
    [TestCase(new[] { 1.0, 1.5, 2.0 }, 0.408248290463863)]
    [TestCase(new[] { 23.0, 1003.0, 500.0 }, 400.13025656931046)]
    [TestCase(new[] { 0.002, 0.0034, 0.00454 }, 0.0010387599444636963)]
    [TestCase(new[] { 1.0, 1.0, 1.0 }, 0.0)]
    public void MatchesSiddhiExactly(double[] values, double expected)
    {
        var std = new StdDevAggregator();
        foreach (var v in values)
        {
            std.Add(v);
        }

        Assert.That(std.Value, Is.EqualTo(expected));
    }

    /// <summary>Corpus #stdDevAggregatorTest6: stdDev over length(3), including Siddhi's removal update.</summary>
    [Test]
    public void Corpus_StdDevAggregatorTest6_SlidingWindow()
    {
        var h = WindowHarness.Create((clock, _) => new LengthWindow<TestEvent>(clock, 3));
        foreach (var price in new[] { 23.3, 1003.2, 500.1, 10.9, 234.5 })
        {
            h.Send(0, new TestEvent("x", price));
        }

        var rows = MiniSelector.Aggregate<StdDevAggregator, double?>(h.Chunks, e => e.Price, MiniSelector.Format);
        Assert.That(rows, Is.EqualTo(new[] { "+0", "+489.95000000000005", "+400.0905258674453", "+405.1180266978447", "+199.96026271903798" }));
    }

    [Test]
    public void ResetStartsOver()
    {
        var std = new StdDevAggregator();
        std.Add(1);
        std.Add(5);
        std.Reset();
        Assert.That(std.Value, Is.Null);
        std.Add(2);
        std.Add(4);
        Assert.That(std.Value, Is.EqualTo(1.0));
    }
}
