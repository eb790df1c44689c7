using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.session(gap [, keyAttr] [, allowed.latency])</c>: CURRENT events pass through at once and are
/// grouped per key into sessions on their event timestamps. A session ends when no event of its key arrives within
/// <c>gap</c> (a timer at <c>lastTs + gap</c>); its events are then emitted EXPIRED together (one chunk per timer).
/// </summary>
/// <typeparam name="T">The event payload.</typeparam>
/// <typeparam name="TKey">The session key (Siddhi: a string attribute).</typeparam>
/// <typeparam name="TKeyOf">Reads the key; without a key attribute use <see cref="SessionWindowNoKey{T}"/>.</typeparam>
/// <remarks>
/// <para>Late events (timestamp before the session start): with latency 0 they join the session when within
/// <c>gap</c> of its start, otherwise they are dropped (not emitted). With latency &gt; 0 an ended session is kept as
/// the "previous" session until <c>end + latency</c>, late events may join it, and the two may merge.</para>
/// <para>Expired events keep their own timestamps, as in Siddhi. Late events are put at the front of their session
/// (Siddhi's position depends on an iterator; session output is compared unordered).</para>
/// <para><see cref="Contents"/> is empty: Siddhi's find looks at a scratch chunk that is always empty between calls.</para>
/// Siddhi: <c>SessionWindowProcessor</c>.
/// </remarks>
[DebuggerDisplay("session({_gap}, latency {_allowedLatency}), Keys = {_sessions.Count}")]
public sealed class SessionWindow<T, TKey, TKeyOf> : IWindow<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
{
    /// <summary>Timer bookkeeping.</summary>
    private readonly TimerSlots _timers;

    /// <summary>The session gap in milliseconds.</summary>
    private readonly long _gap;

    /// <summary>How long an ended session still accepts late events.</summary>
    private readonly long _allowedLatency;

    /// <summary>Sessions per key; keys are never removed, as in Siddhi.</summary>
    private readonly Dictionary<TKey, Sessions> _sessions = [];

    /// <summary>Scratch list for timeout processing in end-time order.</summary>
    private readonly List<Sessions> _byEnd = [];

    /// <summary>Sessions that ended during the current call, emitted at its end.</summary>
    private readonly EventQueue<T> _ended = new(16);

    /// <param name="clock">The app clock.</param>
    /// <param name="timer">The operator that forwards the clock's callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="gap">The session gap in milliseconds.</param>
    /// <param name="allowedLatency">Siddhi's <c>allowed.latency</c> (0..gap).</param>
    public SessionWindow(AppClock clock, ITimerTarget timer, long gap, long allowedLatency = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        ArgumentOutOfRangeException.ThrowIfNegative(allowedLatency);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(allowedLatency, gap);
        _timers = new TimerSlots(clock, timer);
        _gap = gap;
        _allowedLatency = allowedLatency;
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => default;

    /// <inheritdoc />
    public void Process(ReadOnlySpan<StreamEvent<T>> chunk, WindowOutput<T> output)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        foreach (ref readonly var e in chunk)
        {
            if (Add(in e))
            {
                output.Add(e.Timestamp, in e.Data, EventKind.Current);
            }
        }

        EmitEnded(output);
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        _timers.Fired(dueTime);
        CurrentSessionTimeout(dueTime);
        if (_allowedLatency > 0)
        {
            PreviousSessionTimeout(dueTime);
        }

        EmitEnded(output);
    }

    /// <summary>Puts an arriving event into its key's session; false when it is too late and dropped.</summary>
    private bool Add(in StreamEvent<T> e)
    {
        var ts = e.Timestamp;
        var end = ts + _gap;
        var alive = end + _allowedLatency;
        var key = TKeyOf.Get(in e.Data);
        if (!_sessions.TryGetValue(key, out var sessions))
        {
            sessions = new Sessions(_sessions.Count);
            _sessions.Add(key, sessions);
        }

        var held = new StreamEvent<T>(ts, e.Data, EventKind.Expired);
        var current = sessions.Current;
        if (current.Events.IsEmpty)
        {
            current.Events.Enqueue(in held);
            current.Set(ts, end, alive);
            _timers.Schedule(end);
        }
        else if (ts >= current.Start)
        {
            if (ts <= current.End)
            {
                current.Set(current.Start, end, alive);
                current.Events.Enqueue(in held);
                _timers.Schedule(end);
            }
            else if (_allowedLatency > 0)
            {
                MoveCurrentToPrevious(sessions);
                current.Events.Clear();
                current.Set(ts, end, alive);
                current.Events.Enqueue(in held);
                _timers.Schedule(end);
            }

            // Latency 0 and past the end: the session's timer is about to close it; Siddhi keeps the event nowhere.
        }
        else
        {
            return AddLateEvent(sessions, in held);
        }

        return true;
    }

    /// <summary>An event older than its key's current session start (Siddhi's <c>addLateEvent</c>).</summary>
    private bool AddLateEvent(Sessions sessions, in StreamEvent<T> e)
    {
        var ts = e.Timestamp;
        var current = sessions.Current;
        var previous = sessions.Previous;
        if (ts >= current.Start - _gap)
        {
            current.Events.Insert(0, in e);
            current.Start = ts;
            if (_allowedLatency > 0)
            {
                Merge(previous, current);
            }

            return true;
        }

        if (_allowedLatency == 0 || previous.Events.IsEmpty || ts < previous.Start - _gap)
        {
            return false; // Siddhi logs "late and its session window has been timeout".
        }

        previous.Events.Enqueue(in e);
        if (ts <= previous.End - _gap && ts < previous.Start)
        {
            previous.Start = ts;
        }
        else
        {
            previous.End = ts + _gap;
            previous.Alive = ts + _gap + _allowedLatency;
            Merge(previous, current);
        }

        return true;
    }

    /// <summary>Joins the previous session into the current one when their gaps overlap.</summary>
    private void Merge(Session previous, Session current)
    {
        if (previous.Events.IsEmpty || previous.End < current.Start - _gap)
        {
            return;
        }

        var earlier = previous.Events.Span;
        for (var i = earlier.Length - 1; i >= 0; i--)
        {
            current.Events.Insert(0, in earlier[i]);
        }

        current.Start = previous.Start;
        previous.Events.Clear();
    }

    /// <summary>A new session starts while the old one is still alive: the old one becomes the previous session.</summary>
    private void MoveCurrentToPrevious(Sessions sessions)
    {
        var current = sessions.Current;
        var previous = sessions.Previous;
        if (!previous.Events.IsEmpty)
        {
            _ended.EnqueueRange(previous.Events.Span, EventKind.Expired);
            previous.Events.Clear();
        }

        previous.Events.EnqueueRange(current.Events.Span, EventKind.Expired);
        previous.Set(current.Start, current.End, current.Alive);
        _timers.Schedule(current.Alive);
    }

    /// <summary>Ends the current sessions whose end is at or before <paramref name="now"/>, earliest end first.</summary>
    private void CurrentSessionTimeout(long now)
    {
        CollectByEnd(previous: false);
        foreach (var sessions in _byEnd)
        {
            var current = sessions.Current;
            if (now < current.End)
            {
                break;
            }

            if (_allowedLatency > 0)
            {
                // Keep it as the previous session until end + latency.
                sessions.Previous.Events.EnqueueRange(current.Events.Span, EventKind.Expired);
                sessions.Previous.Set(current.Start, current.End, current.Alive);
                _timers.Schedule(current.Alive);
            }
            else
            {
                _ended.EnqueueRange(current.Events.Span, EventKind.Expired);
            }

            current.Events.Clear();
        }

        _byEnd.Clear();
    }

    /// <summary>Ends the previous sessions whose latency has run out.</summary>
    private void PreviousSessionTimeout(long now)
    {
        CollectByEnd(previous: true);
        foreach (var sessions in _byEnd)
        {
            var previous = sessions.Previous;
            if (now < previous.Alive)
            {
                break;
            }

            _ended.EnqueueRange(previous.Events.Span, EventKind.Expired);
            previous.Events.Clear();
        }

        _byEnd.Clear();
    }

    /// <summary>Fills <see cref="_byEnd"/> with the keys whose (current or previous) session is open, by end time.</summary>
    private void CollectByEnd(bool previous)
    {
        foreach (var sessions in _sessions.Values)
        {
            if (!(previous ? sessions.Previous : sessions.Current).Events.IsEmpty)
            {
                _byEnd.Add(sessions);
            }
        }

        if (_byEnd.Count > 1)
        {
            // Cached delegates: sorting through an IComparer would allocate on every timer.
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_byEnd).Sort(previous ? s_byPreviousEnd : s_byCurrentEnd);
        }
    }

    private void EmitEnded(WindowOutput<T> output)
    {
        output.AddRange(_ended.Span);
        _ended.Clear();
        output.CloseChunk();
    }

    /// <summary>One session: its events and its start, end (last event + gap) and alive (end + latency) times.</summary>
    private sealed class Session
    {
        public readonly EventQueue<T> Events = new(4);
        public long Start;
        public long End;
        public long Alive;

        public void Set(long start, long end, long alive)
        {
            Start = start;
            End = end;
            Alive = alive;
        }
    }

    /// <summary>The current and previous session of one key.</summary>
    private sealed class Sessions(int order)
    {
        /// <summary>Key creation order: breaks end-time ties deterministically.</summary>
        public readonly int Order = order;
        public readonly Session Current = new();
        public readonly Session Previous = new();
    }

    /// <summary>Orders keys by their current session's end, then by creation.</summary>
    private static readonly Comparison<Sessions> s_byCurrentEnd = static (x, y) =>
        x.Current.End != y.Current.End ? x.Current.End.CompareTo(y.Current.End) : x.Order.CompareTo(y.Order);

    /// <summary>Orders keys by their previous session's end, then by creation.</summary>
    private static readonly Comparison<Sessions> s_byPreviousEnd = static (x, y) =>
        x.Previous.End != y.Previous.End ? x.Previous.End.CompareTo(y.Previous.End) : x.Order.CompareTo(y.Order);
}
