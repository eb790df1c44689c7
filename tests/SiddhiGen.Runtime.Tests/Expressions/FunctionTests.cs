namespace SiddhiGen.Runtime.Tests;

public sealed class FunctionTests
{
    [TestCase(26.0, "26.0")]
    [TestCase(45.9, "45.9")]
    [TestCase(1e7, "1.0E7")]
    [TestCase(1.5e-4, "1.5E-4")]
    [TestCase(0.001, "0.001")]
    [TestCase(-123456.5, "-123456.5")]
    public void DoublesFormatAsJavaDoes(double value, string expected) =>
        Assert.That(JavaText.Format(value), Is.EqualTo(expected));

    [Test]
    public void ConvertFollowsJava()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SiddhiFunctions.ConvertToInt(45.9), Is.EqualTo(45), "double to int truncates");
            Assert.That(SiddhiFunctions.ConvertToInt("abc"), Is.Null, "unparsable text gives null");
            Assert.That(SiddhiFunctions.ConvertToBool(null), Is.False, "null converts to false");
            Assert.That(SiddhiFunctions.ConvertToBool("TRUE"), Is.True);
            Assert.That(SiddhiFunctions.ConvertToLong(true), Is.EqualTo(1L));
            Assert.That(SiddhiFunctions.ConvertToString(1.0f), Is.EqualTo("1.0"));
        });
    }

    [Test]
    public void CastRelabelsNumbersAndRejectsOtherTypes()
    {
        Assert.That(SiddhiFunctions.Cast<long>(5), Is.EqualTo(5L));
        Assert.That(SiddhiFunctions.Cast<float>(100.3), Is.EqualTo(100.3f));
        Assert.That(() => SiddhiFunctions.Cast<int>("5"), Throws.InstanceOf<InvalidCastException>());
    }

    [Test]
    public void MaximumAndMinimumIgnoreNulls()
    {
        Assert.That(SiddhiFunctions.Maximum<int>(3, null, 7, 5), Is.EqualTo(7));
        Assert.That(SiddhiFunctions.Minimum<double>(null, -2.5, 4), Is.EqualTo(-2.5));
        Assert.That(SiddhiFunctions.Maximum<int>(null, null), Is.Null);
    }

    [Test]
    public void DivisionAndModuloByZeroAreNull()
    {
        Assert.That(SiddhiOps.Divide(5, 0), Is.Null);
        Assert.That(SiddhiOps.Divide(5.0, 0.0), Is.Null);
        Assert.That(SiddhiOps.Modulo(-7, 3), Is.EqualTo(-1), "the remainder takes the dividend's sign");
        Assert.That(SiddhiOps.Divide(int.MinValue, -1), Is.EqualTo(int.MinValue), "Java wraps");
    }

    [Test]
    public void EqualityWithANullSideIsFalse()
    {
        Assert.That(SiddhiOps.Equal((int?)null, null), Is.False);
        Assert.That(SiddhiOps.Equal("a", "a"), Is.True);
    }
}
