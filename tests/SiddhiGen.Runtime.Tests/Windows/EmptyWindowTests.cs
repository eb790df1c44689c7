namespace SiddhiGen.Runtime.Tests;

public sealed class EmptyWindowTests
{
    [Test]
    public void EachEventIsItsOwnChunkAndNothingIsKept()
    {
        var h = WindowHarness.Create((clock, _) => new EmptyWindow<TestEvent>(clock, outputExpired: true));
        h.Send(0, new("A"), new("B"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A -A R", "+B -B R" }));
        Assert.That(h.Window.Contents.IsEmpty, Is.True);
    }

    [Test]
    public void WithoutExpiredOutputOnlyCurrentAndReset()
    {
        var h = WindowHarness.Create((clock, _) => new EmptyWindow<TestEvent>(clock));
        h.Send(0, new TestEvent("A"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A R" }));
    }
}
