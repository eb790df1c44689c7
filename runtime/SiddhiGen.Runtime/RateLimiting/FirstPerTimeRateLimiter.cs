using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output first every &lt;t&gt;</c> without group by: a chunk arriving when no row was emitted yet, or at least
/// <c>period</c> after the last emission (on the app clock), has its first row emitted; other chunks are dropped.
/// Not tick aligned: the window restarts at each emission, and no timer is used.
/// </summary>
/// <remarks>
/// <para>Only the first row of a chunk can go out, even when the chunk holds several (a batch window's output). The
/// first row is taken whatever its kind: a leading RESET (left in the chunk by a non-aggregating selector) takes
/// the slot and is not emitted, as Siddhi drops RESET on the way to callbacks. An empty chunk changes nothing.</para>
/// Siddhi: <c>FirstPerTimeOutputRateLimiter</c> (<c>outputTime + value &lt;= currentTime</c>).
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
[DebuggerDisplay("first every {_period} ms, Last = {_lastOutput}")]
public sealed class FirstPerTimeRateLimiter<T> : IOutputRateLimiter<T>, IStatePart<T>
{
    private readonly QueryOutput<T> _output;
    private readonly AppClock _clock;
    private readonly long _period;
    private readonly EventBuffer<T> _out = new(1);
    private long _lastOutput;
    private bool _hasOutput;

    /// <param name="output">Where released chunks go.</param>
    /// <param name="clock">The app clock: "now" (in playback, the largest event time seen).</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public FirstPerTimeRateLimiter(QueryOutput<T> output, AppClock clock, long period)
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
        var span = selected.Span;
        var first = 0;
        while (first < span.Length && span[first].Kind == EventKind.Timer)
        {
            first++;
        }

        if (first == span.Length)
        {
            return;
        }

        var now = _clock.Now;
        if (_hasOutput && _lastOutput + _period > now)
        {
            return;
        }

        _lastOutput = now;
        _hasOutput = true;
        if (span[first].Kind != EventKind.Reset)
        {
            _out.Clear();
            _out.Add(in span[first]);
            RateLimiterEmit.EmitAndClear(_output, _out);
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
        writer.WriteInt64(_lastOutput);
        writer.WriteBoolean(_hasOutput);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        _lastOutput = reader.ReadInt64();
        _hasOutput = reader.ReadBoolean();
    }
}
