namespace SiddhiGen.Runtime.Tests;

public sealed class SessionWindowTests
{
    private static WindowHarness Create(long gap, long latency = 0, bool keyed = true)
        => WindowHarness.Create((clock, timer) => keyed
            ? new SessionWindow<TestEvent, string, SessionKey>(clock, timer, gap, latency)
            : new SessionWindow<TestEvent, string, SessionWindowNoKey<TestEvent>>(clock, timer, gap, latency));

    /// <summary>The session key is the symbol's first letter, so "A1" and "A2" share a session.</summary>
    private readonly struct SessionKey : IAttributeAccessor<TestEvent, string>
    {
        public static string Get(in TestEvent e) => e.Symbol![..1];
    }

    [Test]
    public void EventsPassThroughAndTheSessionExpiresAfterTheGap()
    {
        var h = Create(1000);
        h.Send(0, new TestEvent("A1"));
        h.Send(500, new TestEvent("A2"));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A1", "+A2" }));
        h.AdvanceTo(1499);
        Assert.That(h.Log, Has.Count.EqualTo(2));
        h.AdvanceTo(1500);
        Assert.That(h.Log.Last(), Is.EqualTo("-A1 -A2"));
        Assert.That(h.Chunks[^1].Events.Select(e => e.Timestamp), Is.EqualTo(new long[] { 0, 500 }), "expired events keep their timestamps");
    }

    [Test]
    public void KeysHaveTheirOwnSessions()
    {
        var h = Create(1000);
        h.Send(0, new TestEvent("A1"));
        h.Send(400, new TestEvent("B1"));
        h.Send(800, new TestEvent("A2"));
        h.AdvanceTo(1400);
        Assert.That(h.Log.Last(), Is.EqualTo("-B1"));
        h.AdvanceTo(1800);
        Assert.That(h.Log.Last(), Is.EqualTo("-A1 -A2"));
    }

    [Test]
    public void SessionsEndingTogetherExpireInEndOrder()
    {
        var h = Create(1000);
        h.Send(100, new("B1"), new("A1"));
        h.AdvanceTo(1100);
        Assert.That(h.Log.Last(), Is.EqualTo("-B1 -A1"));
    }

    [Test]
    public void WithoutAKeyEveryEventSharesOneSession()
    {
        var h = Create(1000, keyed: false);
        h.Send(0, new TestEvent("A1"));
        h.Send(600, new TestEvent("B1"));
        h.AdvanceTo(1600);
        Assert.That(h.Log.Last(), Is.EqualTo("-A1 -B1"));
    }

    [Test]
    public void ALateEventWithinTheGapJoinsTheSession()
    {
        var h = Create(1000);
        h.Send(1000, new TestEvent("A1"));
        var output = new WindowOutput<TestEvent>();
        h.Window.Process([new(500, new TestEvent("A0")), new(1100, new TestEvent("A2"))], output);
        Assert.That(WindowHarness.Describe(output.GetChunk(0)), Is.EqualTo("+A0 +A2"));
        h.AdvanceTo(2100);
        Assert.That(h.Log.Last(), Is.EqualTo("-A0 -A1 -A2"));
    }

    [Test]
    public void ALateEventBeyondTheGapIsDropped()
    {
        var h = WindowHarness.Create((clock, timer) => new SessionWindow<TestEvent, string, SessionWindowNoKey<TestEvent>>(clock, timer, 1000));
        var output = new WindowOutput<TestEvent>();
        h.Send(5000, new TestEvent("A"));
        h.Window.Process([new StreamEvent<TestEvent>(3500, new TestEvent("late"))], output);
        Assert.That(output.EventCount, Is.Zero, "dropped events are not emitted");
        h.Window.Process([new StreamEvent<TestEvent>(4200, new TestEvent("ok"))], output);
        Assert.That(output.EventCount, Is.EqualTo(1));
        h.AdvanceTo(7000);
        Assert.That(h.Log.Last(), Is.EqualTo("-ok -A"), "the late event joined at the front");
    }

    [Test]
    public void AllowedLatencyKeepsAnEndedSessionForLateEvents()
    {
        var h = Create(1000, latency: 500);
        h.Send(0, new TestEvent("A1"));
        h.AdvanceTo(1000);
        Assert.That(h.Log, Is.EqualTo(new[] { "+A1" }), "the session ended but is kept for the latency");

        // A late event of the previous session, after a new session started.
        h.Send(1100, new TestEvent("A2"));
        var output = new WindowOutput<TestEvent>();
        h.Window.Process([new StreamEvent<TestEvent>(200, new TestEvent("A-late"))], output);
        Assert.That(output.EventCount, Is.EqualTo(1));
        h.AdvanceTo(10_000);
        Assert.That(h.Rows.Where(r => r[0] == '-'), Is.EquivalentTo(new[] { "-A1", "-A-late", "-A2" }));
    }

    [Test]
    public void LatencyGreaterThanTheGapIsRejected()
    {
        Assert.That(
            () => new SessionWindow<TestEvent, string, SymbolOf>(new VirtualClock(), new NullTimer(), 1000, 2000),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    /// <summary>Corpus window.SessionWindowTestCase#testSessionWindow14: session(2 sec, user, 1 sec).</summary>
    [Test]
    public void Corpus_TestSessionWindow14()
    {
        var h = Create(2000, latency: 1000);
        h.Send(0, new TestEvent("u101"));
        h.Send(0, new TestEvent("u102"));
        h.Send(2005, new TestEvent("u103"));
        h.Send(2005, new TestEvent("u104"));
        h.AdvanceTo(7305);
        Assert.That(h.Rows, Is.EqualTo(new[] { "+u101", "+u102", "+u103", "+u104", "-u101", "-u102", "-u103", "-u104" }));
        Assert.That(h.Chunks.Where(c => c.FromTimer).Select(c => c.Now), Is.EqualTo(new long[] { 3000, 5005 }));
    }

    /// <summary>Corpus #testSessionWindow12: session(1 sec, user): two sessions of the same user.</summary>
    [Test]
    public void Corpus_TestSessionWindow12()
    {
        var h = Create(1000);
        h.Send(0, new TestEvent("u101"));
        h.Send(0, new TestEvent("u102"));
        h.Send(1500, new TestEvent("u103"));
        h.Send(1500, new TestEvent("u104"));
        h.AdvanceTo(6100);
        Assert.That(h.Rows, Is.EqualTo(new[] { "+u101", "+u102", "-u101", "-u102", "+u103", "+u104", "-u103", "-u104" }));
    }

    private sealed class NullTimer : ITimerTarget
    {
        public void OnTimer(long dueTime)
        {
        }
    }
}
