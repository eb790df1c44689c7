using System;
using System.Globalization;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Turns a bound expression into a C# expression with Siddhi's semantics: values are nullable and
/// null propagates through arithmetic; comparisons with a null side are false except <c>!=</c>;
/// <c>and</c>/<c>or</c>/<c>not</c> treat null as false; integer arithmetic wraps like Java's;
/// division and modulo by zero give null.
/// </summary>
internal sealed class ExpressionEmitter
{
    private const string Ops = "global::SiddhiGen.Runtime.SiddhiOps";

    /// <summary>Where the expression reads from.</summary>
    /// <param name="input">The input event's payload, e.g. <c>ev.Data</c>.</param>
    /// <param name="output">The selected row, e.g. <c>row</c> (for <c>having</c> and <c>order by</c>).</param>
    /// <param name="aggregates">The aggregator holder, e.g. <c>this</c> or <c>group</c>.</param>
    public ExpressionEmitter(string input, string output, string aggregates)
    {
        Input = input;
        Output = output;
        Aggregates = aggregates;
    }

    public string Input { get; }

    public string Output { get; }

    public string Aggregates { get; }

    /// <summary>The table row a condition is matched against (<c>T.attr</c> in <c>on</c>, <c>set</c> and <c>in</c>).</summary>
    public string Store { get; init; } = "store";

    /// <summary>What holds the table fields <c>in</c> reads: empty inside an operator, <c>_query.</c> in its side classes.</summary>
    public string TableOwner { get; init; } = string.Empty;

    /// <summary>In a pattern: the C# read of an indexed attribute (<c>e1[0].price</c>) of a counting slot, or null for the plain read.</summary>
    public System.Func<StateAttributeRefSpec, string?>? CollectedAttribute { get; init; }

    /// <summary>In a pattern's selector: the C# list of a counting slot's values (<c>e1.price</c> of <c>e1=A&lt;2:5&gt;</c>).</summary>
    public System.Func<StateCollectedValuesSpec, string?>? CollectedValues { get; init; }

    /// <summary>In a pattern: the C# test that a slot holds no event (<c>e2 is null</c>), or null where every slot is filled.</summary>
    public System.Func<int, string?>? SlotIsEmpty { get; init; }

    /// <summary>The event being processed (its timestamp is <c>eventTimestamp()</c>).</summary>
    public string Event => Input.EndsWith(".Data", StringComparison.Ordinal) ? Input.Substring(0, Input.Length - 5) : Input;

    /// <summary>A C# boolean expression that is true only when the Siddhi condition is true (null counts as false).</summary>
    public string Condition(ExpressionSpec condition)
    {
        var code = Emit(condition);
        return IsNullable(condition) ? $"{Parenthesize(code)} == true" : code;
    }

    public string Emit(ExpressionSpec expression) => expression switch
    {
        ConstantSpec c => Constant(c),
        AttributeRefSpec a => (a.Source == RowSource.Output ? Output : Input) + "." + a.PropertyName,
        AggregateRefSpec g => $"{Aggregates}.Aggregator{g.Index.ToString(CultureInfo.InvariantCulture)}.Value",
        NotSpec n => "!" + Parenthesize(Condition(n.Operand)),
        IsNullSpec i => IsNullable(i.Operand) ? $"{Parenthesize(Emit(i.Operand))} is null" : "false",
        BinarySpec b => Binary(b),
        FunctionCallSpec f => Function(f),
        ExtensionCallSpec x => ExtensionEmitter.Call(x, this),
        ScriptCallSpec s => ScriptEmitter.Call(s, this),
        WindowEventAttributeSpec a => WindowExpressionEmitter.EventName(a.Event) + ".Data." + a.PropertyName,
        WindowEventTimestampSpec t => WindowExpressionEmitter.EventName(t.Event) + ".Timestamp",
        StoreAttributeRefSpec s => Store + "." + s.PropertyName,
        InTableSpec t => InTable(t),
        StateAttributeRefSpec s => CollectedAttribute?.Invoke(s) ?? Input + "." + s.PropertyName, // the property is the slot's path and the attribute
        StateCollectedValuesSpec c => CollectedValues?.Invoke(c) ?? throw new InvalidOperationException("Collected values outside a pattern selector"),
        StateEventIsNullSpec n => n.Event < 0 ? "true" : SlotIsEmpty?.Invoke(n.Event) ?? "false",
        LogSpec log => $"_log.Log({(log.Priority is null ? "null" : Emit(log.Priority))}, {(log.Message is null ? "null" : Emit(log.Message))}, {(log.LogEvent ? Input + ".ToRow()" : "null")}, {Event}.Timestamp)",
        _ => throw new InvalidOperationException("Unknown expression " + expression.GetType().Name),
    };

    /// <summary>True when the C# value may be null (attribute values, aggregates, arithmetic over them).</summary>
    public static bool IsNullable(ExpressionSpec expression) => expression switch
    {
        ConstantSpec => false,
        NotSpec or IsNullSpec or LogSpec or WindowEventTimestampSpec or InTableSpec or StateEventIsNullSpec => false,
        FunctionCallSpec f when f.Name.StartsWith("instanceOf", StringComparison.Ordinal) || f.Name is "UUID" or "currentTimeMillis" or "eventTimestamp" or "createSet" or "sizeOfSet" => false,
        BinarySpec b when IsLogicalOrComparison(b.Operator) => false,
        BinarySpec b when b.Operator is BinaryOperator.Divide or BinaryOperator.Modulo => true,
        BinarySpec b => IsNullable(b.Left) || IsNullable(b.Right),
        _ => true,
    };

    private static bool IsLogicalOrComparison(BinaryOperator op) => op >= BinaryOperator.Less;

    private string Binary(BinarySpec b)
    {
        var left = Promote(b.Left, b.OperandType);
        var right = Promote(b.Right, b.OperandType);
        return b.Operator switch
        {
            BinaryOperator.And => $"{Parenthesize(Condition(b.Left))} && {Parenthesize(Condition(b.Right))}",
            BinaryOperator.Or => $"{Parenthesize(Condition(b.Left))} || {Parenthesize(Condition(b.Right))}",
            BinaryOperator.Equal => $"{Ops}.Equal({left}, {right})",
            BinaryOperator.NotEqual => $"!{Ops}.Equal({left}, {right})",
            BinaryOperator.Less => $"{Parenthesize(left)} < {Parenthesize(right)}",
            BinaryOperator.LessOrEqual => $"{Parenthesize(left)} <= {Parenthesize(right)}",
            BinaryOperator.Greater => $"{Parenthesize(left)} > {Parenthesize(right)}",
            BinaryOperator.GreaterOrEqual => $"{Parenthesize(left)} >= {Parenthesize(right)}",
            BinaryOperator.Divide => $"{Ops}.Divide({left}, {right})",
            BinaryOperator.Modulo => $"{Ops}.Modulo({left}, {right})",
            BinaryOperator.Add => Arithmetic(left, "+", right, b.OperandType),
            BinaryOperator.Subtract => Arithmetic(left, "-", right, b.OperandType),
            BinaryOperator.Multiply => Arithmetic(left, "*", right, b.OperandType),
            _ => throw new InvalidOperationException("Unknown operator " + b.Operator),
        };
    }

    private static string Arithmetic(string left, string op, string right, AttributeType type)
    {
        var code = $"{Parenthesize(left)} {op} {Parenthesize(right)}";

        // Java wraps int and long overflow; a project built with checked arithmetic must not throw here.
        return type is AttributeType.Int or AttributeType.Long ? $"unchecked({code})" : code;
    }

    /// <summary>Converts an operand to the type the operator works in (int to long, long to float, ...).</summary>
    private string Promote(ExpressionSpec operand, AttributeType target)
    {
        var code = Emit(operand);
        if (operand.Type == target || target is AttributeType.String or AttributeType.Bool or AttributeType.Object)
        {
            return code;
        }

        if (operand is ConstantSpec { Type: AttributeType.Int or AttributeType.Long } integral)
        {
            // An integral literal is written directly in the wider type: 10 compared with a double is 10D.
            return Constant(integral with { Type = target });
        }

        return operand is ConstantSpec ? $"({TypeNames.Plain(target)}){Parenthesize(code)}" : $"({TypeNames.Nullable(target)}){Parenthesize(code)}";
    }

    /// <summary><c>cond in T</c>: a scan of T's rows with a generated predicate over (table row, input).</summary>
    private string InTable(InTableSpec t)
    {
        var inner = new ExpressionEmitter("input", Output, Aggregates) { Store = "store", TableOwner = TableOwner };
        if (t.IsStore)
        {
            // A store answers with parameterized SQL; the C# condition backs what SQL cannot express.
            var sql = new SqlConditionEmitter(StoreTableEmitter.StoreColumn, inner).Where(new[] { t.Condition });
            return $"{StoreTableEmitter.ContainsMethod}({TableOwner}{TableEmitter.Field(t.Table)}, {Input}, {StoreTableEmitter.Literal(sql.Sql)}, {(sql.IsExact ? "true" : "false")}, "
                + $"(store, input) => {inner.Condition(t.Condition)}{StoreTableEmitter.Parameters(sql.Parameters, "input")})";
        }

        return $"{TableOwner}{TableEmitter.Field(t.Table)}.Any({Input}, (store, input) => {inner.Condition(t.Condition)})";
    }

    private string Function(FunctionCallSpec f) => FunctionEmitter.Emit(f, this);

    private static string Constant(ConstantSpec c) => c.Type switch
    {
        AttributeType.String => SourceWriter.StringLiteral(c.Value),
        AttributeType.Long => c.Value + "L",
        AttributeType.Float => FloatLiteral(c.Value, "F"),
        AttributeType.Double => FloatLiteral(c.Value, "D"),
        AttributeType.Bool => c.Value.ToLowerInvariant(),
        _ => c.Value,
    };

    private static string FloatLiteral(string value, string suffix) => value switch
    {
        "NaN" => suffix == "F" ? "float.NaN" : "double.NaN",
        "Infinity" => suffix == "F" ? "float.PositiveInfinity" : "double.PositiveInfinity",
        "-Infinity" => suffix == "F" ? "float.NegativeInfinity" : "double.NegativeInfinity",
        _ => value + suffix,
    };

    /// <summary>Wraps code in parentheses unless it is a simple name, member access or literal.</summary>
    public static string Parenthesize(string code)
    {
        foreach (var c in code)
        {
            if (!(char.IsLetterOrDigit(c) || c == '.' || c == '_'))
            {
                return "(" + code + ")";
            }
        }

        return code;
    }
}
