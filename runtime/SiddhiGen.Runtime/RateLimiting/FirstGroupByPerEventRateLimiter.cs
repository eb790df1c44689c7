using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output first every N events</c> with group by: per group key, lets the key's 1st row through and drops its
/// rows 2..N, then starts over for that key. The rows let through from one chunk go out as one chunk.
/// </summary>
/// <remarks>
/// <para>With N = 1 Siddhi lets only the first row of each key through, ever (its count then never matches); kept.</para>
/// Siddhi: <c>FirstGroupByPerEventOutputRateLimiter</c>.
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TKey">The group key (a value tuple of the group-by attributes).</typeparam>
/// <typeparam name="TKeyOf">Reads the group key from an output row.</typeparam>
[DebuggerDisplay("first every {_count} events per key, Keys = {_counts.Count}")]
public sealed class FirstGroupByPerEventRateLimiter<T, TKey, TKeyOf> : IOutputRateLimiter<T>, IStatePart<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
{
    private readonly QueryOutput<T> _output;
    private readonly int _count;

    /// <summary>Rows seen per key since its last emitted row; a key is absent when its next row is emitted.</summary>
    private readonly Dictionary<TKey, int> _counts = [];
    private readonly EventBuffer<T> _out = new();

    /// <param name="output">Where released chunks go.</param>
    /// <param name="count">N, at least 1.</param>
    public FirstGroupByPerEventRateLimiter(QueryOutput<T> output, int count)
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

            var key = TKeyOf.Get(in e.Data);
            if (!_counts.TryGetValue(key, out var seen))
            {
                _counts.Add(key, 1);
                _out.Add(in e);
            }
            else if (seen == _count - 1)
            {
                _counts.Remove(key);
            }
            else
            {
                _counts[key] = seen + 1;
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
        RateLimiterState.WriteKeyed<TKey, int, TKeyOf>(writer, _counts);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        RateLimiterState.ReadKeyed<TKey, int, TKeyOf>(reader, _counts);
    }
}
