using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output first every N events</c> without group by: lets the 1st row through, drops rows 2..N, and repeats.
/// </summary>
/// <remarks>
/// <para>Siddhi counts every row of the chunk whatever its kind, RESET included (a non-aggregating selector leaves a
/// batch window's RESET in the chunk); a RESET that falls on position 1 takes the slot but is not emitted (Siddhi
/// drops RESET on the way to callbacks). Pass RESET rows where Siddhi's selector keeps them.</para>
/// <para>With N = 1 Siddhi lets only the very first row through, ever (the counter never resets); kept as is.</para>
/// Siddhi: <c>FirstPerEventOutputRateLimiter</c>.
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
[DebuggerDisplay("first every {_count} events, Counter = {_counter}")]
public sealed class FirstPerEventRateLimiter<T> : IOutputRateLimiter<T>, IStatePart<T>
{
    private readonly QueryOutput<T> _output;
    private readonly int _count;
    private readonly EventBuffer<T> _out = new();
    private int _counter;

    /// <param name="output">Where released chunks go.</param>
    /// <param name="count">N, at least 1.</param>
    public FirstPerEventRateLimiter(QueryOutput<T> output, int count)
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
            if (e.Kind == EventKind.Timer)
            {
                continue;
            }

            _counter++;
            if (_counter == 1)
            {
                if (e.Kind != EventKind.Reset)
                {
                    _out.Add(in e);
                }
            }
            else if (_counter == _count)
            {
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
        writer.WriteInt32(_counter);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        _counter = reader.ReadInt32();
    }
}
