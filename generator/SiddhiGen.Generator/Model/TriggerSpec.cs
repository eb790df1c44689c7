namespace SiddhiGen.Generator.Model;

/// <summary>When a trigger fires.</summary>
public enum TriggerKind
{
    /// <summary><c>at 'start'</c>: once, when the app starts.</summary>
    Start,

    /// <summary><c>at every &lt;time&gt;</c>: every period, the first one period after start.</summary>
    Periodic,

    /// <summary><c>at '&lt;cron&gt;'</c>: on a Quartz cron schedule (with a seconds field).</summary>
    Cron,
}

/// <summary>
/// <c>define trigger T at ...</c>: a stream named <see cref="Name"/> with one attribute <c>triggered_time long</c>,
/// fed by the app's clock.
/// </summary>
public sealed record TriggerSpec(string Name, TriggerKind Kind, long PeriodMilliseconds, string? Cron);
