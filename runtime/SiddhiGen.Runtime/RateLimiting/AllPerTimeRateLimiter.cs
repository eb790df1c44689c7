using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output [all] every &lt;t&gt;</c>, with or without group by: buffers CURRENT and EXPIRED rows and emits them as
/// one chunk at each tick (<c>start + period</c>, <c>start + 2·period</c>, ...); a tick with nothing buffered emits
/// nothing.
/// </summary>
/// <remarks>Siddhi: <c>AllPerTimeOutputRateLimiter</c> (also used for group by).</remarks>
/// <typeparam name="T">The query's output row.</typeparam>
[DebuggerDisplay("all every {_ticker.Period} ms, Pending = {_pending.Count}")]
public sealed class AllPerTimeRateLimiter<T> : IOutputRateLimiter<T>, IStatePart<T>
{
    private readonly QueryOutput<T> _output;
    private readonly RateLimitTicker _ticker;
    private readonly EventBuffer<T> _pending = new();
    private readonly EventBuffer<T> _out = new();

    /// <param name="output">Where released chunks go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public AllPerTimeRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _ticker = new RateLimitTicker(clock, timer, period);
    }

    /// <inheritdoc />
    public void Process(EventBuffer<T> selected)
    {
        foreach (ref readonly var e in selected.Span)
        {
            if (e.Kind is EventKind.Current or EventKind.Expired)
            {
                _pending.Add(in e);
            }
        }
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime)
    {
        if (!_ticker.TryTick(dueTime))
        {
            return;
        }

        // Hand the rows over before emitting: a downstream query may feed this one again while we emit.
        _out.Clear();
        _out.AddRange(_pending.Span);
        _pending.Clear();
        RateLimiterEmit.EmitAndClear(_output, _out);
    }

    /// <inheritdoc />
    public void Start() => _ticker.Start();

    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        writer.WriteEvents(_pending.Span, codec);
        _ticker.WriteState(writer);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        RateLimiterState.ReadBuffer(reader, _pending, codec);
        _ticker.ReadState(reader);
    }
}
