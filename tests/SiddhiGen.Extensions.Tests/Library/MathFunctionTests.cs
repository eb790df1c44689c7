using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions.Tests.Library;

/// <summary>math: the documented examples of siddhi-execution-math 5.0, Java's rounding and text forms, nulls and errors.</summary>
public sealed class MathFunctionTests
{
    [Test]
    public void DocumentedExamples()
    {
        Assert.That(MathFunctions.Abs(-3), Is.EqualTo(3.0));
        Assert.That(MathFunctions.Acos(0.5), Is.EqualTo(1.0471975511965979).Within(1e-15));
        Assert.That(MathFunctions.Asin(0.5), Is.EqualTo(0.5235987755982989).Within(1e-15));
        Assert.That(MathFunctions.Atan(6d), Is.EqualTo(1.4056476493802699).Within(1e-15));
        Assert.That(MathFunctions.Atan(6d, 3d), Is.EqualTo(1.1071487177940904).Within(1e-15));
        Assert.That(MathFunctions.Bin(9), Is.EqualTo("1001"));
        Assert.That(MathFunctions.Cbrt(17d), Is.EqualTo(2.5712815906582356).Within(1e-15));
        Assert.That(MathFunctions.Ceil(423.187), Is.EqualTo(424.0));
        Assert.That(MathFunctions.Conv("7f", 16, 10), Is.EqualTo("127"));
        Assert.That(MathFunctions.CopySign(5.6, -3.0), Is.EqualTo(-5.6));
        Assert.That(MathFunctions.Cos(6d), Is.EqualTo(0.9601702866503661).Within(1e-15));
        Assert.That(MathFunctions.Cosh(6d), Is.EqualTo(201.7156361224559).Within(1e-12));
        Assert.That(MathFunctions.E(), Is.EqualTo(2.718281828459045));
        Assert.That(MathFunctions.Exp(10.23), Is.EqualTo(27722.51006805505).Within(1e-9));
        Assert.That(MathFunctions.Floor(2.3), Is.EqualTo(2.0));
        Assert.That(MathFunctions.GetExponent(60984.1), Is.EqualTo(15));
        Assert.That(MathFunctions.Hex(200), Is.EqualTo("c8"));
        Assert.That(MathFunctions.IsInfinite(double.PositiveInfinity), Is.True);
        Assert.That(MathFunctions.IsNan(double.NaN), Is.True);
        Assert.That(MathFunctions.Ln(11.453), Is.EqualTo(2.438251704415579).Within(1e-15));
        Assert.That(MathFunctions.Log(34d, 2d), Is.EqualTo(5.08746284125034).Within(1e-14));
        Assert.That(MathFunctions.Log10(19.234), Is.EqualTo(1.2840696117100832).Within(1e-15));
        Assert.That(MathFunctions.Log2(91d), Is.EqualTo(6.507794640198696).Within(1e-14));
        Assert.That(MathFunctions.Max(123.67, 91d), Is.EqualTo(123.67));
        Assert.That(MathFunctions.Min(123.67, 91d), Is.EqualTo(91.0));
        Assert.That(MathFunctions.Oct(99L), Is.EqualTo("143"));
        Assert.That(MathFunctions.ParseDouble("123"), Is.EqualTo(123.0));
        Assert.That(MathFunctions.ParseFloat("123"), Is.EqualTo(123.0f));
        Assert.That(MathFunctions.ParseInt("123"), Is.EqualTo(123));
        Assert.That(MathFunctions.ParseLong("123"), Is.EqualTo(123L));
        Assert.That(MathFunctions.Pi(), Is.EqualTo(3.141592653589793));
        Assert.That(MathFunctions.Power(5.6, 3.0), Is.EqualTo(175.61599999999996).Within(1e-12));
        Assert.That(MathFunctions.Round(3.35), Is.EqualTo(3L));
        Assert.That(MathFunctions.Signum(-6.32), Is.EqualTo(-1));
        Assert.That(MathFunctions.Sin(6d), Is.EqualTo(-0.27941549819892586).Within(1e-15));
        Assert.That(MathFunctions.Sinh(6d), Is.EqualTo(201.71315737027922).Within(1e-12));
        Assert.That(MathFunctions.Sqrt(4.0), Is.EqualTo(2.0));
        Assert.That(MathFunctions.Tan(6d), Is.EqualTo(-0.29100619138474915).Within(1e-15));
        Assert.That(MathFunctions.Tanh(6d), Is.EqualTo(0.9999877116507956).Within(1e-15));
        Assert.That(MathFunctions.ToDegrees(6d), Is.EqualTo(343.77467707849394).Within(1e-12));
        Assert.That(MathFunctions.ToRadians(6d), Is.EqualTo(0.10471975511965977).Within(1e-15));
    }

    [Test]
    public void RoundIsJavasHalfUp()
    {
        Assert.That(MathFunctions.Round(-2.5), Is.EqualTo(-2L));
        Assert.That(MathFunctions.Round(2.5), Is.EqualTo(3L));
        Assert.That(MathFunctions.Round(0.49999999999999994), Is.EqualTo(0L));
        Assert.That(MathFunctions.Round(double.NaN), Is.EqualTo(0L));
        Assert.That(MathFunctions.Round(1e300), Is.EqualTo(long.MaxValue));
        Assert.That(MathFunctions.Round(-0.5f), Is.EqualTo(0));
        Assert.That(MathFunctions.Round(2.5f), Is.EqualTo(3));
    }

    [Test]
    public void HexAndBinaryTextIsJavas()
    {
        Assert.That(MathFunctions.Hex(-1), Is.EqualTo("ffffffff"));
        Assert.That(MathFunctions.Bin(-1), Is.EqualTo(new string('1', 32)));
        Assert.That(MathFunctions.Hex(1.0), Is.EqualTo("0x1.0p0"));
        Assert.That(MathFunctions.Hex(3.0), Is.EqualTo("0x1.8p1"));
        Assert.That(MathFunctions.Hex(-0.0), Is.EqualTo("-0x0.0p0"));
        Assert.That(MathFunctions.Hex(double.Epsilon), Is.EqualTo("0x0.0000000000001p-1022"));
        Assert.That(MathFunctions.Hex(0.1f), Is.EqualTo("0x1.99999ap-4"));
        Assert.That(MathFunctions.Conv("-ff", 16, 2), Is.EqualTo("-11111111"));
    }

    [Test]
    public void SeededRandomIsJavasSequence()
    {
        // new java.util.Random(42).nextDouble()
        var first = new JavaRandom(42).NextDouble();
        Assert.That(first, Is.EqualTo(0.7275636800328681));
        Assert.That(MathFunctions.Rand(), Is.InRange(0.0, 1.0));
    }

    [Test]
    public void NullGivesNull()
    {
        Assert.That(MathFunctions.Abs(null), Is.Null);
        Assert.That(MathFunctions.Atan(1.0, null), Is.Null);
        Assert.That(MathFunctions.Round((double?)null), Is.Null);
        Assert.That(MathFunctions.Hex((int?)null), Is.Null);
        Assert.That(MathFunctions.ParseInt(null), Is.Null);
        Assert.That(MathFunctions.Conv(null, 2, 10), Is.Null);
    }

    [Test]
    public void MalformedNumbersFail()
    {
        Assert.That(() => MathFunctions.ParseInt("12a"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("For input string: \"12a\""));
        Assert.That(() => MathFunctions.ParseInt(" 12"), Throws.TypeOf<SiddhiExtensionException>(), "Integer.parseInt does not trim");
        Assert.That(() => MathFunctions.ParseInt("3000000000"), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(MathFunctions.ParseDouble(" 1.5 "), Is.EqualTo(1.5), "Double.parseDouble trims");
        Assert.That(() => MathFunctions.ParseDouble("x"), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => MathFunctions.Conv("9", 8, 10), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => MathFunctions.Conv("1", 1, 10), Throws.TypeOf<SiddhiExtensionException>());
    }
}
