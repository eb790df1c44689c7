namespace SiddhiGen.Runtime.Tests;

public sealed class LengthBatchWindowTests
{
    private static WindowHarness Create(int length, bool streamCurrent = false, bool outputExpired = false, bool findable = false)
        => WindowHarness.Create((clock, _) => new LengthBatchWindow<TestEvent>(clock, length, streamCurrent, outputExpired, findable));

    [Test]
    public void EmitsNothingUntilTheBatchIsFull()
    {
        var h = Create(3);
        h.SendEach(0, "A", "B");
        Assert.That(h.Log, Is.Empty);
        h.SendEach(0, "C");
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B +C" }));
    }

    [Test]
    public void ExpiredEventsOfThePreviousBatchLeadTheNextOneWhenWanted()
    {
        var h = Create(2, outputExpired: true);
        h.SendEach(0, "A", "B", "C", "D");
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B", "-A -B R +C +D" }));
    }

    [Test]
    public void WithoutExpiredOutputOnlyTheResetSeparatesBatches()
    {
        var h = Create(2);
        h.SendEach(0, "A", "B", "C", "D");
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B", "R +C +D" }));
    }

    [Test]
    public void SeveralBatchesCompletedByOneInputChunkAreSeparateChunks()
    {
        var h = Create(2, outputExpired: true);
        h.Send(0, new("A"), new("B"), new("C"), new("D"), new("E"));
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B", "-A -B R +C +D" }));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "C", "D" }));
    }

    [Test]
    public void ExpiredEventsAreRestampedWithNow()
    {
        var h = Create(1, outputExpired: true);
        h.Send(5, new TestEvent("A"));
        h.Send(9, new TestEvent("B"));
        var expired = h.Chunks[1].Events[0];
        Assert.That((expired.Kind, expired.Timestamp), Is.EqualTo((EventKind.Expired, 9L)));
    }

    [Test]
    public void FindableContentsAreTheLastCompletedBatch()
    {
        var h = Create(2, findable: true);
        h.SendEach(0, "A", "B", "C");
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "A", "B" }));
        h.SendEach(0, "D");
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "C", "D" }));
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B", "R +C +D" }), "findable alone does not emit expired events");
    }

    [Test]
    public void ContentsAreEmptyWhenNotNeeded()
    {
        var h = Create(2);
        h.SendEach(0, "A", "B");
        Assert.That(h.Window.Contents.IsEmpty, Is.True);
    }

    [Test]
    public void StreamCurrentEventsEmitsArrivalsAndResetsEveryNEvents()
    {
        var h = Create(2, streamCurrent: true, outputExpired: true);
        h.SendEach(0, "A", "B", "C", "D", "E");
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A -B R +C", "+D", "-C -D R +E" }));
    }

    [Test]
    public void StreamCurrentEventsWithFindableKeepsTheRunningBatch()
    {
        var h = Create(2, streamCurrent: true, findable: true);
        h.SendEach(0, "A", "B", "C");
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "C" }));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "R +C" }));
    }

    [Test]
    public void LengthZeroPassesEachEventThroughAsItsOwnChunk()
    {
        var h = Create(0, outputExpired: true);
        h.Send(0, new("A"), new("B"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A -A R", "+B -B R" }));

        var noExpired = Create(0);
        noExpired.Send(0, new TestEvent("A"));
        Assert.That(noExpired.Log, Is.EqualTo(new[] { "+A R" }));
    }

    /// <summary>Corpus query.window.LengthBatchWindowTestCase#lengthBatchWindowTest2: lengthBatch(4), 6 events, current only.</summary>
    [Test]
    public void Corpus_LengthBatchWindowTest2()
    {
        var h = Create(4);
        h.SendEach(0, "IBM1", "WSO22", "IBM3", "WSO24", "IBM5", "WSO26");
        Assert.That(h.Rows.Where(r => r[0] == '+'), Is.EqualTo(new[] { "+IBM1", "+WSO22", "+IBM3", "+WSO24" }));
    }

    /// <summary>Corpus query.window.LengthBatchWindowTestCase#lengthBatchWindowTest10: lengthBatch(4, true), insert all events.</summary>
    [Test]
    public void Corpus_LengthBatchWindowTest10()
    {
        var h = Create(4, streamCurrent: true, outputExpired: true);
        h.SendEach(0, "IBM1", "WSO22", "IBM3", "WSO24", "IBM5", "WSO26", "WSO24b", "IBM5b", "WSO26b");
        Assert.That(h.Rows, Is.EqualTo(new[]
        {
            "+IBM1", "+WSO22", "+IBM3", "+WSO24", "-IBM1", "-WSO22", "-IBM3", "-WSO24", "+IBM5", "+WSO26", "+WSO24b", "+IBM5b",
            "-IBM5", "-WSO26", "-WSO24b", "-IBM5b", "+WSO26b",
        }));
    }

    /// <summary>Corpus #lengthBatchWindowTest12: lengthBatch(4, true), count(), insert expired events → removed counts 0, 0.</summary>
    [Test]
    public void Corpus_LengthBatchWindowTest11And12_StreamingCount()
    {
        var h = Create(4, streamCurrent: true, outputExpired: true);
        h.SendEach(0, "IBM1", "WSO22", "IBM3", "WSO24", "IBM5", "WSO26", "WSO24b", "IBM5b", "WSO26b");
        var expiredRows = MiniSelector.Aggregate<MiniSelector.CountRows, double?>(h.Chunks, _ => 1, MiniSelector.Format, EventKind.Expired);
        Assert.That(expiredRows, Is.EqualTo(new[] { "-0", "-0" }));

        // #lengthBatchWindowTest11, the same stream into 'insert into': the running count resets every 4 events.
        var currentRows = MiniSelector.Aggregate<MiniSelector.CountRows, double?>(h.Chunks, _ => 1, MiniSelector.Format, EventKind.Current);
        Assert.That(currentRows, Is.EqualTo(new[] { "+1", "+2", "+3", "+4", "+1", "+2", "+3", "+4", "+1" }));
    }

    /// <summary>Corpus #lengthBatchWindowTest17: lengthBatch(0), count(), insert all events → every row removed with 0.</summary>
    [Test]
    public void Corpus_LengthBatchWindowTest17_LengthZeroCount()
    {
        var h = Create(0, outputExpired: true);
        h.SendEach(0, "IBM1", "WSO22", "IBM3");
        var rows = MiniSelector.Aggregate<MiniSelector.CountRows, double?>(h.Chunks, _ => 1, MiniSelector.Format);
        Assert.That(rows, Is.EqualTo(new[] { "-0", "-0", "-0" }));
    }
}
