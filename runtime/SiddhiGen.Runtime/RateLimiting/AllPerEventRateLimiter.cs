using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output [all] every N events</c>, with or without group by: buffers CURRENT and EXPIRED rows and releases the
/// buffer each time the Nth row arrives. The rows released while processing one chunk go out as one chunk.
/// </summary>
/// <remarks>Siddhi: <c>AllPerEventOutputRateLimiter</c> (also used for group by).</remarks>
/// <typeparam name="T">The query's output row.</typeparam>
[DebuggerDisplay("all every {_count} events, Pending = {_pending.Count}")]
public sealed class AllPerEventRateLimiter<T> : IOutputRateLimiter<T>, IStatePart<T>
{
    private readonly QueryOutput<T> _output;
    private readonly int _count;
    private readonly EventBuffer<T> _pending = new();
    private readonly EventBuffer<T> _out = new();
    private int _counter;

    /// <param name="output">Where released chunks go.</param>
    /// <param name="count">N, at least 1.</param>
    public AllPerEventRateLimiter(QueryOutput<T> output, int count)
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

            _pending.Add(in e);
            if (++_counter == _count)
            {
                _out.AddRange(_pending.Span);
                _pending.Clear();
                _counter = 0;
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
        writer.WriteEvents(_pending.Span, codec);
        writer.WriteInt32(_counter);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        RateLimiterState.ReadBuffer(reader, _pending, codec);
        _counter = reader.ReadInt32();
    }
}
