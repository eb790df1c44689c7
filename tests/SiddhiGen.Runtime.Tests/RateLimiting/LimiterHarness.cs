namespace SiddhiGen.Runtime.Tests.RateLimiting;

/// <summary>One chunk the limiter emitted: when, and its current (<c>in</c>) and expired (<c>removed</c>) rows.</summary>
public sealed record LimiterChunk(long Time, string[] In, string[] Removed)
{
    public override string ToString() =>
        $"@{Time} [{string.Join(" ", In)}]" + (Removed.Length == 0 ? string.Empty : $" -[{string.Join(" ", Removed)}]");
}

/// <summary>
/// Drives a limiter the way a generated query operator does in playback: a virtual clock at <c>base</c> that fires
/// due timers before each send, the operator as timer target forwarding every callback, and a
/// <see cref="QueryOutput{T}"/> with a query callback and an insert target recording what comes out.
/// </summary>
public sealed class LimiterHarness : ITimerTarget
{
    /// <summary>The corpus's <c>base</c>: 2020-01-01T00:00:00Z.</summary>
    public const long Base = 1577836800000;

    private readonly HarnessApp _app;
    private readonly EventBuffer<LimiterRow> _selected = new();
    private IOutputRateLimiter<LimiterRow>? _limiter;

    private LimiterHarness()
    {
        Clock = new VirtualClock(Base);
        _app = new HarnessApp(Clock);
        Output = _app.CreateOutput();
        Output.Subscribe((timestamp, current, expired) =>
            Chunks.Add(new LimiterChunk(Clock.Now - Base, Describe(current), Describe(expired))));
        Output.Target = new StreamRecorder(Stream);
    }

    public VirtualClock Clock { get; }

    public QueryOutput<LimiterRow> Output { get; }

    public IOutputRateLimiter<LimiterRow> Limiter => _limiter!;

    /// <summary>Every chunk the query callback received.</summary>
    public List<LimiterChunk> Chunks { get; } = [];

    /// <summary>Every row the insert target received, in order (all CURRENT there).</summary>
    public List<string> Stream { get; } = [];

    /// <summary>Timer callbacks the operator got (its own and the limiter's).</summary>
    public int TimerCallbacks { get; private set; }

    /// <summary>All current rows the query callback received, in order.</summary>
    public List<string> In => Chunks.SelectMany(c => c.In).ToList();

    /// <summary>All expired rows the query callback received, in order.</summary>
    public List<string> Removed => Chunks.SelectMany(c => c.Removed).ToList();

    /// <summary>Builds the limiter with the output, clock and timer target, then starts it as the app start would.</summary>
    public static LimiterHarness Create(Func<QueryOutput<LimiterRow>, AppClock, ITimerTarget, IOutputRateLimiter<LimiterRow>> factory)
    {
        var harness = new LimiterHarness();
        harness._limiter = factory(harness.Output, harness.Clock, harness);
        harness._limiter.Start();
        return harness;
    }

    /// <summary>Moves the clock to <c>base + t</c> (firing due timers), then sends one chunk of CURRENT rows stamped with it.</summary>
    public void Send(long t, params LimiterRow[] rows)
    {
        var chunk = new (EventKind, LimiterRow)[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            chunk[i] = (EventKind.Current, rows[i]);
        }

        SendKinds(t, chunk);
    }

    /// <summary>Sends one row per chunk, all at <c>base + t</c>.</summary>
    public void SendEach(long t, params string[] ips)
    {
        foreach (var ip in ips)
        {
            Send(t, new LimiterRow(ip));
        }
    }

    /// <summary>Sends one chunk whose rows have the given kinds, all stamped <c>base + t</c>.</summary>
    public void SendKinds(long t, params (EventKind Kind, LimiterRow Row)[] rows)
    {
        Clock.AdvanceTo(Base + t);
        Deliver(t, rows);
    }

    /// <summary>Hands the limiter one chunk stamped <c>base + t</c> without moving the clock (a late timer, or from inside a timer callback).</summary>
    public void Deliver(long t, params (EventKind Kind, LimiterRow Row)[] rows)
    {
        _selected.Clear();
        foreach (var (kind, row) in rows)
        {
            _selected.Add(Base + t, in row, kind);
        }

        Limiter.Process(_selected);
        _selected.Clear();
    }

    /// <summary>Moves the clock to <c>base + t</c>, firing due timers (the case's <c>end</c>).</summary>
    public void AdvanceTo(long t) => Clock.AdvanceTo(Base + t);

    /// <summary>Schedules a timer of the operator's own (as a time window would) at <c>base + t</c>.</summary>
    public void ScheduleForeignTimer(long t) => Clock.Schedule(Base + t, this);

    /// <summary>What the operator does with a timer callback before forwarding it to the limiter (a window's expiry).</summary>
    public Action<long>? OperatorTimer { get; set; }

    void ITimerTarget.OnTimer(long dueTime)
    {
        TimerCallbacks++;
        OperatorTimer?.Invoke(dueTime - Base);
        Limiter.OnTimer(dueTime);
    }

    public static LimiterRow Row(string ip, long? total = null) => new(ip, total);

    public static (EventKind, LimiterRow) Current(string ip, long? total = null) => (EventKind.Current, new LimiterRow(ip, total));

    public static (EventKind, LimiterRow) Expired(string ip, long? total = null) => (EventKind.Expired, new LimiterRow(ip, total));

    public static (EventKind, LimiterRow) Reset() => (EventKind.Reset, default);

    private static string[] Describe(ReadOnlySpan<LimiterRow> rows)
    {
        var text = new string[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            text[i] = rows[i].ToString();
        }

        return text;
    }

    private sealed class StreamRecorder(List<string> log) : IStreamReceiver<LimiterRow>
    {
        public void Receive(ReadOnlySpan<StreamEvent<LimiterRow>> chunk)
        {
            foreach (var e in chunk)
            {
                Assert.That(e.Kind, Is.EqualTo(EventKind.Current), "the insert target gets current events only");
                log.Add(e.Data.ToString());
            }
        }
    }

    /// <summary>The smallest app: it only lends its <c>DefineQuery</c> (QueryOutput's constructor is internal).</summary>
    private sealed class HarnessApp(VirtualClock clock) : SiddhiApp("RateLimitHarness", new SiddhiAppOptions { Clock = clock }, playback: true)
    {
        public QueryOutput<LimiterRow> CreateOutput() =>
            DefineQuery<LimiterRow>(
                "query1",
                new StreamSchema("uniqueIps", [new StreamAttribute("ip", SiddhiType.String), new StreamAttribute("total", SiddhiType.Long)]),
                r => [r.Ip, r.Total]);
    }
}
