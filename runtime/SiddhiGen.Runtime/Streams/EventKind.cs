namespace SiddhiGen.Runtime;

/// <summary>What an event means to the operator that receives it (Siddhi's ComplexEvent.Type).</summary>
public enum EventKind : byte
{
    /// <summary>A new event: aggregators add it.</summary>
    Current,

    /// <summary>An event leaving a window: aggregators remove it.</summary>
    Expired,

    /// <summary>A batch window started a new batch: aggregators clear all their state.</summary>
    Reset,

    /// <summary>A scheduler tick; selectors drop it.</summary>
    Timer,
}
