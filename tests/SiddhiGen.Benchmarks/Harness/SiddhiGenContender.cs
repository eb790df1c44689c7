using SiddhiGen.Runtime;

namespace SiddhiGen.Benchmarks.Harness;

/// <summary>
/// A generated app driven through its public typed API: <c>Send(timestamp, in e)</c> per event, or, for
/// <c>siddhigen-batch</c>, <c>Send(ReadOnlySpan&lt;StreamEvent&lt;T&gt;&gt;)</c> with chunks of 1024 events each
/// stamped one millisecond apart (so <c>time(1 sec)</c> holds 1000 events in both modes).
/// </summary>
internal sealed class SiddhiGenContender<TEvent> : Contender
    where TEvent : struct
{
    private readonly SiddhiApp _app;
    private readonly InputStream<TEvent> _input;
    private readonly TEvent[] _events;
    private readonly StreamEvent<TEvent>[]? _stamped;

    /// <param name="app">The generated app, created on a playback <see cref="VirtualClock"/>, not started.</param>
    /// <param name="input">The app's input stream.</param>
    /// <param name="events">The dataset.</param>
    /// <param name="batch">True to send chunks of <see cref="Workload.ChunkSize"/> events.</param>
    public SiddhiGenContender(SiddhiApp app, InputStream<TEvent> input, TEvent[] events, bool batch, ChecksumSink sink)
        : base(batch ? "siddhigen-batch" : "siddhigen", sink)
    {
        _app = app;
        _input = input;
        _events = events;
        if (batch)
        {
            _stamped = new StreamEvent<TEvent>[events.Length];
            for (var i = 0; i < events.Length; i++)
            {
                _stamped[i] = new StreamEvent<TEvent>(0, events[i]);
            }
        }

        app.Start();
    }

    /// <summary>The clock every benchmark app runs on: playback from the first event's timestamp.</summary>
    public static SiddhiAppOptions Options() => new() { Clock = new VirtualClock(Workload.StartTimestamp) };

    public override void Verify()
    {
        if (_app.ProcessingErrors != 0)
        {
            throw new InvalidOperationException($"The app dropped {_app.ProcessingErrors} events after processing errors.");
        }
    }

    public override void Dispose() => _app.Dispose();

    protected override void RunPass(long firstTimestamp)
    {
        if (_stamped is null)
        {
            SendEach(firstTimestamp);
        }
        else
        {
            SendChunks(firstTimestamp);
        }
    }

    private void SendEach(long firstTimestamp)
    {
        var input = _input;
        var events = _events;
        for (var i = 0; i < events.Length; i++)
        {
            input.Send(firstTimestamp + i, in events[i]);
        }
    }

    private void SendChunks(long firstTimestamp)
    {
        var input = _input;
        var stamped = _stamped!;
        var timestamp = firstTimestamp;
        for (var start = 0; start < stamped.Length; start += Workload.ChunkSize)
        {
            var chunk = stamped.AsSpan(start, Workload.ChunkSize);
            foreach (ref var e in chunk)
            {
                e.Timestamp = timestamp++;
            }

            input.Send((ReadOnlySpan<StreamEvent<TEvent>>)chunk);
        }
    }
}
