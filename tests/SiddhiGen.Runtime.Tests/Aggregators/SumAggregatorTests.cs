namespace SiddhiGen.Runtime.Tests;

public sealed class SumAggregatorTests
{
    [Test]
    public void SumLongIsNullUntilANonNullValueArrives()
    {
        var sum = new SumLongAggregator();
        Assert.That(sum.Value, Is.Null);
        sum.Add(null);
        Assert.That(sum.Value, Is.Null);
        sum.Add(5);
        sum.Add(null);
        sum.Add(-2);
        Assert.That(sum.Value, Is.EqualTo(3));
    }

    [Test]
    public void SumLongIsNullAgainWhenEveryValueExpired()
    {
        var sum = new SumLongAggregator();
        sum.Add(5);
        sum.Add(0);
        sum.Remove(5);
        Assert.That(sum.Value, Is.EqualTo(0), "a held zero is a value");
        sum.Remove(null);
        Assert.That(sum.Value, Is.EqualTo(0));
        sum.Remove(0);
        Assert.That(sum.Value, Is.Null);
    }

    [Test]
    public void SumLongWrapsAroundLikeJava()
    {
        var sum = new SumLongAggregator();
        sum.Add(long.MaxValue);
        sum.Add(1);
        Assert.That(sum.Value, Is.EqualTo(long.MinValue));
    }

    [Test]
    public void SumLongResetForgetsEverything()
    {
        var sum = new SumLongAggregator();
        sum.Add(7);
        sum.Reset();
        Assert.That(sum.Value, Is.Null);
        sum.Add(1);
        Assert.That(sum.Value, Is.EqualTo(1));
    }

    [Test]
    public void SumDoubleAccumulatesWidenedFloats()
    {
        var sum = new SumDoubleAggregator();
        sum.Add(60.5f);
        sum.Add(700f);
        sum.Add(0.1f);
        Assert.That(sum.Value, Is.EqualTo(60.5 + 700.0 + (double)0.1f));
    }

    [Test]
    public void SumDoubleNullSemanticsMatchSumLong()
    {
        var sum = new SumDoubleAggregator();
        Assert.That(sum.Value, Is.Null);
        sum.Add(null);
        Assert.That(sum.Value, Is.Null);
        sum.Add(1.5);
        sum.Add(2.25);
        sum.Remove(1.5);
        Assert.That(sum.Value, Is.EqualTo(2.25));
        sum.Remove(2.25);
        Assert.That(sum.Value, Is.Null);
        sum.Add(4);
        sum.Reset();
        Assert.That(sum.Value, Is.Null);
    }

    [Test]
    public void SteadyStateDoesNotAllocate()
    {
        var sum = new SumDoubleAggregator();
        void Run()
        {
            for (var i = 0; i < 10_000; i++)
            {
                sum.Add(i);
                sum.Remove(i - 1);
                _ = sum.Value;
            }
        }

        Run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
