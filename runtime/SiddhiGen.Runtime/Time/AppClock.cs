namespace SiddhiGen.Runtime;

/// <summary>
/// The time source of one app: what "now" is and when timers fire. <see cref="RealClock"/> follows a
/// <see cref="TimeProvider"/>; <see cref="VirtualClock"/> moves only when told to (tests, playback).
/// </summary>
public abstract class AppClock
{
    /// <summary>The current time in epoch milliseconds.</summary>
    public abstract long Now { get; }

    /// <summary>True when time moves only through <see cref="VirtualClock.AdvanceTo"/> or event timestamps.</summary>
    public abstract bool IsVirtual { get; }

    /// <summary>Calls <paramref name="target"/> back once the clock reaches <paramref name="dueTime"/>.</summary>
    public abstract void Schedule(long dueTime, ITimerTarget target);

    /// <summary>Binds the clock to the app whose lock serialises timer callbacks with sends.</summary>
    internal abstract void Attach(SiddhiApp app);

    /// <summary>Called by a send with the event's timestamp; a playback clock advances to it.</summary>
    internal virtual void OnEventTime(long timestamp)
    {
    }

    /// <summary>Stops all pending timers (app shutdown).</summary>
    internal abstract void Stop();
}
