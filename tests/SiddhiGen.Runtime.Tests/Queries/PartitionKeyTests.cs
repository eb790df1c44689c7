namespace SiddhiGen.Runtime.Tests.Queries;

/// <summary>A value partition's key is the value as Java's <c>String.valueOf</c> writes it.</summary>
public sealed class PartitionKeyTests
{
    [Test]
    public void NumbersOfDifferentTypesWithTheSameValueShareAKey() =>
        Assert.That(PartitionKey.Of((int?)7), Is.EqualTo(PartitionKey.Of((long?)7)).And.EqualTo("7"));

    [Test]
    public void FloatingPointValuesAreWrittenAsJavaWritesThem() => Assert.Multiple(() =>
    {
        Assert.That(PartitionKey.Of((double?)1), Is.EqualTo("1.0"));
        Assert.That(PartitionKey.Of((float?)2.5f), Is.EqualTo("2.5"));
        Assert.That(PartitionKey.Of((bool?)true), Is.EqualTo("true"));
        Assert.That(PartitionKey.Of((object?)3.0), Is.EqualTo("3.0"));
    });

    [Test]
    public void NullHasNoKey() => Assert.Multiple(() =>
    {
        Assert.That(PartitionKey.Of((string?)null), Is.Null);
        Assert.That(PartitionKey.Of((double?)null), Is.Null);
        Assert.That(PartitionKey.Of((object?)null), Is.Null);
    });
}
