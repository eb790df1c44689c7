using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output last every N events</c> with group by: keeps the latest row of every key and, each time N rows (of all
/// keys together) have arrived, emits the kept rows as one chunk, keys in order of first appearance since the last
/// emission, then forgets them.
/// </summary>
/// <remarks>Siddhi: <c>LastGroupByPerEventOutputRateLimiter</c> (a <c>LinkedHashMap</c> of key to latest row).</remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TKey">The group key (a value tuple of the group-by attributes).</typeparam>
/// <typeparam name="TKeyOf">Reads the group key from an output row.</typeparam>
[DebuggerDisplay("last every {_count} events per key, Keys = {_latest.Count}, Counter = {_counter}")]
public sealed class LastGroupByPerEventRateLimiter<T, TKey, TKeyOf> : IOutputRateLimiter<T>, IStatePart<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
{
    private readonly QueryOutput<T> _output;
    private readonly int _count;
    private readonly InsertionOrderedMap<TKey, StreamEvent<T>> _latest = new();
    private readonly EventBuffer<T> _out = new();
    private int _counter;

    /// <param name="output">Where released chunks go.</param>
    /// <param name="count">N, at least 1.</param>
    public LastGroupByPerEventRateLimiter(QueryOutput<T> output, int count)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _output = output;
        _count = count;
    }

    /// <inheritdoc />
    public void Process(EventBuffer<T> selected)
    {
        _out.Clear();
        foreach (ref readonly var e in selected.Span)
        {
            if (e.Kind is not (EventKind.Current or EventKind.Expired))
            {
                continue;
            }

            _latest.GetOrAdd(TKeyOf.Get(in e.Data), out _) = e;
            if (++_counter == _count)
            {
                _counter = 0;
                RateLimiterEmit.AddAll(_out, _latest);
                _latest.Clear();
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
        RateLimiterState.WriteLatest(writer, _latest, codec);
        writer.WriteInt32(_counter);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        RateLimiterState.ReadLatest<T, TKey, TKeyOf>(reader, _latest, codec);
        _counter = reader.ReadInt32();
    }
}
