namespace SiddhiGen.Runtime.Tests;

public sealed class WindowOutputTests
{
    [Test]
    public void RangesAreAddedWithTheirOwnOrAGivenKindAndTimestamp()
    {
        var output = new WindowOutput<TestEvent>();
        StreamEvent<TestEvent>[] events = [new(1, new TestEvent("A")), new(2, new TestEvent("B"))];
        output.AddRange(events);
        output.CloseChunk();
        output.AddRange(events, EventKind.Expired, 9);
        output.AddRange(events, EventKind.Reset);
        output.CloseChunk();

        Assert.That(output.ChunkCount, Is.EqualTo(2));
        Assert.That(output.EventCount, Is.EqualTo(6));
        Assert.That(WindowHarness.Describe(output.GetChunk(0)), Is.EqualTo("+A +B"));
        Assert.That(WindowHarness.Describe(output.GetChunk(1)), Is.EqualTo("-A -B R R"));
        Assert.That(output.GetChunk(1).ToArray().Select(e => e.Timestamp), Is.EqualTo(new long[] { 9, 9, 1, 2 }));
    }

    [Test]
    public void EmptyChunksAreNotRecordedAndClearResets()
    {
        var output = new WindowOutput<TestEvent>();
        output.CloseChunk();
        Assert.That(output.ChunkCount, Is.Zero);
        output.Add(1, new TestEvent("A"), EventKind.Current);
        Assert.That(output.HasOpenChunk, Is.True);
        output.CloseChunk();
        output.Clear();
        Assert.That((output.ChunkCount, output.EventCount, output.HasOpenChunk), Is.EqualTo((0, 0, false)));
    }
}
