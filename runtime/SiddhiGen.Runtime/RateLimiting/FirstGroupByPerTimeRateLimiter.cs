using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output first every &lt;t&gt;</c> with group by: a row is emitted when its key has not been emitted yet, or was
/// last emitted at least <c>period</c> ago (on the app clock); other rows are dropped. The rows let through from one
/// chunk go out as one chunk. Not tick aligned, no timer.
/// </summary>
/// <remarks>Siddhi: <c>FirstGroupByPerTimeOutputRateLimiter</c>.</remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TKey">The group key (a value tuple of the group-by attributes).</typeparam>
/// <typeparam name="TKeyOf">Reads the group key from an output row.</typeparam>
[DebuggerDisplay("first every {_period} ms per key, Keys = {_lastOutput.Count}")]
public sealed class FirstGroupByPerTimeRateLimiter<T, TKey, TKeyOf> : IOutputRateLimiter<T>, IStatePart<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
{
    private readonly QueryOutput<T> _output;
    private readonly AppClock _clock;
    private readonly long _period;

    /// <summary>When each key last had a row emitted; keys are never forgotten, as in Siddhi.</summary>
    private readonly Dictionary<TKey, long> _lastOutput = [];
    private readonly EventBuffer<T> _out = new();

    /// <param name="output">Where released chunks go.</param>
    /// <param name="clock">The app clock: "now" (in playback, the largest event time seen).</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public FirstGroupByPerTimeRateLimiter(QueryOutput<T> output, AppClock clock, long period)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _output = output;
        _clock = clock;
        _period = period;
    }

    /// <inheritdoc />
    public void Process(EventBuffer<T> selected)
    {
        _out.Clear();
        var now = _clock.Now;
        foreach (ref readonly var e in selected.Span)
        {
            if (e.Kind is not (EventKind.Current or EventKind.Expired))
            {
                continue;
            }

            var key = TKeyOf.Get(in e.Data);
            ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(_lastOutput, key, out var seen);
            if (!seen || last + _period <= now)
            {
                last = now;
                _out.Add(in e);
            }
        }

        RateLimiterEmit.EmitAndClear(_output, _out);
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime)
    {
    }

    /// <inheritdoc />
    public void Start()
    {
    }

    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        RateLimiterState.WriteKeyed<TKey, long, TKeyOf>(writer, _lastOutput);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        RateLimiterState.ReadKeyed<TKey, long, TKeyOf>(reader, _lastOutput);
    }
}
