namespace SiddhiGen.Runtime.Tests;

public sealed class LengthWindowTests
{
    private static WindowHarness Create(int length) => WindowHarness.Create((clock, _) => new LengthWindow<TestEvent>(clock, length));

    [Test]
    public void ExpiresTheOldestRightBeforeTheEventThatPushesItOut()
    {
        var h = Create(2);
        h.SendEach(0, "A", "B", "C");
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A +C" }));
    }

    [Test]
    public void AChunkOfEventsIsOneOutputChunk()
    {
        var h = Create(2);
        h.Send(0, new("A"), new("B"), new("C"), new("D"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B -A +C -B +D" }));
    }

    [Test]
    public void ExpiredEventsAreStampedWithTheClockTime()
    {
        var h = Create(1);
        h.Send(10, new TestEvent("A"));
        h.Send(25, new TestEvent("B"));
        var expired = h.Chunks[1].Events[0];
        Assert.That((expired.Kind, expired.Timestamp, expired.Data.Symbol), Is.EqualTo((EventKind.Expired, 25L, "A")));
        Assert.That(h.Chunks[1].Events[1].Timestamp, Is.EqualTo(25));
    }

    [Test]
    public void ContentsAreTheLastNEventsOldestFirst()
    {
        var h = Create(3);
        h.SendEach(0, "A", "B", "C", "D", "E");
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "C", "D", "E" }));
    }

    [Test]
    public void LengthZeroEmitsEachEventWithItsExpiryAndAReset()
    {
        var h = Create(0);
        h.Send(0, new TestEvent("A"));
        h.Send(0, new("B"), new("C"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A -A R", "+B -B R +C -C R" }));
        Assert.That(h.Window.Contents.IsEmpty, Is.True);
    }

    [Test]
    public void NegativeLengthIsRejected()
    {
        Assert.That(() => new LengthWindow<TestEvent>(new VirtualClock(), -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    /// <summary>Corpus query.window.LengthWindowTestCase#lengthWindowTest2: length(4), insert all events.</summary>
    [Test]
    public void Corpus_LengthWindowTest2()
    {
        var h = Create(4);
        h.SendEach(0, "IBM1", "WSO22", "IBM3", "WSO24", "IBM5", "WSO26");
        Assert.That(h.Rows, Is.EqualTo(new[] { "+IBM1", "+WSO22", "+IBM3", "+WSO24", "-IBM1", "+IBM5", "-WSO22", "+WSO26" }));
    }
}
