namespace SiddhiGen.Runtime;

/// <summary>
/// A <c>define trigger</c>: sends <c>(triggered_time)</c> events into its stream, the value and the timestamp being
/// the app's current time: once when the app starts (<c>at 'start'</c>), at a fixed rate whose first event comes one
/// period after start (<c>at every t</c>), or at the times of a Quartz cron expression (<c>at '0/5 * * * * ?'</c>).
/// Timed triggers run on the app's clock, so a virtual clock fires them as it moves.
/// </summary>
public sealed class Trigger<T> : IAppComponent, ITimerTarget, IStatefulOperator
{
    private readonly InputStream<T> _stream;
    private readonly Func<long, T> _event;
    private readonly long _period;
    private readonly CronExpression? _cron;
    private bool _running;

    /// <summary>True once a snapshot restored the schedule: starting continues it (no second 'start' event).</summary>
    private bool _restored;

    private Trigger(InputStream<T> stream, Func<long, T> @event, long period, CronExpression? cron)
    {
        _stream = stream;
        _event = @event;
        _period = period;
        _cron = cron;
    }

    /// <summary><c>at 'start'</c>: one event when the app starts.</summary>
    public static Trigger<T> AtStart(InputStream<T> stream, Func<long, T> @event) => new(stream, @event, 0, null);

    /// <summary><c>at every t</c>: an event every <paramref name="periodMilliseconds"/>, the first one period after start.</summary>
    public static Trigger<T> Every(InputStream<T> stream, Func<long, T> @event, long periodMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodMilliseconds);
        return new(stream, @event, periodMilliseconds, null);
    }

    /// <summary><c>at '&lt;cron&gt;'</c>: an event at each time of the Quartz cron expression.</summary>
    public static Trigger<T> Cron(InputStream<T> stream, Func<long, T> @event, string expression) =>
        new(stream, @event, 0, CronExpression.Parse(expression));

    private AppClock Clock => _stream.App.Clock;

    public void Start()
    {
        _running = true;
        if (_restored)
        {
            return;
        }

        var now = Clock.Now;
        if (_period > 0)
        {
            Clock.Schedule(now + _period, this);
        }
        else if (_cron is not null)
        {
            ScheduleCron(now);
        }
        else
        {
            Fire(now);
        }
    }

    public void Stop() => _running = false;

    public void OnTimer(long dueTime)
    {
        if (!_running)
        {
            return;
        }

        Fire(dueTime);
        if (_period > 0)
        {
            Clock.Schedule(dueTime + _period, this);
        }
        else
        {
            ScheduleCron(dueTime);
        }
    }

    /// <summary>The schedule is the trigger's pending timer.</summary>
    public void WriteState(StateWriter writer) => writer.WriteTimers(this);

    public void ReadState(StateReader reader)
    {
        reader.ReadTimers(this);
        _restored = true;
    }

    private void ScheduleCron(long after)
    {
        if (_cron!.GetNextFireTime(after) is { } next)
        {
            Clock.Schedule(next, this);
        }
    }

    private void Fire(long time) => _stream.Send(time, _event(time));
}
