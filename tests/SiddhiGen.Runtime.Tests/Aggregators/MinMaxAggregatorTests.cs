namespace SiddhiGen.Runtime.Tests;

public sealed class MinMaxAggregatorTests
{
    [Test]
    public void MaxAndMinOfTheValuesHeld()
    {
        var max = new MaxAggregator<double>();
        var min = new MinAggregator<double>();
        foreach (var v in new double?[] { 36.0, null, 37.88, 35.5 })
        {
            max.Add(v);
            min.Add(v);
        }

        Assert.That((max.Value, min.Value), Is.EqualTo(((double?)37.88, (double?)35.5)));
    }

    [Test]
    public void NullWhenEmptyAndAfterReset()
    {
        var max = new MaxAggregator<int>();
        Assert.That(max.Value, Is.Null);
        max.Add(3);
        max.Remove(3);
        Assert.That(max.Value, Is.Null);
        max.Add(5);
        max.Reset();
        Assert.That(max.Value, Is.Null);
        max.Add(1);
        Assert.That(max.Value, Is.EqualTo(1));
    }

    [Test]
    public void DuplicatesLeaveOneAtATime()
    {
        var max = new MaxAggregator<long>();
        max.Add(7);
        max.Add(7);
        max.Add(3);
        max.Remove(7);
        Assert.That(max.Value, Is.EqualTo(7));
        max.Remove(7);
        Assert.That(max.Value, Is.EqualTo(3));
    }

    [Test]
    public void CorrectWhenValuesLeaveOutOfArrivalOrder()
    {
        // Behind a sort window the largest value leaves first: a FIFO monotonic deque would answer wrongly here.
        var max = new MaxAggregator<float>();
        max.Add(5f);
        max.Add(9f);
        max.Add(7f);
        max.Remove(9f);
        Assert.That(max.Value, Is.EqualTo(7f));
        var min = new MinAggregator<float>();
        min.Add(5f);
        min.Add(1f);
        min.Add(3f);
        min.Remove(1f);
        Assert.That(min.Value, Is.EqualTo(3f));
    }

    [Test]
    public void MatchesABruteForceMultisetUnderRandomAddsAndRemoves()
    {
        var random = new Random(42);
        var max = new MaxAggregator<int>();
        var min = new MinAggregator<int>();
        var held = new List<int>();
        for (var step = 0; step < 20_000; step++)
        {
            if (held.Count > 0 && random.Next(3) == 0)
            {
                var value = held[random.Next(held.Count)];
                held.Remove(value);
                max.Remove(value);
                min.Remove(value);
            }
            else
            {
                var value = random.Next(-50, 50);
                held.Add(value);
                max.Add(value);
                min.Add(value);
            }

            Assert.That(max.Value, Is.EqualTo(held.Count == 0 ? null : held.Max()), $"max at step {step}");
            Assert.That(min.Value, Is.EqualTo(held.Count == 0 ? null : held.Min()), $"min at step {step}");
        }
    }

    [Test]
    public void RemovingAValueNeverAddedIsIgnored()
    {
        var min = new MinAggregator<int>();
        min.Add(4);
        min.Remove(2);
        min.Remove(null);
        Assert.That(min.Value, Is.EqualTo(4));
    }

    [Test]
    public void SlidingUseDoesNotAllocate()
    {
        var max = new MaxAggregator<double>();
        for (var i = 0; i < 64; i++)
        {
            max.Add(i % 16);
        }

        void Slide()
        {
            for (var i = 64; i < 20_064; i++)
            {
                max.Remove((i - 64) % 16);
                max.Add(i % 16);
                _ = max.Value;
            }
        }

        Slide();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Slide();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    /// <summary>Corpus query.aggregator.MaxForeverAggregatorExtensionTestCase: maxForever ignores expiry and reset.</summary>
    [Test]
    public void ForeverAggregatorsKeepTheLifetimeExtreme()
    {
        var max = new MaxForeverAggregator<double>();
        var min = new MinForeverAggregator<double>();
        Assert.That(max.Value, Is.Null);
        foreach (var v in new double?[] { 36.0, 37.88, null, 35.0 })
        {
            max.Add(v);
            min.Add(v);
        }

        max.Remove(37.88);
        min.Remove(35.0);
        max.Reset();
        min.Reset();
        Assert.That((max.Value, min.Value), Is.EqualTo(((double?)37.88, (double?)35.0)));
    }

    [Test]
    public void ForeverAggregatorsTreatAnExpiredValueLikeAnArrivingOne()
    {
        var max = new MaxForeverAggregator<int>();
        max.Add(3);
        max.Remove(10);
        Assert.That(max.Value, Is.EqualTo(10), "as Siddhi's processRemove does");
        var min = new MinForeverAggregator<long>();
        min.Remove(-4);
        Assert.That(min.Value, Is.EqualTo(-4));
    }

    /// <summary>Corpus query.window.LengthWindowTestCase#lengthWindowTest4: every numeric aggregator over length(4) with null rows.</summary>
    [Test]
    public void Corpus_LengthWindowTest4()
    {
        var h = WindowHarness.Create((clock, _) => new LengthWindow<TestEvent>(clock, 4));
        var max = new MaxAggregator<double>();
        var min = new MinAggregator<double>();
        var sum = new SumDoubleAggregator();
        var avg = new AvgAggregator();
        var std = new StdDevAggregator();
        var count = new CountAggregator();
        var distinct = new DistinctCountAggregator<double?>();
        var rows = new List<string>();
        double?[] prices = [null, 700.0, null, 700.0, 700.0, 700.0, 700.0, 700.0];
        foreach (var price in prices)
        {
            h.Send(0, new TestEvent("x", price));
            foreach (var e in h.Chunks[^1].Events)
            {
                if (e.Kind == EventKind.Current)
                {
                    max.Add(e.Data.Price);
                    min.Add(e.Data.Price);
                    sum.Add(e.Data.Price);
                    avg.Add(e.Data.Price);
                    std.Add(e.Data.Price);
                    count.Add();
                    distinct.Add(e.Data.Price);
                }
                else
                {
                    max.Remove(e.Data.Price);
                    min.Remove(e.Data.Price);
                    sum.Remove(e.Data.Price);
                    avg.Remove(e.Data.Price);
                    std.Remove(e.Data.Price);
                    count.Remove();
                    distinct.Remove(e.Data.Price);
                }
            }

            rows.Add($"{F(max.Value)} {F(min.Value)} {F(sum.Value)} {F(avg.Value)} {F(std.Value)} {count.Value} {distinct.Value}");
        }

        Assert.That(rows, Is.EqualTo(new[]
        {
            "null null null null null 1 1",
            "700 700 700 700 0 2 2",
            "700 700 700 700 0 3 2",
            "700 700 1400 700 0 4 2",
            "700 700 2100 700 0 4 2",
            "700 700 2100 700 0 4 2",
            "700 700 2800 700 0 4 1",
            "700 700 2800 700 0 4 1",
        }));
    }

    private static string F(double? value) => MiniSelector.Format(value);
}
