using System.Numerics;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Runtime.Evaluator;

/// <summary>
/// The interpreter of bound expressions (<see cref="ExpressionSpec"/> trees): each node becomes a closure over the
/// closures of its children, evaluated against an <see cref="EvaluationFrame"/>. The semantics are exactly those of
/// the generated code (<c>ExpressionEmitter</c>, <c>FunctionEmitter</c> and the runtime's <see cref="SiddhiOps"/> and
/// <see cref="SiddhiFunctions"/>): null propagates through arithmetic; comparisons with a null side are false and
/// <c>!=</c> is true; <c>and</c>, <c>or</c> and <c>not</c> treat null as false; int and long arithmetic wraps as in
/// Java; division and modulo by zero give null; operands are widened to the operator's type first.
/// </summary>
/// <remarks>
/// Values are boxed with the CLR type of their attribute type (<c>int</c>, <c>long</c>, <c>float</c>, <c>double</c>,
/// <c>bool</c>, <c>string</c>, any object). Names are resolved when compiling, so evaluation indexes arrays only.
/// Constructs that have no meaning outside a generated query (<c>#log</c>, <c>in</c> a table, script functions,
/// pattern events) throw <see cref="NotSupportedException"/> naming the construct.
/// </remarks>
internal sealed class ExpressionCompiler
{
    private readonly IReadOnlyList<string> _input;
    private readonly IReadOnlyList<string>? _output;
    private readonly AppClock? _clock;

    /// <param name="input">The attribute names of the row being evaluated, in positional order.</param>
    /// <param name="output">The names of the selected attributes (for <c>having</c>), or null outside a selector.</param>
    /// <param name="clock">The app clock, for <c>currentTimeMillis()</c>.</param>
    public ExpressionCompiler(IReadOnlyList<string> input, IReadOnlyList<string>? output, AppClock? clock)
    {
        _input = input;
        _output = output;
        _clock = clock;
    }

    /// <summary>What the compiled expressions read: the input row, the first/last window events, the output row.</summary>
    public RowUse Uses { get; private set; }

    /// <summary>Compiles a condition: true only when the expression is true (null counts as false).</summary>
    public Func<EvaluationFrame, bool> CompileCondition(ExpressionSpec condition)
    {
        var compiled = Compile(condition);
        return frame => compiled(frame) is true;
    }

    public Func<EvaluationFrame, object?> Compile(ExpressionSpec expression) => expression switch
    {
        ConstantSpec c => Constant(Values.Parse(c)),
        AttributeRefSpec { Source: RowSource.Output } a => OutputAttribute(a.Name),
        AttributeRefSpec a => InputAttribute(a.Name),
        StoreAttributeRefSpec s => InputAttribute(s.Name),
        WindowEventAttributeSpec w => WindowEventAttribute(w),
        WindowEventTimestampSpec t => WindowEventTimestamp(t.Event),
        AggregateRefSpec g => Aggregate(g.Index),
        NotSpec n => Not(CompileCondition(n.Operand)),
        IsNullSpec i => IsNull(Compile(i.Operand)),
        BinarySpec b => Binary(b),
        FunctionCallSpec f => Function(f),
        LogSpec => throw Unsupported("the #log stream function"),
        InTableSpec t => throw Unsupported("'in " + t.Table + "' (a table condition)"),
        ScriptCallSpec s => throw Unsupported("script function '" + s.Function + "'"),
        ExtensionCallSpec x => throw Unsupported("extension function '" + x.Function.FullName + "'"),
        _ => throw Unsupported("expression " + expression.GetType().Name),
    };

    private static NotSupportedException Unsupported(string construct) => new(construct + " is not supported here yet.");

    private static Func<EvaluationFrame, object?> Constant(object value) => _ => value;

    private Func<EvaluationFrame, object?> InputAttribute(string name)
    {
        var index = IndexOf(_input, name, "input");
        Uses |= RowUse.Input;
        return frame => frame.Input[index];
    }

    private Func<EvaluationFrame, object?> OutputAttribute(string name)
    {
        var index = IndexOf(_output ?? throw new InvalidOperationException($"'{name}' reads a selected attribute outside a selector."), name, "output");
        Uses |= RowUse.Output;
        return frame => frame.Output![index];
    }

    private Func<EvaluationFrame, object?> WindowEventAttribute(WindowEventAttributeSpec attribute)
    {
        var index = IndexOf(_input, attribute.Name, "input");
        if (attribute.Event == WindowEvent.First)
        {
            Uses |= RowUse.First;
            return frame => frame.First![index];
        }

        Uses |= RowUse.Last;
        return frame => frame.Last![index];
    }

    private static Func<EvaluationFrame, object?> WindowEventTimestamp(WindowEvent windowEvent) =>
        windowEvent == WindowEvent.First ? frame => frame.FirstTimestamp : frame => frame.LastTimestamp;

    private static Func<EvaluationFrame, object?> Aggregate(int index) => frame => frame.Aggregators[index].Value;

    private static Func<EvaluationFrame, object?> Not(Func<EvaluationFrame, bool> operand) => frame => !operand(frame);

    private static Func<EvaluationFrame, object?> IsNull(Func<EvaluationFrame, object?> operand) => frame => operand(frame) is null;

    private static int IndexOf(IReadOnlyList<string> names, string name, string row)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Attribute '{name}' is not in the {row} row ({string.Join(", ", names)}).");
    }

    private Func<EvaluationFrame, object?> Binary(BinarySpec b)
    {
        if (b.Operator == BinaryOperator.And)
        {
            var l = CompileCondition(b.Left);
            var r = CompileCondition(b.Right);
            return frame => l(frame) && r(frame);
        }

        if (b.Operator == BinaryOperator.Or)
        {
            var l = CompileCondition(b.Left);
            var r = CompileCondition(b.Right);
            return frame => l(frame) || r(frame);
        }

        var left = Promote(b.Left, b.OperandType);
        var right = Promote(b.Right, b.OperandType);
        return b.OperandType switch
        {
            AttributeType.Int => Numeric<int>(b.Operator, left, right, static (x, y) => unchecked(x + y), static (x, y) => unchecked(x - y), static (x, y) => unchecked(x * y), static (x, y) => SiddhiOps.Divide(x, y), static (x, y) => SiddhiOps.Modulo(x, y)),
            AttributeType.Long => Numeric<long>(b.Operator, left, right, static (x, y) => unchecked(x + y), static (x, y) => unchecked(x - y), static (x, y) => unchecked(x * y), static (x, y) => SiddhiOps.Divide(x, y), static (x, y) => SiddhiOps.Modulo(x, y)),
            AttributeType.Float => Numeric<float>(b.Operator, left, right, static (x, y) => x + y, static (x, y) => x - y, static (x, y) => x * y, static (x, y) => SiddhiOps.Divide(x, y), static (x, y) => SiddhiOps.Modulo(x, y)),
            AttributeType.Double => Numeric<double>(b.Operator, left, right, static (x, y) => x + y, static (x, y) => x - y, static (x, y) => x * y, static (x, y) => SiddhiOps.Divide(x, y), static (x, y) => SiddhiOps.Modulo(x, y)),
            AttributeType.String => Equality(b.Operator, left, right, static (x, y) => SiddhiOps.Equal((string?)x, (string?)y)),
            AttributeType.Bool => Equality(b.Operator, left, right, static (x, y) => SiddhiOps.Equal((bool?)x, (bool?)y)),
            _ => Equality(b.Operator, left, right, static (x, y) => SiddhiOps.Equal(x, y)),
        };
    }

    /// <summary>An operand converted to the operator's type, as generated code casts it (int to long, long to float, ...).</summary>
    private Func<EvaluationFrame, object?> Promote(ExpressionSpec operand, AttributeType target)
    {
        var compiled = Compile(operand);
        if (operand.Type == target || target is AttributeType.String or AttributeType.Bool or AttributeType.Object)
        {
            return compiled;
        }

        if (operand is ConstantSpec constant)
        {
            var widened = Values.Widen(Values.Parse(constant), target);
            return _ => widened;
        }

        return frame => Values.Widen(compiled(frame), target);
    }

    private static Func<EvaluationFrame, object?> Numeric<T>(
        BinaryOperator op,
        Func<EvaluationFrame, object?> left,
        Func<EvaluationFrame, object?> right,
        Func<T, T, T> add,
        Func<T, T, T> subtract,
        Func<T, T, T> multiply,
        Func<T?, T?, T?> divide,
        Func<T?, T?, T?> modulo)
        where T : struct, INumber<T>
    {
        // Both operands are evaluated (left first) whatever their values, as the generated C# does.
        return op switch
        {
            BinaryOperator.Add => Arithmetic(add),
            BinaryOperator.Subtract => Arithmetic(subtract),
            BinaryOperator.Multiply => Arithmetic(multiply),
            BinaryOperator.Divide => frame => divide((T?)left(frame), (T?)right(frame)),
            BinaryOperator.Modulo => frame => modulo((T?)left(frame), (T?)right(frame)),
            BinaryOperator.Less => Comparison(static (x, y) => x < y),
            BinaryOperator.LessOrEqual => Comparison(static (x, y) => x <= y),
            BinaryOperator.Greater => Comparison(static (x, y) => x > y),
            BinaryOperator.GreaterOrEqual => Comparison(static (x, y) => x >= y),
            BinaryOperator.Equal => Comparison(static (x, y) => x == y),
            BinaryOperator.NotEqual => frame =>
            {
                var a = left(frame);
                var b = right(frame);
                return !(a is T x && b is T y && x == y);
            },
            _ => throw new InvalidOperationException("Unknown operator " + op),
        };

        Func<EvaluationFrame, object?> Arithmetic(Func<T, T, T> operation) => frame =>
        {
            var a = left(frame);
            var b = right(frame);
            return a is T x && b is T y ? operation(x, y) : null;
        };

        Func<EvaluationFrame, object?> Comparison(Func<T, T, bool> compare) => frame =>
        {
            var a = left(frame);
            var b = right(frame);
            return a is T x && b is T y && compare(x, y);
        };
    }

    private static Func<EvaluationFrame, object?> Equality(BinaryOperator op, Func<EvaluationFrame, object?> left, Func<EvaluationFrame, object?> right, Func<object?, object?, bool> equal) => op switch
    {
        BinaryOperator.Equal => frame => equal(left(frame), right(frame)),
        BinaryOperator.NotEqual => frame => !equal(left(frame), right(frame)),
        _ => throw new InvalidOperationException($"Operator {op} does not apply to these operands."),
    };

    private Func<EvaluationFrame, object?> Function(FunctionCallSpec f)
    {
        var args = f.Arguments.Select(Compile).ToArray();
        switch (f.Name)
        {
            case "coalesce":
                // a ?? b ?? c: later arguments are evaluated only while the earlier ones are null.
                return frame =>
                {
                    foreach (var argument in args)
                    {
                        if (argument(frame) is { } value)
                        {
                            return value;
                        }
                    }

                    return null;
                };
            case "default":
            {
                var value = args[0];
                var fallback = args[1];
                var type = f.Type;
                return frame => Values.Widen(value(frame), type) ?? Values.Widen(fallback(frame), type);
            }

            case "ifThenElse":
            {
                // Lazy, as in Siddhi: only the chosen branch is evaluated.
                var condition = CompileCondition(f.Arguments[0]);
                var then = args[1];
                var otherwise = args[2];
                return frame => condition(frame) ? then(frame) : otherwise(frame);
            }

            case "maximum":
            case "minimum":
            {
                var sign = f.Name == "maximum" ? 1 : -1;
                return frame =>
                {
                    object? best = null;
                    foreach (var argument in args)
                    {
                        if (argument(frame) is IComparable value && (best is null || sign * value.CompareTo(best) > 0))
                        {
                            best = value;
                        }
                    }

                    return best;
                };
            }

            case "convert":
            {
                var value = args[0];
                Func<object?, object?> convert = f.Type switch
                {
                    AttributeType.Int => static v => SiddhiFunctions.ConvertToInt(v),
                    AttributeType.Long => static v => SiddhiFunctions.ConvertToLong(v),
                    AttributeType.Float => static v => SiddhiFunctions.ConvertToFloat(v),
                    AttributeType.Double => static v => SiddhiFunctions.ConvertToDouble(v),
                    AttributeType.Bool => static v => SiddhiFunctions.ConvertToBool(v),
                    _ => static v => SiddhiFunctions.ConvertToString(v),
                };
                return frame => convert(value(frame));
            }

            case "cast":
            {
                var value = args[0];
                Func<object?, object?> cast = f.Type switch
                {
                    AttributeType.Int => static v => SiddhiFunctions.Cast<int>(v),
                    AttributeType.Long => static v => SiddhiFunctions.Cast<long>(v),
                    AttributeType.Float => static v => SiddhiFunctions.Cast<float>(v),
                    AttributeType.Double => static v => SiddhiFunctions.Cast<double>(v),
                    AttributeType.Bool => static v => SiddhiFunctions.Cast<bool>(v),
                    _ => static v => SiddhiFunctions.CastToString(v),
                };
                return frame => cast(value(frame));
            }

            case "instanceOfBoolean":
                return InstanceOf<bool>(args[0]);
            case "instanceOfDouble":
                return InstanceOf<double>(args[0]);
            case "instanceOfFloat":
                return InstanceOf<float>(args[0]);
            case "instanceOfInteger":
                return InstanceOf<int>(args[0]);
            case "instanceOfLong":
                return InstanceOf<long>(args[0]);
            case "instanceOfString":
                return InstanceOf<string>(args[0]);
            case "UUID":
                return static _ => SiddhiFunctions.Uuid();
            case "currentTimeMillis":
            {
                var clock = _clock ?? throw Unsupported("currentTimeMillis() without an app clock");
                return _ => clock.Now;
            }

            case "eventTimestamp" when args.Length == 0:
                return static frame => frame.Timestamp;
            case "createSet":
            {
                var value = args[0];
                return frame => SiddhiFunctions.CreateSet(value(frame));
            }

            case "sizeOfSet":
            {
                var value = args[0];
                return frame => SiddhiFunctions.SizeOfSet(value(frame));
            }

            default:
                throw Unsupported("function '" + f.Name + "'" + (f.Arguments.Count > 0 ? " with these arguments" : string.Empty));
        }
    }

    private static Func<EvaluationFrame, object?> InstanceOf<T>(Func<EvaluationFrame, object?> value) => frame => value(frame) is T;
}

/// <summary>Which rows compiled expressions read, so callers convert only those.</summary>
[Flags]
internal enum RowUse
{
    None = 0,
    Input = 1,
    Output = 2,
    First = 4,
    Last = 8,
}
