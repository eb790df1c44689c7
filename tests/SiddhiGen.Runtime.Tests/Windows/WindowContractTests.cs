namespace SiddhiGen.Runtime.Tests;

/// <summary>
/// The behaviour every window shares (like Channels' <c>ChannelTestBase</c>): derived once per window kind in
/// <c>WindowContractFixtures.cs</c>. Each test runs a fixed script of single-event and multi-event chunks with
/// gaps long enough for time-based windows to expire and flush.
/// </summary>
public abstract class WindowContractTests
{
    protected const long Base = 1_000_000;

    /// <summary>Creates the window under test.</summary>
    protected abstract IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer);

    /// <summary>False for windows that stamp expired events with something else than now (attribute time, own timestamp).</summary>
    protected virtual bool ExpiredStampedWithNow => true;

    /// <summary>False for windows that re-stamp CURRENT events (delay, expressionBatch).</summary>
    protected virtual bool CurrentKeepsTimestamp => true;

    /// <summary>True when the contents are exactly what was emitted CURRENT and not yet EXPIRED.</summary>
    protected virtual bool SlidingContents => false;

    /// <summary>False for windows that may emit an event EXPIRED before (or without) it being CURRENT.</summary>
    protected virtual bool ExpiredAfterCurrent => true;

    /// <summary>True for windows that emit RESET events.</summary>
    protected virtual bool EmitsReset => false;

    /// <summary>False for windows that allocate per event in steady state.</summary>
    protected virtual bool AllocationFree => true;

    private static TestEvent Event(int i, long time) => new($"E{i}", Price: (i * 7) % 5, Volume: time, Ts: time);

    protected WindowHarness RunScript()
    {
        var h = WindowHarness.Create(Create, Base);
        var i = 0;
        void Send(long offset, int count)
        {
            var events = new TestEvent[count];
            for (var k = 0; k < count; k++)
            {
                events[k] = Event(i++, Base + offset);
            }

            h.Send(Base + offset, events);
        }

        Send(0, 1);
        Send(0, 1);
        Send(100, 2);
        Send(700, 1);
        Send(1200, 3);
        Send(3000, 1);
        Send(3100, 1);
        Send(3100, 2);
        h.AdvanceTo(Base + 60_000);
        return h;
    }

    [Test]
    public void EmptyChunkEmitsNothing()
    {
        var h = WindowHarness.Create(Create, Base);
        var output = new WindowOutput<TestEvent>();
        h.Window.Process([], output);
        Assert.That(output.ChunkCount, Is.Zero);
        Assert.That(output.EventCount, Is.Zero);

        h.Send(Base, new TestEvent("A", 1, 1, Base));
        var contents = h.ContentSymbols;
        h.Window.Process([], output);
        Assert.That(output.EventCount, Is.Zero);
        Assert.That(h.ContentSymbols, Is.EqualTo(contents));
    }

    [Test]
    public void SpuriousTimerBeforeAnyEventEmitsNothing()
    {
        var h = WindowHarness.Create(Create, Base);
        var output = new WindowOutput<TestEvent>();
        h.Window.OnTimer(Base + 12_345, output);
        Assert.That(output.EventCount, Is.Zero);
        Assert.That(h.Window.Contents.IsEmpty, Is.True);
    }

    [Test]
    public void EveryChunkIsClosedAndNonEmpty()
    {
        var h = RunScript();
        Assert.That(h.Chunks, Is.Not.Empty, "the script should make every window emit");
        Assert.That(h.Chunks.Select(c => c.Events.Length), Has.All.GreaterThan(0));
    }

    [Test]
    public void CurrentEventsKeepTheirPayload()
    {
        var h = RunScript();
        var sent = h.Sent.ToLookup(e => e.Data);
        foreach (var e in h.Chunks.SelectMany(c => c.Events).Where(e => e.Kind == EventKind.Current))
        {
            Assert.That(sent.Contains(e.Data), Is.True, $"{e} was never sent");
            if (CurrentKeepsTimestamp)
            {
                Assert.That(sent[e.Data].Select(s => s.Timestamp), Does.Contain(e.Timestamp), $"{e} lost its timestamp");
            }
        }
    }

    [Test]
    public void ExpiredEventsWereSentAndExpireNoMoreOftenThanTheyWereCurrent()
    {
        var h = RunScript();
        var emitted = h.Chunks.SelectMany(c => c.Events).ToList();
        var expired = emitted.Where(e => e.Kind == EventKind.Expired).Select(e => e.Data).ToList();
        Assert.That(expired.Distinct(), Is.SubsetOf(h.Sent.Select(e => e.Data)));
        if (ExpiredAfterCurrent)
        {
            foreach (var group in expired.GroupBy(e => e))
            {
                var currents = emitted.Count(e => e.Kind == EventKind.Current && e.Data == group.Key);
                Assert.That(group.Count(), Is.LessThanOrEqualTo(currents), $"{group.Key} expired more often than it was current");
            }
        }
    }

    [Test]
    public void ExpiredEventsAreStampedWithTheTimeTheyExpired()
    {
        if (!ExpiredStampedWithNow)
        {
            Assert.Ignore("Not part of this window's contract: this window stamps expired events with attribute or event time");
        }

        var h = RunScript();
        foreach (var chunk in h.Chunks)
        {
            foreach (var e in chunk.Events.Where(e => e.Kind == EventKind.Expired))
            {
                Assert.That(e.Timestamp, Is.EqualTo(chunk.Now), $"{e} in chunk at {chunk.Now}");
            }
        }
    }

    [Test]
    public void AnEventExpiresOnlyAfterItWasEmittedCurrent()
    {
        if (!ExpiredAfterCurrent)
        {
            Assert.Ignore("Not part of this window's contract: this window may emit an arrival as [EXPIRED, CURRENT]");
        }

        var h = RunScript();
        var seen = new HashSet<TestEvent>();
        foreach (var e in h.Chunks.SelectMany(c => c.Events))
        {
            if (e.Kind == EventKind.Current)
            {
                seen.Add(e.Data);
            }
            else if (e.Kind == EventKind.Expired)
            {
                Assert.That(seen, Does.Contain(e.Data), $"{e.Data} expired before it was current");
            }
        }
    }

    [Test]
    public void ResetEventsOnlyFromWindowsThatReset()
    {
        var h = RunScript();
        var resets = h.Chunks.SelectMany(c => c.Events).Count(e => e.Kind == EventKind.Reset);
        if (EmitsReset)
        {
            Assert.That(resets, Is.GreaterThan(0));
        }
        else
        {
            Assert.That(resets, Is.Zero);
        }
    }

    [Test]
    public void NoTimerEventsAreEmitted()
    {
        var h = RunScript();
        Assert.That(h.Chunks.SelectMany(c => c.Events).Select(e => e.Kind), Has.None.EqualTo(EventKind.Timer));
    }

    [Test]
    public void ContentsAreConsistentWithWhatWasEmitted()
    {
        var h = RunScript();
        var contents = h.Window.Contents.ToArray().Select(e => e.Data).ToList();
        Assert.That(contents, Is.SubsetOf(h.Sent.Select(e => e.Data)));
        if (SlidingContents)
        {
            var held = new List<TestEvent>();
            foreach (var e in h.Chunks.SelectMany(c => c.Events))
            {
                if (e.Kind == EventKind.Current)
                {
                    held.Add(e.Data);
                }
                else if (e.Kind == EventKind.Expired)
                {
                    held.Remove(e.Data);
                }
            }

            Assert.That(contents, Is.EquivalentTo(held));
        }
    }

    [Test]
    public void SameInputGivesSameOutput()
    {
        Assert.That(RunScript().Log, Is.EqualTo(RunScript().Log));
    }

    [Test]
    public void SteadyStateDoesNotAllocate()
    {
        if (!AllocationFree)
        {
            Assert.Ignore("Not part of this window's contract: this window allocates by design");
        }

        var driver = new SilentDriver(Create, Base);
        string[] symbols = ["A", "B", "C", "D", "E", "F", "G", "H"];
        var time = Base;
        void Run(int n)
        {
            for (var i = 0; i < n; i++)
            {
                time += 7;
                driver.Send(time, new TestEvent(symbols[i & 7], i % 13, time, time));
            }
        }

        Run(20_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(4_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.LessThanOrEqualTo(1024), $"{allocated} bytes for 4000 events");
    }

    /// <summary>Drives a window without recording anything, to measure its own allocations.</summary>
    private sealed class SilentDriver : ITimerTarget
    {
        private readonly VirtualClock _clock;
        private readonly IWindow<TestEvent> _window;
        private readonly WindowOutput<TestEvent> _output = new();
        private readonly StreamEvent<TestEvent>[] _chunk = new StreamEvent<TestEvent>[1];

        public SilentDriver(Func<AppClock, ITimerTarget, IWindow<TestEvent>> factory, long start)
        {
            _clock = new VirtualClock(start);
            _window = factory(_clock, this);
        }

        public void Send(long time, TestEvent e)
        {
            _clock.AdvanceTo(time);
            _chunk[0] = new StreamEvent<TestEvent>(time, e);
            _output.Clear();
            _window.Process(_chunk, _output);
        }

        public void OnTimer(long dueTime)
        {
            _output.Clear();
            _window.OnTimer(dueTime, _output);
        }
    }
}
