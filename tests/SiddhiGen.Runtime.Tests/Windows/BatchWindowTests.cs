namespace SiddhiGen.Runtime.Tests;

public sealed class BatchWindowTests
{
    private static WindowHarness Create(int length = 0, bool outputExpired = false, bool findable = false)
        => WindowHarness.Create((clock, _) => new BatchWindow<TestEvent>(clock, length, outputExpired, findable));

    [Test]
    public void EachInputChunkIsABatch()
    {
        var h = Create(outputExpired: true);
        h.Send(0, new("A"), new("B"));
        h.Send(0, new TestEvent("C"));
        h.Send(0, new("D"), new("E"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B", "-A -B R +C", "-C R +D +E" }));
    }

    [Test]
    public void WithoutExpiredOutputTheResetLeadsTheNextBatch()
    {
        var h = Create();
        h.Send(0, new("A"), new("B"));
        h.Send(0, new TestEvent("C"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B", "R +C" }));
    }

    [Test]
    public void ALengthSplitsAChunkIntoSubBatches()
    {
        var h = Create(2);
        h.Send(0, new("A"), new("B"), new("C"), new("D"), new("E"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B", "R +C +D", "R +E" }));
    }

    [Test]
    public void SubBatchesWithExpiredOutputExpireTheWholePreviousChunk()
    {
        var h = Create(2, outputExpired: true);
        h.Send(0, new("A"), new("B"), new("C"));
        h.Send(0, new TestEvent("D"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B", "R +C", "-A -B -C R +D" }));
    }

    [Test]
    public void FindableContentsAreTheLastChunk()
    {
        var h = Create(findable: true);
        h.Send(0, new("A"), new("B"));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "A", "B" }));
        h.Send(0, new TestEvent("C"));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "C" }));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B", "R +C" }));
    }

    /// <summary>Corpus window.BatchWindowTestCase#testBatchWindow3: batch(), insert expired events → the first chunk expires.</summary>
    [Test]
    public void Corpus_TestBatchWindow3()
    {
        var h = Create(outputExpired: true);
        h.Send(0, Enumerable.Range(0, 10).Select(i => new TestEvent("WSO2-" + i)).ToArray());
        h.Send(0, Enumerable.Range(0, 10).Select(i => new TestEvent("IBM-" + i)).ToArray());
        Assert.That(h.Rows.Where(r => r[0] == '-'), Is.EqualTo(Enumerable.Range(0, 10).Select(i => "-WSO2-" + i)));
    }
}
