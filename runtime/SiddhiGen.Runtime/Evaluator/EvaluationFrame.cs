using System.Diagnostics;

namespace SiddhiGen.Runtime.Evaluator;

/// <summary>
/// What an interpreted expression reads: the row being evaluated (an event, a table or window row), its timestamp,
/// the selected output row (<c>having</c>), the oldest and newest events of an expression window, and the values of
/// the aggregators in scope. One frame is reused for every row, so evaluation allocates only the values it boxes.
/// </summary>
/// <remarks>Not thread-safe: an evaluator and its frame are used by one thread at a time (under the app's lock).</remarks>
[DebuggerDisplay("Input = {Input.Length} values, Timestamp = {Timestamp}")]
internal sealed class EvaluationFrame
{
    /// <summary>The row being evaluated, positional in the input's schema.</summary>
    public object?[] Input = [];

    /// <summary>The timestamp of <see cref="Input"/> (<c>eventTimestamp()</c>).</summary>
    public long Timestamp;

    /// <summary>The selected row, positional in the selector's projections (read by <c>having</c>).</summary>
    public object?[]? Output;

    /// <summary>The oldest event of an expression window (<c>first</c>).</summary>
    public object?[]? First;

    /// <summary>The timestamp of <see cref="First"/>.</summary>
    public long FirstTimestamp;

    /// <summary>The newest event of an expression window (<c>last</c>).</summary>
    public object?[]? Last;

    /// <summary>The timestamp of <see cref="Last"/>.</summary>
    public long LastTimestamp;

    /// <summary>The aggregators the expression reads, by <c>AggregatorSpec.Index</c>.</summary>
    public IDynamicAggregator[] Aggregators = [];
}
