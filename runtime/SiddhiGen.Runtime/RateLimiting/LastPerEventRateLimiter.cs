using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output last every N events</c> without group by: emits every Nth CURRENT or EXPIRED row, each as its own
/// chunk (the rows in between are dropped).
/// </summary>
/// <remarks>Siddhi: <c>LastPerEventOutputRateLimiter</c>.</remarks>
/// <typeparam name="T">The query's output row.</typeparam>
[DebuggerDisplay("last every {_count} events, Counter = {_counter}")]
public sealed class LastPerEventRateLimiter<T> : IOutputRateLimiter<T>, IStatePart<T>
{
    private readonly QueryOutput<T> _output;
    private readonly int _count;

    /// <summary>The rows due from one chunk; each is emitted on its own after the chunk is counted.</summary>
    private readonly EventBuffer<T> _due = new();
    private readonly EventBuffer<T> _out = new(1);
    private int _counter;

    /// <param name="output">Where released chunks go.</param>
    /// <param name="count">N, at least 1.</param>
    public LastPerEventRateLimiter(QueryOutput<T> output, int count)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _output = output;
        _count = count;
    }

    /// <inheritdoc />
    public void Process(EventBuffer<T> selected)
    {
        _due.Clear();
        foreach (ref readonly var e in selected.Span)
        {
            if (e.Kind is (EventKind.Current or EventKind.Expired) && ++_counter == _count)
            {
                _counter = 0;
                _due.Add(in e);
            }
        }

        try
        {
            foreach (ref readonly var e in _due.Span)
            {
                _out.Clear();
                _out.Add(in e);
                RateLimiterEmit.EmitAndClear(_output, _out);
            }
        }
        finally
        {
            _due.Clear();
        }
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
        writer.WriteInt32(_counter);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        _counter = reader.ReadInt32();
    }
}
