namespace SiddhiGen.Runtime;

/// <summary>
/// <c>@app:playback(idle.time='100 millisecond', increment='2 sec')</c>: while no event arrives for
/// idle.time of wall-clock time, the playback clock moves forward by increment, so time-based windows
/// and timers still fire when the event source goes quiet.
/// </summary>
internal sealed class PlaybackHeartbeat : IAppComponent
{
    private readonly SiddhiApp _app;
    private readonly VirtualClock _clock;
    private readonly TimeSpan _idle;
    private readonly long _increment;
    private readonly TimeProvider _wallClock;
    private ITimer? _timer;
    private long _lastEventTime;
    private long _lastSeenEventTime;

    public PlaybackHeartbeat(SiddhiApp app, VirtualClock clock, long idleMilliseconds, long incrementMilliseconds, TimeProvider? wallClock)
    {
        _app = app;
        _clock = clock;
        _idle = TimeSpan.FromMilliseconds(idleMilliseconds);
        _increment = incrementMilliseconds;
        _wallClock = wallClock ?? TimeProvider.System;
    }

    /// <summary>Called by every send: the source is not idle.</summary>
    public void OnEvent(long timestamp) => _lastEventTime = timestamp;

    public void Start() => _timer = _wallClock.CreateTimer(static s => ((PlaybackHeartbeat)s!).Beat(), this, _idle, _idle);

    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private void Beat()
    {
        using (_app.ProcessingLock.Enter())
        {
            // An event since the last beat means the source is busy: nothing to do this time.
            if (_lastEventTime != _lastSeenEventTime)
            {
                _lastSeenEventTime = _lastEventTime;
                return;
            }

            _app.RunGuarded(() => _clock.AdvanceTo(_clock.Now + _increment));
        }
    }
}
