namespace SiddhiGen.Generator.Model;

/// <summary>
/// A bound, typed expression. The emitter turns it into C# over the event struct; the binder has
/// already applied Siddhi's promotion rules, so every node knows its result type.
/// </summary>
public abstract record ExpressionSpec(AttributeType Type);

/// <summary>A literal; <see cref="Value"/> is its invariant text (a string literal's raw content).</summary>
public sealed record ConstantSpec(AttributeType Type, string Value) : ExpressionSpec(Type);

/// <summary>An attribute of the event being processed (<see cref="Source"/> says which row it reads).</summary>
public sealed record AttributeRefSpec(AttributeType Type, string Name, string PropertyName, RowSource Source) : ExpressionSpec(Type);

/// <summary>Which row an attribute reference reads.</summary>
public enum RowSource
{
    /// <summary>The input event of the query.</summary>
    Input,

    /// <summary>The selected output row (<c>having</c>, <c>order by</c>).</summary>
    Output,
}

/// <summary>An arithmetic, comparison or logical operator; operands are already promoted to <see cref="OperandType"/>.</summary>
public sealed record BinarySpec(AttributeType Type, BinaryOperator Operator, ExpressionSpec Left, ExpressionSpec Right, AttributeType OperandType) : ExpressionSpec(Type);

public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
}

/// <summary><c>not x</c>: true when x is false or null.</summary>
public sealed record NotSpec(ExpressionSpec Operand) : ExpressionSpec(AttributeType.Bool);

/// <summary><c>x is null</c>.</summary>
public sealed record IsNullSpec(ExpressionSpec Operand) : ExpressionSpec(AttributeType.Bool);

/// <summary>A built-in function call, by its Siddhi name.</summary>
public sealed record FunctionCallSpec(AttributeType Type, string Name, EquatableArray<ExpressionSpec> Arguments) : ExpressionSpec(Type);

/// <summary>The current value of the query's aggregator number <see cref="Index"/>.</summary>
public sealed record AggregateRefSpec(AttributeType Type, int Index) : ExpressionSpec(Type);

/// <summary>
/// The <c>#log</c> stream function, fused into the filter chain: it logs the event and is always true.
/// </summary>
public sealed record LogSpec(ExpressionSpec? Priority, ExpressionSpec? Message, bool LogEvent) : ExpressionSpec(AttributeType.Bool);
