using System.Collections.Generic;

namespace SiddhiGen.Runtime.Patterns;

/// <summary>
/// The deadlines of one absent step (Siddhi's <c>Scheduler</c>): times in the order they were asked for, each with one
/// clock timer. When a timer fires, every deadline at the head of the queue that is due by now fires, in queue order, as
/// Siddhi's scheduler drains its queue (a later deadline asked for first holds back an earlier one behind it).
/// </summary>
internal sealed class PatternScheduler : ITimerTarget
{
    private readonly AppClock _clock;
    private readonly System.Action<long> _fire;
    private readonly Queue<long> _deadlines = new();
    private long _last = long.MinValue;

    public PatternScheduler(AppClock clock, System.Action<long> fire)
    {
        _clock = clock;
        _fire = fire;
    }

    /// <summary>Deadlines not yet fired.</summary>
    public int Count => _deadlines.Count;

    /// <remarks>
    /// A deadline equal to the one asked for just before it is the same deadline: many matches that reached the step
    /// with one event share one timer and one pass over the waiting matches.
    /// </remarks>
    public void NotifyAt(long time)
    {
        if (time == _last && _deadlines.Count != 0)
        {
            return;
        }

        _last = time;
        _deadlines.Enqueue(time);
        _clock.Schedule(time, this);
    }

    public void OnTimer(long dueTime)
    {
        while (_deadlines.TryPeek(out var next) && next <= _clock.Now)
        {
            _deadlines.Dequeue();
            _fire(next);
        }
    }
}
