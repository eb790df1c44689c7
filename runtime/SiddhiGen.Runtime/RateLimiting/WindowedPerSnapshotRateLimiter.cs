using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output snapshot every &lt;t&gt;</c> on a windowed query (a <c>#window</c> or a join) with no aggregated output
/// attribute, with or without group by: keeps the rows currently in the window and emits them all at each tick,
/// in arrival order.
/// </summary>
/// <remarks>
/// <para>A CURRENT row is appended; an EXPIRED row removes the first retained row that
/// <typeparamref name="TMatch"/> matches (nothing when none does); a RESET row clears everything. Without group by
/// Siddhi's per-event selector passes a batch window's RESET on, so pass RESET rows here; with group by it drops
/// them (the expired rows empty the list instead), so do not.</para>
/// <para>Each arrival may flush first, see <see cref="PerSnapshotRateLimiter{T}"/>.</para>
/// Siddhi: <c>WindowedPerSnapshotOutputRateLimiter</c> (the same class serves group by, unwrapping grouped events).
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TMatch">Compares all visible output attributes (Siddhi: <c>Arrays.equals</c> on output data).</typeparam>
[DebuggerDisplay("snapshot every {_ticker.Period} ms (window rows), Rows = {_retained.Count}")]
public sealed class WindowedPerSnapshotRateLimiter<T, TMatch> : IOutputRateLimiter<T>
    where TMatch : ISnapshotRowMatcher<T>
{
    private readonly QueryOutput<T> _output;
    private readonly RateLimitTicker _ticker;
    private readonly EventBuffer<T> _retained = new();
    private readonly EventBuffer<T> _out = new();

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public WindowedPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _ticker = new RateLimitTicker(clock, timer, period);
    }

    /// <summary>The rows a tick would emit now.</summary>
    public ReadOnlySpan<StreamEvent<T>> Retained => _retained.Span;

    /// <inheritdoc />
    public void Process(EventBuffer<T> selected)
    {
        _out.Clear();
        foreach (ref readonly var e in selected.Span)
        {
            switch (e.Kind)
            {
                case EventKind.Current:
                    TryFlush(e.Timestamp);
                    _retained.Add(in e);
                    break;
                case EventKind.Expired:
                    TryFlush(e.Timestamp);
                    RemoveFirstMatch(in e.Data);
                    break;
                case EventKind.Reset:
                    TryFlush(e.Timestamp);
                    _retained.Clear();
                    break;
            }
        }

        RateLimiterEmit.EmitAndClear(_output, _out);
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime)
    {
        _out.Clear();
        if (_ticker.OnTimer(dueTime))
        {
            Flush();
        }

        _ticker.Rearm();
        RateLimiterEmit.EmitAndClear(_output, _out);
    }

    /// <inheritdoc />
    public void Start() => _ticker.Start();

    private void RemoveFirstMatch(in T expired)
    {
        var rows = _retained.Span;
        for (var i = 0; i < rows.Length; i++)
        {
            if (TMatch.Matches(in rows[i].Data, in expired))
            {
                _retained.RemoveRange(i, 1);
                return;
            }
        }
    }

    private void TryFlush(long time)
    {
        if (_ticker.IsDue(time))
        {
            Flush();
        }
    }

    private void Flush()
    {
        _out.AddRange(_retained.Span);
        _ticker.Advance();
    }
}
