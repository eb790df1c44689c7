namespace SiddhiGen.Generator.Model;

/// <summary>
/// A query, bound and typed: input handlers, selector and output. For a join, <see cref="Join"/> holds
/// the two sides and <see cref="Input"/> reads the joined event.
/// </summary>
public sealed record QuerySpec(
    string Name,
    string OperatorName,
    string Text,
    InputSpec Input,
    SelectorSpec Selector,
    OutputSpec Output,
    OutputRateSpec? Rate = null,
    JoinSpec? Join = null,
    StateSpec? State = null,
    JoinStoreSpec? JoinStore = null);

/// <summary>
/// <c>from S[pre]#window.w(args)[post]</c>: filters before the window, at most one window, filters after.
/// </summary>
public sealed record InputSpec(
    string StreamName,
    EquatableArray<ExpressionSpec> PreWindowFilters,
    WindowSpec? Window,
    EquatableArray<ExpressionSpec> PostWindowFilters,
    StreamFunctionSpec? Function = null);

/// <summary>
/// A built-in window with its constant arguments, already checked and converted. <see cref="Condition"/> is the
/// compiled condition of an <c>expression</c>/<c>expressionBatch</c> window (null for every other window).
/// </summary>
public sealed record WindowSpec(string Name, EquatableArray<ExpressionSpec> Arguments, WindowExpressionSpec? Condition = null, ExtensionWindowSpec? Extension = null);

/// <summary>One selected attribute: <c>expr as Name</c>.</summary>
public sealed record ProjectionSpec(AttributeSpec Attribute, ExpressionSpec Expression);

/// <summary>An <c>order by</c> key over the output row.</summary>
public sealed record OrderBySpec(AttributeSpec Attribute, bool Descending);

/// <summary>
/// <c>select ... group by ... having ... order by ... limit ... offset</c>. Group keys are input attributes.
/// </summary>
public sealed record SelectorSpec(
    EquatableArray<ProjectionSpec> Projections,
    EquatableArray<AggregatorSpec> Aggregators,
    EquatableArray<AttributeRefSpec> GroupBy,
    ExpressionSpec? Having,
    EquatableArray<OrderBySpec> OrderBy,
    long? Limit,
    long? Offset,
    EquatableArray<InputOrderBySpec> InputOrderBy = default);

/// <summary>
/// One key of an <c>order by</c> over a join or an on-demand find that names an attribute of the input it does not
/// select (Siddhi falls back to the input, e.g. <c>order by AGG_TIMESTAMP</c>): then every key is an expression over the
/// input, and the input rows (a trigger's joined rows, the rows found) are ordered by the keys (stable) before selection.
/// </summary>
public sealed record InputOrderBySpec(ExpressionSpec Input, bool Descending);

/// <summary>Which events a query outputs (<c>insert [current|expired|all] events</c>).</summary>
public enum OutputEventType
{
    Current,
    Expired,
    All,
}

/// <summary>
/// <c>insert ... into Target</c>; the output rows are events of the target stream. <see cref="Action"/> is set
/// when the rows go to a table (insert, delete, update, update or insert) or only to callbacks (<c>return</c>).
/// </summary>
public sealed record OutputSpec(string TargetStream, OutputEventType EventType, OutputActionSpec? Action = null);
