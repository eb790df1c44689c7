using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output last every &lt;t&gt;</c> without group by: keeps the latest CURRENT or EXPIRED row and emits it at each
/// tick (<c>start + period</c>, <c>start + 2·period</c>, ...), then forgets it; a tick with no row emits nothing.
/// </summary>
/// <remarks>Siddhi: <c>LastPerTimeOutputRateLimiter</c>.</remarks>
/// <typeparam name="T">The query's output row.</typeparam>
[DebuggerDisplay("last every {_ticker.Period} ms, Has = {_hasLast}")]
public sealed class LastPerTimeRateLimiter<T> : IOutputRateLimiter<T>, IStatePart<T>
{
    private readonly QueryOutput<T> _output;
    private readonly RateLimitTicker _ticker;
    private readonly EventBuffer<T> _out = new(1);
    private StreamEvent<T> _last;
    private bool _hasLast;

    /// <param name="output">Where released chunks go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public LastPerTimeRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period)
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
                _last = e;
                _hasLast = true;
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

        if (_hasLast)
        {
            _out.Clear();
            _out.Add(in _last);
            _last = default;
            _hasLast = false;
            RateLimiterEmit.EmitAndClear(_output, _out);
        }
    }

    /// <inheritdoc />
    public void Start() => _ticker.Start();

    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        _ticker.WriteState(writer);
        writer.WriteBoolean(_hasLast);
        writer.WriteEvent(in _last, codec);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        _ticker.ReadState(reader);
        _hasLast = reader.ReadBoolean();
        _last = reader.ReadEvent(codec);
    }
}
