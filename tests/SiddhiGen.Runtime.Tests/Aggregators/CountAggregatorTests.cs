namespace SiddhiGen.Runtime.Tests;

public sealed class CountAggregatorTests
{
    [Test]
    public void CountsEventsAndFallsToZero()
    {
        var count = new CountAggregator();
        Assert.That(count.Value, Is.Zero);
        count.Add();
        count.Add();
        Assert.That(count.Value, Is.EqualTo(2));
        count.Remove();
        count.Remove();
        Assert.That(count.Value, Is.Zero);
    }

    [Test]
    public void ResetGivesZero()
    {
        var count = new CountAggregator();
        count.Add();
        count.Reset();
        Assert.That(count.Value, Is.Zero);
    }

    [Test]
    public void CountOfAnArgumentCountsNullsToo()
    {
        IAttributeAggregator<object?, long> count = new CountAggregator();
        count.Add(null);
        count.Add("x");
        Assert.That(count.Value, Is.EqualTo(2));
        count.Remove(null);
        Assert.That(count.Value, Is.EqualTo(1));
    }
}
