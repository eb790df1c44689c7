using SiddhiGen.Runtime;

namespace SiddhiGen.Generator.Tests.OnDemand;

/// <summary>
/// The runtime's interpreter must mean exactly what the generated C# means. Each expression is selected twice over
/// the same rows: by a generated query (the emitter's code) and by an on-demand query over a named window holding
/// those rows (the interpreter); every value must be equal and of the same type.
/// </summary>
public sealed class InterpreterAgreementTests
{
    private static readonly string[] s_expressions =
    [
        // Arithmetic: widening, Java wrap-around, division and modulo by zero give null, nulls propagate.
        "i + i2", "i - i2", "i * i2", "i / i2", "i % i2", "i + 2147483647", "l * 3", "l + i", "l / i2", "l % i2",
        "f + i", "f * d", "f / i2", "d / d2", "d % d2", "i / 0", "d / 0", "f % 0", "-5 % 3", "10 / 3", "(i + l) * f - d",
        "i * 1.5", "l * 2.5f", "i + 1L",

        // Comparisons: null sides are false except !=; float against double widens the float.
        "i > i2", "i >= 1", "i == i2", "i != i2", "f == d", "f < d", "f == 1.5", "l <= i", "d != d2",
        "s == 'a'", "s != 'a'", "b == true", "b != false",

        // Logic: null counts as false.
        "b and i > 0", "b or i > 0", "not b", "not (i > i2)", "i is null", "s is null", "not (s == 'a')",

        // Functions.
        "coalesce(s, 'x')", "coalesce(i, i2, 5)", "default(i, 7)", "default(d, 0.5)", "ifThenElse(b, i, i2)",
        "ifThenElse(i > 0, s, 'neg')", "maximum(i, i2, 3)", "minimum(d, d2)", "maximum(f, 1.0f)",
        "convert(d, 'int')", "convert(d, 'long')", "convert(s, 'double')", "convert(i, 'string')", "convert(f, 'string')",
        "convert(d, 'string')", "convert(b, 'int')", "convert(s, 'bool')", "convert(i, 'float')", "cast(l, 'double')",
        "cast(i, 'long')", "instanceOfInteger(i)", "instanceOfString(s)", "instanceOfDouble(f)", "instanceOfFloat(f)",
        "eventTimestamp()", "sizeOfSet(createSet(s))",
    ];

    private static readonly object?[][] s_rows =
    [
        [1, 10L, 1.5f, 2.5, "a", true, 2, 0.5],
        [-7, -3L, -0.1f, 0.1, "b", false, 3, -2.0],
        [int.MaxValue, long.MaxValue, 3.4e38f, 1e308, "a", true, -1, 0.0],
        [int.MinValue, long.MinValue, float.NaN, double.NaN, null, null, -1, double.NaN],
        [null, null, null, null, null, null, null, null],
        [0, 0L, 0f, 0.0, string.Empty, false, 0, 0.0],
        [5, 7L, float.PositiveInfinity, double.NegativeInfinity, "1.5", true, null, 3.0],
    ];

    [Test]
    public void EveryExpressionGivesTheSameValuesAsTheGeneratedCode()
    {
        const string schema = "(i int, l long, f float, d double, s string, b bool, i2 int, d2 double)";
        var app = "define stream S " + schema + ";\ndefine window W " + schema + " length(100);\nfrom S insert into W;\n"
            + string.Concat(s_expressions.Select((e, n) => $"@info(name='q{n}') from S select {e} as v insert into O{n};\n"));

        var clock = new VirtualClock(1000);
        using var siddhi = GeneratedApp.Create(app, new SiddhiAppOptions { Clock = clock });
        var generated = s_expressions.Select(_ => new List<object?>()).ToArray();
        for (var n = 0; n < s_expressions.Length; n++)
        {
            var values = generated[n];
            siddhi.SubscribeQuery("q" + n, r => values.AddRange(r.Current.Select(row => row[0])));
        }

        siddhi.Start();
        for (var t = 0; t < s_rows.Length; t++)
        {
            clock.AdvanceTo(1000 + t);
            siddhi.Send("S", 1000 + t, (object?[])s_rows[t].Clone());
        }

        Assert.That(siddhi.ProcessingErrors, Is.Zero);
        Assert.Multiple(() =>
        {
            for (var n = 0; n < s_expressions.Length; n++)
            {
                var interpreted = siddhi.Query($"from W select {s_expressions[n]} as v").Select(row => row[0]).ToList();
                Assert.That(Describe(interpreted), Is.EqualTo(Describe(generated[n])), s_expressions[n]);
            }
        });
    }

    /// <summary>Each value with its type, so 1 (int) and 1 (long) differ, and sets by their contents.</summary>
    private static List<string> Describe(List<object?> values) =>
        values.Select(v => v switch
        {
            null => "null",
            HashSet<object?> set => "set[" + string.Join(",", set.Select(x => x ?? "null")) + "]",
            float f => "Single:" + f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            double d => "Double:" + d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => v.GetType().Name + ":" + f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => v.GetType().Name + ":" + v,
        }).ToList();
}
