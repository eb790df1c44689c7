using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output last every &lt;t&gt;</c> with group by: keeps the latest row of every key and emits the kept rows as one
/// chunk at each tick, keys in order of first appearance since the previous tick, then forgets them.
/// </summary>
/// <remarks>Siddhi: <c>LastGroupByPerTimeOutputRateLimiter</c> (a <c>LinkedHashMap</c> of key to latest row).</remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TKey">The group key (a value tuple of the group-by attributes).</typeparam>
/// <typeparam name="TKeyOf">Reads the group key from an output row.</typeparam>
[DebuggerDisplay("last every {_ticker.Period} ms per key, Keys = {_latest.Count}")]
public sealed class LastGroupByPerTimeRateLimiter<T, TKey, TKeyOf> : IOutputRateLimiter<T>, IStatePart<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
{
    private readonly QueryOutput<T> _output;
    private readonly RateLimitTicker _ticker;
    private readonly InsertionOrderedMap<TKey, StreamEvent<T>> _latest = new();
    private readonly EventBuffer<T> _out = new();

    /// <param name="output">Where released chunks go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public LastGroupByPerTimeRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period)
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
                _latest.GetOrAdd(TKeyOf.Get(in e.Data), out _) = e;
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

        _out.Clear();
        RateLimiterEmit.AddAll(_out, _latest);
        _latest.Clear();
        RateLimiterEmit.EmitAndClear(_output, _out);
    }

    /// <inheritdoc />
    public void Start() => _ticker.Start();

    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        RateLimiterState.WriteLatest(writer, _latest, codec);
        _ticker.WriteState(writer);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        RateLimiterState.ReadLatest<T, TKey, TKeyOf>(reader, _latest, codec);
        _ticker.ReadState(reader);
    }
}
