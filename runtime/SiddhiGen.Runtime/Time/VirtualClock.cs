using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// A clock that moves only when told to. Advancing it fires every due timer in time order, each with
/// the clock set to its own due time, including timers scheduled while firing. In playback mode
/// (<c>@app:playback</c>) event timestamps advance it too, and it never moves backwards.
/// </summary>
[DebuggerDisplay("Now = {Now}, Pending = {PendingTimers}")]
public sealed class VirtualClock : AppClock
{
    private readonly PriorityQueue<ITimerTarget, (long Due, long Sequence)> _timers = new();
    private long _now;

    /// <summary>The earliest pending due time (<see cref="long.MaxValue"/> when none), so an event that fires nothing costs two compares.</summary>
    private long _nextDue = long.MaxValue;
    private long _sequence;
    private SiddhiApp? _app;
    private bool _stopped;

    /// <param name="start">The initial time in epoch milliseconds.</param>
    /// <param name="advanceOnEvents">True for playback: each event's timestamp moves the clock forward.</param>
    public VirtualClock(long start = 0, bool advanceOnEvents = true)
    {
        _now = start;
        AdvanceOnEvents = advanceOnEvents;
    }

    /// <summary>True when event timestamps move the clock (playback mode).</summary>
    public bool AdvanceOnEvents { get; }

    public override long Now => _now;

    public override bool IsVirtual => true;

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers => _timers.Count;

    public override void Schedule(long dueTime, ITimerTarget target)
    {
        if (!_stopped)
        {
            _timers.Enqueue(target, (dueTime, _sequence++));
            if (dueTime < _nextDue)
            {
                _nextDue = dueTime;
            }
        }
    }

    /// <summary>Moves the clock to <paramref name="time"/>, firing due timers in time order. Never moves backwards.</summary>
    public void AdvanceTo(long time)
    {
        var app = _app;
        if (app is null)
        {
            FireUntil(time);
            return;
        }

        using (app.ProcessingLock.Enter())
        {
            var mark = app.DeliveryMark;
            try
            {
                FireUntil(time);
            }
            catch
            {
                // The exception goes to the caller; the deliveries it cut short end here.
                app.AbandonDeliveries(mark);
                throw;
            }
        }
    }

    internal override void Attach(SiddhiApp app) => _app = app;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal override void OnEventTime(long timestamp)
    {
        if (AdvanceOnEvents && timestamp > _now)
        {
            if (timestamp >= _nextDue)
            {
                FireUntil(timestamp);
            }
            else
            {
                _now = timestamp;
            }
        }
    }

    internal override void Stop()
    {
        _stopped = true;
        _timers.Clear();
        _nextDue = long.MaxValue;
    }

    private void FireUntil(long time)
    {
        while (_timers.TryPeek(out var target, out var key) && key.Due <= time)
        {
            _timers.Dequeue();
            if (key.Due > _now)
            {
                _now = key.Due;
            }

            target.OnTimer(key.Due);
        }

        _nextDue = _timers.TryPeek(out _, out var next) ? next.Due : long.MaxValue;

        if (time > _now)
        {
            _now = time;
        }
    }
}
