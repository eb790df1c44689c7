namespace SiddhiGen.Generator.Model;

/// <summary>
/// The condition of an <c>expression('...')</c> or <c>expressionBatch('...')</c> window, parsed and bound at
/// build time. Unqualified attributes read the event being evaluated; <c>first</c> and <c>last</c> name the
/// oldest and newest events of the window; <see cref="Aggregators"/> run in sliding mode over its contents.
/// </summary>
/// <param name="Text">The expression as written in the string constant (for the comment above the code).</param>
/// <param name="Condition">
/// The bound condition, of type bool; or, when the window reads its condition from a string attribute
/// (<see cref="IsDynamic"/>), that attribute: its values are parsed and bound at run time.
/// </param>
/// <param name="Aggregators">The aggregators the condition uses (<c>count()</c>, <c>sum(price)</c>, ...), by index.</param>
public sealed record WindowExpressionSpec(string Text, ExpressionSpec Condition, EquatableArray<AggregatorSpec> Aggregators)
{
    /// <summary>True when each event carries the condition in a string attribute (<see cref="Condition"/>) instead of a constant.</summary>
    public bool IsDynamic => Condition is AttributeRefSpec { Type: AttributeType.String };
}

/// <summary>The events an expression window's condition can name besides the one it evaluates.</summary>
public enum WindowEvent
{
    /// <summary><c>first</c>: the oldest event of the window (or batch).</summary>
    First,

    /// <summary><c>last</c>: the newest event of the window (or batch).</summary>
    Last,
}

/// <summary><c>first.attr</c> or <c>last.attr</c> in an expression window's condition.</summary>
public sealed record WindowEventAttributeSpec(AttributeType Type, WindowEvent Event, string Name, string PropertyName) : ExpressionSpec(Type);

/// <summary><c>eventTimestamp(first)</c> or <c>eventTimestamp(last)</c> in an expression window's condition.</summary>
public sealed record WindowEventTimestampSpec(WindowEvent Event) : ExpressionSpec(AttributeType.Long);
