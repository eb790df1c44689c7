using SiddhiGen.Generator;
using SiddhiGen.Generator.Model;
using SiddhiGen.Runtime.Evaluator;

namespace SiddhiGen.Runtime.Tests.Evaluator;

/// <summary>
/// The interpreter over hand-built bound expressions: Siddhi's semantics as the generated code has them (the
/// generator tests compare it with generated code over many expressions; these pin the edge cases one by one).
/// </summary>
public sealed class ExpressionCompilerTests
{
    private static readonly string[] s_input = ["i", "l", "f", "d", "s", "b"];

    private static AttributeRefSpec I => new(AttributeType.Int, "i", "I", RowSource.Input);

    private static AttributeRefSpec L => new(AttributeType.Long, "l", "L", RowSource.Input);

    private static AttributeRefSpec F => new(AttributeType.Float, "f", "F", RowSource.Input);

    private static AttributeRefSpec D => new(AttributeType.Double, "d", "D", RowSource.Input);

    private static AttributeRefSpec Str => new(AttributeType.String, "s", "S", RowSource.Input);

    private static AttributeRefSpec B => new(AttributeType.Bool, "b", "B", RowSource.Input);

    private static ConstantSpec Int(int value) => new(AttributeType.Int, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static ConstantSpec Double(string value) => new(AttributeType.Double, value);

    private static BinarySpec Op(BinaryOperator op, ExpressionSpec left, ExpressionSpec right)
    {
        var operand = new[] { left.Type, right.Type }.Max();
        var type = op >= BinaryOperator.Less ? AttributeType.Bool : operand;
        return new BinarySpec(type, op, left, right, operand);
    }

    private static object? Eval(ExpressionSpec expression, params object?[] row)
    {
        var frame = new EvaluationFrame { Input = row.Length == 0 ? new object?[6] : row, Timestamp = 42 };
        return new ExpressionCompiler(s_input, null, new VirtualClock(7)).Compile(expression)(frame);
    }

    private static object?[] Row(int? i = null, long? l = null, float? f = null, double? d = null, string? s = null, bool? b = null) => [i, l, f, d, s, b];

    [Test]
    public void IntAndLongArithmeticWrapsAsInJava()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Eval(Op(BinaryOperator.Add, I, Int(1)), Row(i: int.MaxValue)), Is.EqualTo(int.MinValue));
            Assert.That(Eval(Op(BinaryOperator.Multiply, L, L), Row(l: long.MaxValue)), Is.EqualTo(1L));
            Assert.That(Eval(Op(BinaryOperator.Divide, I, Int(-1)), Row(i: int.MinValue)), Is.EqualTo(int.MinValue));
            Assert.That(Eval(Op(BinaryOperator.Modulo, I, Int(-1)), Row(i: int.MinValue)), Is.EqualTo(0));
            Assert.That(Eval(Op(BinaryOperator.Modulo, Int(-7), Int(3))), Is.EqualTo(-1));
            Assert.That(Eval(Op(BinaryOperator.Divide, Int(7), Int(2))), Is.EqualTo(3));
        });
    }

    [Test]
    public void DivisionAndModuloByZeroAreNullForEveryType()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Eval(Op(BinaryOperator.Divide, I, Int(0)), Row(i: 5)), Is.Null);
            Assert.That(Eval(Op(BinaryOperator.Divide, D, Double("0.0")), Row(d: 5)), Is.Null);
            Assert.That(Eval(Op(BinaryOperator.Modulo, F, Int(0)), Row(f: 5)), Is.Null);
        });
    }

    [Test]
    public void OperandsAreWidenedToTheOperatorsType()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Eval(Op(BinaryOperator.Add, I, L), Row(i: 1, l: 2)), Is.TypeOf<long>().And.EqualTo(3L));
            Assert.That(Eval(Op(BinaryOperator.Multiply, L, F), Row(l: 3, f: 0.5f)), Is.TypeOf<float>().And.EqualTo(1.5f));
            Assert.That(Eval(Op(BinaryOperator.Add, F, D), Row(f: 0.1f, d: 0)), Is.TypeOf<double>().And.EqualTo((double)0.1f));

            // 0.1f widened to double is not 0.1: Siddhi's float-against-double comparison is false.
            Assert.That(Eval(Op(BinaryOperator.Equal, F, Double("0.1")), Row(f: 0.1f)), Is.EqualTo(false));
        });
    }

    [Test]
    public void NullPropagatesThroughArithmeticAndComparisonsAreFalseExceptNotEqual()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Eval(Op(BinaryOperator.Add, I, Int(1)), Row()), Is.Null);
            Assert.That(Eval(Op(BinaryOperator.Less, I, Int(1)), Row()), Is.EqualTo(false));
            Assert.That(Eval(Op(BinaryOperator.GreaterOrEqual, I, Int(1)), Row()), Is.EqualTo(false));
            Assert.That(Eval(Op(BinaryOperator.Equal, I, Int(1)), Row()), Is.EqualTo(false));
            Assert.That(Eval(Op(BinaryOperator.NotEqual, I, Int(1)), Row()), Is.EqualTo(true));
            Assert.That(Eval(Op(BinaryOperator.NotEqual, Str, new ConstantSpec(AttributeType.String, "x")), Row()), Is.EqualTo(true));
            Assert.That(Eval(Op(BinaryOperator.Equal, Str, new ConstantSpec(AttributeType.String, "x")), Row(s: "x")), Is.EqualTo(true));
        });
    }

    [Test]
    public void LogicTreatsNullAsFalse()
    {
        var isOne = Op(BinaryOperator.Equal, I, Int(1));
        Assert.Multiple(() =>
        {
            Assert.That(Eval(new NotSpec(B), Row()), Is.EqualTo(true));
            Assert.That(Eval(Op(BinaryOperator.And, B, isOne), Row(i: 1)), Is.EqualTo(false));
            Assert.That(Eval(Op(BinaryOperator.Or, B, isOne), Row(i: 1)), Is.EqualTo(true));
            Assert.That(Eval(new IsNullSpec(B), Row()), Is.EqualTo(true));
            Assert.That(Eval(new IsNullSpec(I), Row(i: 0)), Is.EqualTo(false));
        });
    }

    [Test]
    public void FunctionsFollowTheRuntimesHelpers()
    {
        ExpressionSpec Call(AttributeType type, string name, params ExpressionSpec[] args) => new FunctionCallSpec(type, name, new EquatableArray<ExpressionSpec>(args));
        var intType = new ConstantSpec(AttributeType.String, "int");
        Assert.Multiple(() =>
        {
            Assert.That(Eval(Call(AttributeType.String, "coalesce", Str, new ConstantSpec(AttributeType.String, "x")), Row()), Is.EqualTo("x"));
            Assert.That(Eval(Call(AttributeType.Int, "default", I, Int(7)), Row()), Is.EqualTo(7));
            Assert.That(Eval(Call(AttributeType.Int, "ifThenElse", B, I, Int(3)), Row(i: 1)), Is.EqualTo(3));
            Assert.That(Eval(Call(AttributeType.Int, "maximum", I, Int(3), Int(9)), Row()), Is.EqualTo(9));
            Assert.That(Eval(Call(AttributeType.Int, "convert", D, intType), Row(d: 45.9)), Is.EqualTo(45));
            Assert.That(Eval(Call(AttributeType.Bool, "convert", Str, new ConstantSpec(AttributeType.String, "bool")), Row()), Is.EqualTo(false));
            Assert.That(Eval(Call(AttributeType.Bool, "instanceOfLong", L), Row(l: 1)), Is.EqualTo(true));
            Assert.That(Eval(Call(AttributeType.Long, "eventTimestamp")), Is.EqualTo(42L));
            Assert.That(Eval(Call(AttributeType.Long, "currentTimeMillis")), Is.EqualTo(7L));
            Assert.That(Eval(Call(AttributeType.Int, "sizeOfSet", Call(AttributeType.Object, "createSet", Str)), Row(s: "a")), Is.EqualTo(1));
        });
    }

    [Test]
    public void OnlyTheChosenBranchOfIfThenElseIsEvaluated()
    {
        // cast('a' as int) would throw; the branch is not taken.
        var failing = new FunctionCallSpec(AttributeType.Int, "cast", new EquatableArray<ExpressionSpec>([Str]));
        var spec = new FunctionCallSpec(AttributeType.Int, "ifThenElse", new EquatableArray<ExpressionSpec>([B, Int(1), failing]));
        Assert.Multiple(() =>
        {
            Assert.That(Eval(spec, Row(s: "a", b: true)), Is.EqualTo(1));
            Assert.Throws<InvalidCastException>(() => Eval(spec, Row(s: "a", b: false)));
        });
    }

    [Test]
    public void ConstructsWithoutARuntimeMeaningHereAreNamed()
    {
        var ex = Assert.Throws<NotSupportedException>(() => Eval(new ScriptCallSpec(AttributeType.Int, "f", EquatableArray<ExpressionSpec>.Empty)))!;
        Assert.That(ex.Message, Does.Contain("script function 'f'"));
    }

    [Test]
    public void AggregatorsAreTheRuntimesAggregators()
    {
        var sum = DynamicAggregators.Create(new AggregatorSpec(0, "sum", I, AttributeType.Long));
        var min = DynamicAggregators.Create(new AggregatorSpec(0, "min", D, AttributeType.Double));
        var distinct = DynamicAggregators.Create(new AggregatorSpec(0, "distinctCount", Str, AttributeType.Long));
        sum.Add(1);
        sum.Add(null);
        sum.Add(2);
        min.Add(3.0);
        min.Add(1.0);
        min.Remove(1.0);
        distinct.Add("a");
        distinct.Add(null);
        distinct.Add("a");
        Assert.Multiple(() =>
        {
            Assert.That(sum.Value, Is.TypeOf<long>().And.EqualTo(3L));
            Assert.That(min.Value, Is.EqualTo(3.0));
            Assert.That(distinct.Value, Is.EqualTo(2L));
        });
        sum.Remove(1);
        sum.Remove(2);
        Assert.That(sum.Value, Is.Null, "sum is null once every value has left");
    }
}
