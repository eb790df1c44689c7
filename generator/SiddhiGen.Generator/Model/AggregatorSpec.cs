namespace SiddhiGen.Generator.Model;

/// <summary>
/// One aggregator of a selector (<c>avg(temp)</c>): its Siddhi name, argument and result type.
/// Its state lives per query, or per group with <c>group by</c>. <see cref="Extension"/> is set for an aggregator written in C#.
/// </summary>
public sealed record AggregatorSpec(int Index, string Name, ExpressionSpec? Argument, AttributeType ResultType, ExtensionAggregatorSpec? Extension = null);
