namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// The event types of <c>insert [current|expired|all] events into</c>, <c>for ... events</c>,
/// <c>return ... events</c> and a named window's <c>output ... events</c>.
/// </summary>
public enum OutputEventType
{
    /// <summary><c>current events</c> or just <c>events</c>.</summary>
    Current,

    /// <summary><c>expired events</c>.</summary>
    Expired,

    /// <summary><c>all events</c>.</summary>
    All,
}
