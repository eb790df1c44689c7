using System.Text;

namespace SiddhiGen.Runtime.Tests;

/// <summary>One output chunk as the test saw it: when it was emitted, whether a timer emitted it, and its events.</summary>
public sealed record EmittedChunk(long Now, bool FromTimer, StreamEvent<TestEvent>[] Events)
{
    /// <summary>Compact form: <c>+A</c> current, <c>-A</c> expired, <c>R</c> reset, separated by spaces.</summary>
    public override string ToString() => WindowHarness.Describe(Events);
}

/// <summary>
/// Drives a window like a generated operator does in playback: a virtual clock that fires due timers before each
/// send, one reusable <see cref="WindowOutput{T}"/>, and a log of every chunk emitted.
/// </summary>
public sealed class WindowHarness : ITimerTarget
{
    private readonly WindowOutput<TestEvent> _output = new();
    private IWindow<TestEvent>? _window;
    private bool _forwardTimers = true;

    private WindowHarness(long start) => Clock = new VirtualClock(start);

    public VirtualClock Clock { get; }

    public IWindow<TestEvent> Window => _window!;

    /// <summary>Every chunk emitted so far, in order.</summary>
    public List<EmittedChunk> Chunks { get; } = [];

    /// <summary>Every input event sent so far.</summary>
    public List<StreamEvent<TestEvent>> Sent { get; } = [];

    /// <summary>The chunks in compact form (see <see cref="EmittedChunk.ToString"/>).</summary>
    public List<string> Log => Chunks.Select(c => c.ToString()).ToList();

    /// <summary>The emitted events without RESETs, as <c>+A</c>/<c>-A</c>: the rows of <c>insert all events</c> with <c>select *</c>.</summary>
    public List<string> Rows => Chunks.SelectMany(c => c.Events).Where(e => e.Kind != EventKind.Reset).Select(Describe).ToList();

    /// <summary>Payload symbols of the current contents.</summary>
    public List<string> ContentSymbols => Window.Contents.ToArray().Select(e => e.Data.ToString()).ToList();

    /// <param name="factory">Creates the window with the harness's clock and timer target.</param>
    /// <param name="start">The clock's start time.</param>
    /// <param name="forwardTimers">False to drop timer callbacks, as if a real clock had not fired them yet,
    /// so only arrivals drive the window.</param>
    public static WindowHarness Create(Func<AppClock, ITimerTarget, IWindow<TestEvent>> factory, long start = 0, bool forwardTimers = true)
    {
        var harness = new WindowHarness(start) { _forwardTimers = forwardTimers };
        harness._window = factory(harness.Clock, harness);
        return harness;
    }

    /// <summary>Moves the clock to <paramref name="time"/> (firing due timers), then sends the events as one chunk stamped <paramref name="time"/>.</summary>
    public void Send(long time, params TestEvent[] events)
    {
        Clock.AdvanceTo(time);
        var chunk = events.Select(e => new StreamEvent<TestEvent>(time, e)).ToArray();
        Sent.AddRange(chunk);
        _output.Clear();
        Window.Process(chunk, _output);
        Record(Clock.Now, fromTimer: false);
    }

    /// <summary>Sends one event per symbol, each its own chunk, all at <paramref name="time"/>.</summary>
    public void SendEach(long time, params string[] symbols)
    {
        foreach (var symbol in symbols)
        {
            Send(time, new TestEvent(symbol));
        }
    }

    public void AdvanceTo(long time) => Clock.AdvanceTo(time);

    void ITimerTarget.OnTimer(long dueTime)
    {
        if (!_forwardTimers)
        {
            return;
        }

        _output.Clear();
        Window.OnTimer(dueTime, _output);
        Record(dueTime, fromTimer: true);
    }

    public static string Describe(StreamEvent<TestEvent> e) => e.Kind switch
    {
        EventKind.Current => "+" + e.Data,
        EventKind.Expired => "-" + e.Data,
        EventKind.Reset => "R",
        _ => "T",
    };

    public static string Describe(ReadOnlySpan<StreamEvent<TestEvent>> events)
    {
        var text = new StringBuilder();
        foreach (var e in events)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(Describe(e));
        }

        return text.ToString();
    }

    private void Record(long now, bool fromTimer)
    {
        Assert.That(_output.HasOpenChunk, Is.False, "a window left its last chunk open");
        for (var i = 0; i < _output.ChunkCount; i++)
        {
            Chunks.Add(new EmittedChunk(now, fromTimer, _output.GetChunk(i).ToArray()));
        }
    }
}
