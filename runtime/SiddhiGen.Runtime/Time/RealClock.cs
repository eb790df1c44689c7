namespace SiddhiGen.Runtime;

/// <summary>
/// Wall-clock time from a <see cref="TimeProvider"/> (the system clock, or a fake one in tests).
/// Timers fire on the provider's timer threads and take the app lock, so they never run during a send.
/// </summary>
public sealed class RealClock : AppClock
{
    private readonly TimeProvider _provider;
    private readonly Dictionary<ITimer, TimerState> _timers = [];
    private long _sequence;
    private SiddhiApp? _app;
    private bool _stopped;

    public RealClock(TimeProvider? provider = null) => _provider = provider ?? TimeProvider.System;

    public override long Now => _provider.GetUtcNow().ToUnixTimeMilliseconds();

    public override bool IsVirtual => false;

    public override void Schedule(long dueTime, ITimerTarget target)
    {
        lock (_timers)
        {
            if (_stopped)
            {
                return;
            }

            var delay = TimeSpan.FromMilliseconds(Math.Max(0, dueTime - Now));
            var state = new TimerState(this, target, dueTime, _sequence++);
            state.Timer = _provider.CreateTimer(static s => ((TimerState)s!).Fire(), state, delay, Timeout.InfiniteTimeSpan);
            _timers.Add(state.Timer, state);
        }
    }

    internal override void Attach(SiddhiApp app) => _app = app;

    internal override void Stop()
    {
        lock (_timers)
        {
            _stopped = true;
            DisposeTimers();
        }
    }

    internal override IReadOnlyList<PendingTimer> PendingTimerList()
    {
        lock (_timers)
        {
            return [.. _timers.Values.Select(t => new PendingTimer(t.DueTime, t.Sequence, t.Target))];
        }
    }

    internal override void ReplaceTimers(IReadOnlyList<PendingTimer> timers)
    {
        lock (_timers)
        {
            DisposeTimers();
        }

        foreach (var timer in timers)
        {
            Schedule(timer.Due, timer.Target);
        }
    }

    private void DisposeTimers()
    {
        foreach (var timer in _timers.Keys)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }

    private sealed class TimerState(RealClock clock, ITimerTarget target, long dueTime, long sequence)
    {
        public ITimer? Timer;

        public ITimerTarget Target => target;

        public long DueTime => dueTime;

        public long Sequence => sequence;

        public void Fire()
        {
            lock (clock._timers)
            {
                if (clock._stopped || Timer is null || !clock._timers.Remove(Timer))
                {
                    return;
                }

                Timer.Dispose();
            }

            var app = clock._app;
            if (app is null)
            {
                target.OnTimer(dueTime);
                return;
            }

            using (app.ProcessingLock.Enter())
            {
                app.RunGuarded(() => target.OnTimer(dueTime));
            }
        }
    }
}
