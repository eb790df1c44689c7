namespace SiddhiGen.Runtime;

/// <summary>
/// Asks the app clock for a callback at most once per distinct due time. A window may want several
/// callbacks at the same instant (one per arriving event of the same timestamp); the clock needs only one.
/// </summary>
internal sealed class TimerSlots
{
    /// <summary>The app's clock.</summary>
    private readonly AppClock _clock;

    /// <summary>The operator that forwards callbacks to the window.</summary>
    private readonly ITimerTarget _target;

    /// <summary>Due times asked for that have not fired yet.</summary>
    private readonly HashSet<long> _pending = [];

    public TimerSlots(AppClock clock, ITimerTarget target)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(target);
        _clock = clock;
        _target = target;
    }

    /// <summary>Schedules a callback at <paramref name="dueTime"/> unless one is already pending for it.</summary>
    public void Schedule(long dueTime)
    {
        if (_pending.Add(dueTime))
        {
            _clock.Schedule(dueTime, _target);
        }
    }

    /// <summary>Records that the callback for <paramref name="dueTime"/> fired.</summary>
    public void Fired(long dueTime) => _pending.Remove(dueTime);

    /// <summary>The due times still pending (the timers themselves are saved by the operator that receives them).</summary>
    public void WriteState(StateWriter writer)
    {
        writer.WriteCount(_pending.Count);
        foreach (var due in _pending)
        {
            writer.WriteInt64(due);
        }
    }

    public void ReadState(StateReader reader)
    {
        _pending.Clear();
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            _pending.Add(reader.ReadInt64());
        }
    }
}
