namespace SiddhiGen.Runtime.Tests;

public sealed class LossyFrequentWindowTests
{
    private static WindowHarness Create(double support, double? error = null)
        => WindowHarness.Create((clock, _) => new LossyFrequentWindow<TestEvent, string, SymbolOf>(clock, support, error));

    [Test]
    public void OnlyEventsOfFrequentKeysAreEmitted()
    {
        // support 0.5, error 0.1: bucket width 10; emitted when count >= 0.4 * N.
        var h = Create(0.5, 0.1);
        h.SendEach(0, "A", "B", "A", "C");
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "+A" }));
    }

    [Test]
    public void RareKeysArePrunedAtBucketBoundaries()
    {
        var h = Create(0.5, 0.25);
        h.SendEach(0, "A", "A", "A", "B");
        Assert.That(h.Log.Last(), Is.EqualTo("+B -B"), "bucket width 4: B counts 1 + bucket 0 <= bucket 1");
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "A" }));
    }

    [Test]
    public void ErrorDefaultsToATenthOfTheSupport()
    {
        var h = Create(0.5);
        h.SendEach(0, Enumerable.Repeat("A", 19).Append("B").ToArray());
        Assert.That(h.Log.Last(), Is.EqualTo("-B"), "bucket width ceil(1 / 0.05) = 20: pruned at the boundary");
    }

    /// <summary>Corpus query.window.LossyFrequentWindowTestCase#frequentUniqueWindowTest2: lossyFrequent(0.3, 0.05) on all attributes.</summary>
    [Test]
    public void Corpus_FrequentUniqueWindowTest2()
    {
        var h = Create(0.3, 0.05);
        h.SendEach(0, "3224/73.36");
        for (var i = 0; i < 25; i++)
        {
            h.SendEach(0, "3234/73.36", "3234/78.36", "1234/86.36", "5768/48.36");
        }

        Assert.That(h.Rows.Count(r => r[0] == '+'), Is.EqualTo(76));
        Assert.That(h.Rows.Where(r => r[0] == '+').Take(5), Is.EqualTo(new[] { "+3224/73.36", "+3234/73.36", "+3234/78.36", "+1234/86.36", "+3234/73.36" }));
        Assert.That(h.Rows.Where(r => r[0] == '-'), Is.EqualTo(new[] { "-3224/73.36" }));
    }

    /// <summary>Corpus #frequentUniqueWindowTest3: lossyFrequent(0.3, 0.05, cardNo): every event qualifies.</summary>
    [Test]
    public void Corpus_FrequentUniqueWindowTest3()
    {
        var h = Create(0.3, 0.05);
        h.SendEach(0, "3224");
        for (var i = 0; i < 25; i++)
        {
            h.SendEach(0, "3234", "3234", "1234", "3234");
        }

        Assert.That(h.Rows.Count(r => r[0] == '+'), Is.EqualTo(101));
        Assert.That(h.Rows.Where(r => r[0] == '-'), Is.EqualTo(new[] { "-3224" }));
    }

    /// <summary>Corpus #lossyFrequentUniqueWindowTest1: lossyFrequent(0.1, 0.01), four cards then a rare one.</summary>
    [Test]
    public void Corpus_LossyFrequentUniqueWindowTest1()
    {
        var h = Create(0.1, 0.01);
        for (var i = 0; i < 25; i++)
        {
            h.SendEach(0, "3234", "1234", "5768", "9853");
        }

        h.SendEach(0, "1124", "1124");
        Assert.That(h.Rows.Count(r => r[0] == '+'), Is.EqualTo(100));
        Assert.That(h.Rows.Count(r => r[0] == '-'), Is.Zero);
    }
}
