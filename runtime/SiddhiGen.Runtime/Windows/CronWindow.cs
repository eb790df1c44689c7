using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.cron('expr')</c>: holds arrivals (emitting nothing) and at each cron fire time that finds events held
/// emits one chunk <c>[previous batch EXPIRED (always), CURRENT batch]</c>, without a RESET, as Siddhi's code does
/// (its docs say events pass through on arrival; the code buffers).
/// </summary>
/// <remarks>
/// <para>Fire times come from a Quartz <see cref="CronExpression"/> evaluated on the app clock (Siddhi runs Quartz on
/// the wall clock, outside playback). A fire that finds no held events does nothing, so a timer is only armed while
/// events are held: on the first arrival after a fire, for the next fire time after now.</para>
/// <para>Not findable: <see cref="Contents"/> is empty (Siddhi appends an empty window for a cron join side).</para>
/// Siddhi: <c>CronWindowProcessor</c>.
/// </remarks>
[DebuggerDisplay("cron({_expression}), Held = {_current.Count}")]
public sealed class CronWindow<T> : IWindow<T>, IStatePart<T>
{
    /// <summary>The app clock: "now" for arming the next fire.</summary>
    private readonly AppClock _clock;

    /// <summary>Timer bookkeeping.</summary>
    private readonly TimerSlots _timers;

    /// <summary>The fire schedule.</summary>
    private readonly CronExpression _expression;

    /// <summary>Events held since the last fire.</summary>
    private readonly EventQueue<T> _current = new(16);

    /// <summary>The last emitted batch, expired at the next fire.</summary>
    private readonly EventQueue<T> _expired = new(16);

    /// <summary>The armed fire time, or -1 when none is armed.</summary>
    private long _nextFire = -1;

    /// <param name="clock">The app clock.</param>
    /// <param name="timer">The operator that forwards the clock's callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="expression">A Quartz cron expression, e.g. <c>*/5 * * * * ?</c>.</param>
    /// <param name="timeZone">The zone the expression is read in; UTC by default.</param>
    public CronWindow(AppClock clock, ITimerTarget timer, string expression, TimeZoneInfo? timeZone = null)
        : this(clock, timer, CronExpression.Parse(expression, timeZone))
    {
    }

    /// <param name="clock">The app clock.</param>
    /// <param name="timer">The operator that forwards the clock's callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="expression">The parsed cron expression.</param>
    public CronWindow(AppClock clock, ITimerTarget timer, CronExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        _clock = clock;
        _timers = new TimerSlots(clock, timer);
        _expression = expression;
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

        _current.EnqueueRange(chunk, EventKind.Current);
        if (_nextFire < 0 && _expression.GetNextFireTime(_clock.Now) is { } next)
        {
            _nextFire = next;
            _timers.Schedule(next);
        }
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        _timers.Fired(dueTime);
        if (dueTime != _nextFire)
        {
            return;
        }

        _nextFire = -1;
        output.AddRange(_expired.Span, EventKind.Expired, dueTime);
        _expired.Clear();
        _expired.EnqueueRange(_current.Span, EventKind.Expired);
        output.AddRange(_current.Span);
        _current.Clear();
        output.CloseChunk();
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        writer.WriteEvents(_current.Span, codec);
        writer.WriteEvents(_expired.Span, codec);
        writer.WriteInt64(_nextFire);
        _timers.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        reader.ReadEvents(_current, codec);
        reader.ReadEvents(_expired, codec);
        _nextFire = reader.ReadInt64();
        _timers.ReadState(reader);
    }
}
