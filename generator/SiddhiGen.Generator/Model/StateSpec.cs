namespace SiddhiGen.Generator.Model;

/// <summary>Whether a state query is a pattern (<c>-&gt;</c>, other events may come between) or a sequence (<c>,</c>, strictly consecutive).</summary>
public enum StateKind
{
    Pattern,
    Sequence,
}

/// <summary>
/// A pattern or sequence query's input. <see cref="Events"/> are the event slots of a match, in Siddhi's
/// order (the order in which its state parser meets them: left to right, but the right operand of
/// <c>and</c>/<c>or</c> before the left); the selector reads them through their <see cref="StateEventSpec.Path"/>.
/// <see cref="WithinMilliseconds"/> is the <c>within</c> limit measured from a match's first event, or null.
/// </summary>
public sealed record StateSpec(StateKind Kind, StateElementSpec Root, EquatableArray<StateEventSpec> Events, long? WithinMilliseconds);

/// <summary>
/// One event slot of a pattern or sequence: its position, alias (<c>e1</c>), stream (<c>#S</c> for an inner
/// stream) and the member of the match holding it (<c>E0</c>, <c>E1</c>, ...). A counting slot collects
/// several events; an absent slot holds none.
/// </summary>
public sealed record StateEventSpec(int Position, string? Alias, string StreamName, string Path, bool IsCounting, bool IsAbsent);

/// <summary>
/// A node of the state machine: <see cref="StreamStateSpec"/>, <see cref="AbsentStateSpec"/>,
/// <see cref="CountStateSpec"/>, <see cref="LogicalStateSpec"/>, <see cref="EveryStateSpec"/> or <see cref="NextStateSpec"/>.
/// </summary>
public abstract record StateElementSpec;

/// <summary>One event of <see cref="StateEventSpec.StreamName"/> that passes <see cref="Filters"/> (the slot is <see cref="Event"/>).</summary>
public sealed record StreamStateSpec(int Event, EquatableArray<ExpressionSpec> Filters) : StateElementSpec;

/// <summary>
/// <c>not S[cond] [for t]</c>: no matching event arrives for <see cref="WaitMilliseconds"/> (or, without
/// <c>for</c>, before the partner of an <c>and</c> arrives).
/// </summary>
public sealed record AbsentStateSpec(int Event, EquatableArray<ExpressionSpec> Filters, long? WaitMilliseconds) : StateElementSpec;

/// <summary><c>e=S[c]&lt;min:max&gt;</c>, <c>+</c>, <c>*</c>, <c>?</c>: <see cref="Max"/> is -1 for no maximum.</summary>
public sealed record CountStateSpec(StreamStateSpec Element, int Min, int Max) : StateElementSpec;

/// <summary>The operator of a <see cref="LogicalStateSpec"/>.</summary>
public enum LogicalStateOperator
{
    And,
    Or,
}

/// <summary><c>A and B</c> (both, in any order) or <c>A or B</c> (either; the other slot stays empty).</summary>
public sealed record LogicalStateSpec(StateElementSpec Left, LogicalStateOperator Operator, StateElementSpec Right) : StateElementSpec;

/// <summary><c>every X</c>: X restarts after each match (for a group, after the group completes).</summary>
public sealed record EveryStateSpec(StateElementSpec Inner) : StateElementSpec;

/// <summary><c>A -&gt; B -&gt; C</c> or <c>A, B, C</c>: the steps in order.</summary>
public sealed record NextStateSpec(EquatableArray<StateElementSpec> Steps) : StateElementSpec;

/// <summary>Which collected event an indexed reference reads: <c>e[2]</c> (from the first, 0-based) or <c>e[last-2]</c> (<see cref="FromLast"/>).</summary>
public sealed record EventIndexSpec(bool FromLast, int Offset);

/// <summary>
/// <c>e1[0].price</c>, <c>e1[last].price</c>: an attribute of one collected event of slot <see cref="Event"/>
/// (null when the slot holds fewer events).
/// </summary>
public sealed record StateAttributeRefSpec(AttributeType Type, string Name, int Event, string PropertyName, EventIndexSpec Index) : ExpressionSpec(Type);

/// <summary>
/// <c>e1.price</c> in a selector where slot <see cref="Event"/> counts events: the list of that attribute over
/// all collected events (Siddhi types it <c>object</c>).
/// </summary>
public sealed record StateCollectedValuesSpec(string Name, int Event, string PropertyName) : ExpressionSpec(AttributeType.Object);

/// <summary>A pattern event used as a value (<c>eventTimestamp(e1)</c>): the event of slot <see cref="Event"/>, typed <c>object</c>.</summary>
public sealed record StateEventRefSpec(int Event, EventIndexSpec? Index) : ExpressionSpec(AttributeType.Object);

/// <summary><c>e2 is null</c>, <c>e1[last] is null</c>: slot <see cref="Event"/> holds no (such) event. -1 names no slot (always true).</summary>
public sealed record StateEventIsNullSpec(int Event, EventIndexSpec? Index) : ExpressionSpec(AttributeType.Bool);
