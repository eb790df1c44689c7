namespace SiddhiGen.Runtime.Tests;

public sealed class AvgAggregatorTests
{
    [Test]
    public void AveragesTheNonNullValuesHeld()
    {
        var avg = new AvgAggregator();
        Assert.That(avg.Value, Is.Null);
        avg.Add(34.4);
        avg.Add(null);
        avg.Add(24.5);
        Assert.That(avg.Value, Is.EqualTo((34.4 + 24.5) / 2));
        avg.Remove(34.4);
        Assert.That(avg.Value, Is.EqualTo((34.4 + 24.5 - 34.4) / 1), "same arithmetic as Siddhi: a running total over a count");
    }

    [Test]
    public void IsNullWhenEmptiedAndAfterReset()
    {
        var avg = new AvgAggregator();
        avg.Add(1);
        avg.Remove(1);
        Assert.That(avg.Value, Is.Null);
        avg.Add(3);
        avg.Reset();
        Assert.That(avg.Value, Is.Null);
    }

    [Test]
    public void IntegerArgumentsGiveADoubleMean()
    {
        var avg = new AvgAggregator();
        avg.Add(1000);
        avg.Add(1500);
        Assert.That(avg.Value, Is.EqualTo(1250.0));
    }
}
