using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions.Tests.Library;

/// <summary>unitconversion: the documented examples of siddhi-execution-unitconversion 5.0 (the docs round their results).</summary>
public sealed class UnitConversionFunctionTests
{
    [TestCase("MmTokm", 1, 1000.0, 0)]
    [TestCase("CmToft", 100, 3.280, 0.001)]
    [TestCase("CmToin", 100, 39.37, 0.001)]
    [TestCase("CmTokm", 100, 0.001, 1e-12)]
    [TestCase("CmTom", 100, 1.0, 1e-12)]
    [TestCase("CmTomi", 10000, 0.062, 0.001)]
    [TestCase("CmTomm", 1, 10.0, 1e-12)]
    [TestCase("CmTonm", 1, 10000000, 1e-6)]
    [TestCase("CmToum", 100, 1000000.0, 1e-6)]
    [TestCase("CmToyd", 1, 0.01, 0.001)]
    [TestCase("DToh", 1, 24.0, 0)]
    [TestCase("GTokg", 1000, 1.0, 0)]
    [TestCase("GTomg", 1, 1000.0, 0)]
    [TestCase("GToug", 1, 1000000.0, 0)]
    [TestCase("HTom", 1, 60.0, 0)]
    [TestCase("HTos", 1, 3600.0, 0)]
    [TestCase("KgToLT", 1000, 0.9842, 0.0001)]
    [TestCase("KgToST", 1000, 1.10, 0.01)]
    [TestCase("KgTog", 1, 1000, 0)]
    [TestCase("KgTolb", 1, 2.2, 0.01)]
    [TestCase("KgTooz", 1, 35.274, 0.001)]
    [TestCase("KgTost", 1, 0.157, 0.001)]
    [TestCase("KgTot", 1, 0.001, 0)]
    [TestCase("KmTocm", 1, 100000.0, 0)]
    [TestCase("KmToft", 1, 3280.8, 0.1)]
    [TestCase("KmToin", 1, 39370.08, 0.01)]
    [TestCase("KmTom", 1, 1000.0, 0)]
    [TestCase("KmTomi", 1, 0.621, 0.001)]
    [TestCase("KmTomm", 1, 1000000.0, 0)]
    [TestCase("KmTonm", 1, 1000000000000.0, 0)]
    [TestCase("KmToum", 1, 1000000000.0, 0)]
    [TestCase("KmToyd", 1, 1093.6, 0.1)]
    [TestCase("LTom3", 1000, 1, 0)]
    [TestCase("LToml", 1, 1000.0, 0)]
    [TestCase("M3Tol", 1, 1000.0, 0)]
    [TestCase("MTocm", 1, 100.0, 0)]
    [TestCase("MToft", 1, 3.280, 0.001)]
    [TestCase("MTomm", 1, 1000.0, 0)]
    [TestCase("MTos", 1, 60.0, 0)]
    [TestCase("MToyd", 1, 1.093, 0.001)]
    [TestCase("MiTokm", 1, 1.6, 0.01)]
    [TestCase("MlTol", 1000, 1, 0)]
    [TestCase("SToms", 1, 1000.0, 0)]
    [TestCase("STons", 1, 1000000000.0, 0)]
    [TestCase("STous", 1, 1000000.0, 0)]
    [TestCase("TTog", 1, 1000000.0, 0)]
    [TestCase("TTokg", 1, 1000.0, 0)]
    [TestCase("YTod", 1, 365.2425, 0)]
    public void DocumentedExamples(string method, double input, double expected, double tolerance)
    {
        var result = (double)typeof(UnitConversionFunctions).GetMethod(method)!.Invoke(null, [(double?)input])!;
        Assert.That(result, Is.EqualTo(expected).Within(tolerance));
    }

    [Test]
    public void EveryFunctionIsCovered() =>
        Assert.That(typeof(UnitConversionFunctions).GetMethods().Count(m => m.IsDefined(typeof(SiddhiFunctionAttribute), false)), Is.EqualTo(48));

    [Test]
    public void NullFails() =>
        Assert.That(() => UnitConversionFunctions.KgTog(null), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("cannot be null"));
}
