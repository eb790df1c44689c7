using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// The tick schedule of a periodic limiter (Siddhi's <c>scheduledTime</c> plus <c>scheduler.notifyAt</c>): ticks at
/// <c>start + period</c>, <c>start + 2·period</c>, ... with at most one timer of ours outstanding at a time.
/// </summary>
/// <remarks>
/// Siddhi schedules a new timer every time <c>scheduledTime</c> advances, also when a snapshot limiter flushes on an
/// event's timestamp; the timer it then left behind fires later and is ignored because it is no longer due. We keep
/// one timer instead: when a stale one fires, it re-arms at <see cref="NextTick"/>. The observable ticks are the same.
/// </remarks>
[DebuggerDisplay("Next = {NextTick}, Armed = {_armed}")]
internal sealed class RateLimitTicker
{
    private readonly AppClock _clock;
    private readonly ITimerTarget _target;
    private bool _started;
    private bool _armed;
    private long _armedDue;

    public RateLimitTicker(AppClock clock, ITimerTarget target, long period)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _clock = clock;
        _target = target;
        Period = period;
    }

    /// <summary>The period in milliseconds.</summary>
    public long Period { get; }

    /// <summary>When the next tick is due (Siddhi's <c>scheduledTime</c>).</summary>
    public long NextTick { get; private set; }

    /// <summary>Seeds the first tick from the app clock (the oracle seeds it from the playback clock, as live Siddhi does from the wall clock).</summary>
    public void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        NextTick = _clock.Now + Period;
        Arm();
    }

    /// <summary>True when something stamped <paramref name="time"/> reaches the next tick (<c>ts &gt;= scheduledTime</c>).</summary>
    public bool IsDue(long time) => _started && time >= NextTick;

    /// <summary>Moves to the following tick after a flush; the outstanding timer re-arms when it fires.</summary>
    public void Advance() => NextTick += Period;

    /// <summary>
    /// Handles a timer callback: returns true when it is a due tick (the caller flushes, then calls
    /// <see cref="Advance"/> and <see cref="Rearm"/>); callbacks that are not due return false.
    /// </summary>
    public bool OnTimer(long dueTime)
    {
        if (!_started)
        {
            return false;
        }

        if (_armed && dueTime >= _armedDue)
        {
            // Our timer fired (or a foreign one at or after it: ours is then stale and will be ignored).
            _armed = false;
        }

        return dueTime >= NextTick;
    }

    /// <summary>
    /// Handles a timer callback for a limiter that emits on the tick itself: a due tick moves to the following one,
    /// and either way a timer stays outstanding. Returns true when the caller should emit.
    /// </summary>
    public bool TryTick(long dueTime)
    {
        var due = OnTimer(dueTime);
        if (due)
        {
            Advance();
        }

        Rearm();
        return due;
    }

    /// <summary>Makes sure a timer is outstanding for <see cref="NextTick"/>.</summary>
    public void Rearm()
    {
        if (_started && !_armed)
        {
            Arm();
        }
    }

    private void Arm()
    {
        _armed = true;
        _armedDue = NextTick;
        _clock.Schedule(NextTick, _target);
    }

    /// <summary>The tick schedule (the timer itself is saved by the operator that receives it).</summary>
    public void WriteState(StateWriter writer)
    {
        writer.WriteBoolean(_started);
        writer.WriteBoolean(_armed);
        writer.WriteInt64(_armedDue);
        writer.WriteInt64(NextTick);
    }

    public void ReadState(StateReader reader)
    {
        _started = reader.ReadBoolean();
        _armed = reader.ReadBoolean();
        _armedDue = reader.ReadInt64();
        NextTick = reader.ReadInt64();
    }
}
