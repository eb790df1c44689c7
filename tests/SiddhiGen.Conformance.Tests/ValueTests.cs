using SiddhiGen.Conformance.Values;
using SiddhiGen.Runtime;
using static SiddhiGen.Conformance.Tests.TestCases;

namespace SiddhiGen.Conformance.Tests;

public class InputValuesTests
{
    [TestCase("5", SiddhiType.Int, 5)]
    [TestCase("5", SiddhiType.Long, 5L)]
    [TestCase("5.0", SiddhiType.Int, 5)]
    [TestCase("60.5", SiddhiType.Float, 60.5f)]
    [TestCase("55.6", SiddhiType.Float, 55.6f)]
    [TestCase("55.6", SiddhiType.Double, 55.6d)]
    [TestCase("700", SiddhiType.Double, 700d)]
    [TestCase("true", SiddhiType.Bool, true)]
    [TestCase("\"IBM\"", SiddhiType.String, "IBM")]
    [TestCase("null", SiddhiType.Int, null)]
    [TestCase("7", SiddhiType.Object, 7L)]
    [TestCase("7.5", SiddhiType.Object, 7.5d)]
    [TestCase("false", SiddhiType.Object, false)]
    [TestCase("\"x\"", SiddhiType.Object, "x")]
    [TestCase("\"True\"", SiddhiType.Bool, true)]
    [TestCase("\"notAvailable\"", SiddhiType.Bool, false)]
    [TestCase("\"90.3434\"", SiddhiType.Double, 90.3434d)]
    [TestCase("\"602\"", SiddhiType.Int, 602)]
    [TestCase("60232434.657", SiddhiType.Int, 60232434)]
    [TestCase("-7.9", SiddhiType.Long, -7L)]
    [TestCase("90.34344", SiddhiType.String, "90.34344")]
    [TestCase("1", SiddhiType.String, "1")]
    [TestCase("false", SiddhiType.String, "false")]
    public void ConvertsJsonToTheAttributeType(string json, SiddhiType type, object? expected)
    {
        var value = InputValues.Convert(Json(json), type);

        Assert.That(value, Is.EqualTo(expected));
        Assert.That(value?.GetType(), Is.EqualTo(expected?.GetType()));
    }

    [Test]
    public void ReadsNaNAndInfinitiesFromStrings()
    {
        Assert.That(InputValues.Convert(Json("\"NaN\""), SiddhiType.Double), Is.NaN);
        Assert.That(InputValues.Convert(Json("\"Infinity\""), SiddhiType.Float), Is.EqualTo(float.PositiveInfinity));
        Assert.That(InputValues.Convert(Json("\"-Infinity\""), SiddhiType.Double), Is.EqualTo(double.NegativeInfinity));
    }

    [TestCase("\"five\"", SiddhiType.Int)]
    [TestCase("true", SiddhiType.Long)]
    [TestCase("1", SiddhiType.Bool)]
    [TestCase("[1]", SiddhiType.String)]
    [TestCase("\"abc\"", SiddhiType.Double)]
    public void RejectsValuesThatCannotHaveTheType(string json, SiddhiType type) =>
        Assert.That(() => InputValues.Convert(Json(json), type), Throws.TypeOf<FormatException>());

    [Test]
    public void ConvertsARowByTheSchema()
    {
        var schema = new StreamSchema("S", [new("symbol", SiddhiType.String), new("price", SiddhiType.Float), new("volume", SiddhiType.Int)]);

        var row = InputValues.ConvertRow(Row("[\"IBM\", 700.0, 100]"), schema);

        Assert.That(row, Is.EqualTo(new object?[] { "IBM", 700f, 100 }));
        Assert.That(row.Select(v => v!.GetType()), Is.EqualTo(new[] { typeof(string), typeof(float), typeof(int) }));
    }
}

public class ValueComparerTests
{
    [Test]
    public void ComparesFloatsAs32BitValues()
    {
        Assert.That(ValueComparer.AreEqual(Json("55.6"), 55.6f), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("55.6"), 55.600002f), Is.False);
        Assert.That(ValueComparer.AreEqual(Json("26.333334"), 79f / 3f), Is.True);
    }

    [Test]
    public void ComparesDoublesExactly()
    {
        Assert.That(ValueComparer.AreEqual(Json("26.333333333333332"), 79d / 3d), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("55.6"), 55.6d), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("55.6"), (double)55.6f), Is.False, "a float widened to double is another double");
    }

    [Test]
    public void KeepsIntegersAndFractionsApart()
    {
        Assert.That(ValueComparer.AreEqual(Json("5"), 5), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("5"), 5L), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("5"), 5.0d), Is.False, "Java writes a double five as 5.0");
        Assert.That(ValueComparer.AreEqual(Json("5.0"), 5L), Is.False);
        Assert.That(ValueComparer.AreEqual(Json("5.0"), 5.0f), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("1.0E20"), 1e20d), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("9223372036854775807"), long.MaxValue), Is.True);
    }

    [Test]
    public void ComparesNullsStringsBoolsAndNaN()
    {
        Assert.That(ValueComparer.AreEqual(Json("null"), null), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("null"), 0), Is.False);
        Assert.That(ValueComparer.AreEqual(Json("0"), null), Is.False);
        Assert.That(ValueComparer.AreEqual(Json("\"IBM\""), "IBM"), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("\"IBM\""), "ibm"), Is.False);
        Assert.That(ValueComparer.AreEqual(Json("\"5\""), 5), Is.False);
        Assert.That(ValueComparer.AreEqual(Json("true"), true), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("false"), true), Is.False);
        Assert.That(ValueComparer.AreEqual(Json("\"NaN\""), double.NaN), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("\"Infinity\""), float.PositiveInfinity), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("\"NaN\""), "NaN"), Is.True);
    }

    [Test]
    public void ComparesCollectionsWithTheTextJavaPrinted()
    {
        Assert.That(ValueComparer.AreEqual(Json("\"[23.6, 1.0, null]\""), new List<object?> { 23.6f, 1.0d, null }), Is.True);
        Assert.That(ValueComparer.AreEqual(Json("\"[23.6, 23.6]\""), new float[] { 23.6f }), Is.False);
    }

    [Test]
    public void ChecksValuesAgainstTheAttributeType()
    {
        Assert.That(ValueComparer.CheckType(5L, SiddhiType.Long), Is.Null);
        Assert.That(ValueComparer.CheckType(null, SiddhiType.Int), Is.Null);
        Assert.That(ValueComparer.CheckType(5, SiddhiType.Object), Is.Null);
        Assert.That(ValueComparer.CheckType(5, SiddhiType.Long), Is.EqualTo("a Int32 in a long attribute"));
    }
}

public class JsonValuesTests
{
    [Test]
    public void WritesValuesInTheCorpusForms()
    {
        object?[] row = [700f, 60.5f, 79d / 3d, 1e20d, 5, 5L, "IBM", true, null, double.NaN, float.NegativeInfinity, 0.1f];

        Assert.That(JsonValues.RowText(row), Is.EqualTo("[700.0,60.5,26.333333333333332,1E+20,5,5,\"IBM\",true,null,\"NaN\",\"-Infinity\",0.1]"));
    }

    [Test]
    public void WrittenValuesReadBackEqual()
    {
        object?[] row = [55.6f, 0.1f + 0.2f, 0.1 + 0.2, float.MaxValue, double.Epsilon, -0.0d, long.MinValue, "a\"b"];

        var back = Row(JsonValues.RowText(row));

        Assert.That(Enumerable.Range(0, row.Length).All(i => ValueComparer.AreEqual(back[i], row[i])), Is.True);
    }
}
