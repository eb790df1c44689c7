namespace SiddhiGen.Runtime.Tests;

public sealed class UnionSetAggregatorTests
{
    private static HashSet<object?> Set(params object?[] items) => [.. items];

    [Test]
    public void IsTheUnionOfTheSetsHeld()
    {
        var union = new UnionSetAggregator();
        Assert.That(union.Value, Is.Empty);
        union.Add(Set("IBM", "WSO2"));
        union.Add(Set("WSO2", "ORCL"));
        Assert.That(union.Value, Is.EquivalentTo(new[] { "IBM", "WSO2", "ORCL" }));
    }

    [Test]
    public void AnElementLeavesWithTheLastSetThatBroughtIt()
    {
        var union = new UnionSetAggregator();
        union.Add(Set("IBM", "WSO2"));
        union.Add(Set("WSO2"));
        union.Remove(Set("IBM", "WSO2"));
        Assert.That(union.Value, Is.EquivalentTo(new[] { "WSO2" }));
        union.Remove(Set("WSO2"));
        Assert.That(union.Value, Is.Empty);
        union.Add(Set("WSO2"));
        union.Remove(Set("WSO2"));
        Assert.That(union.Value, Is.Empty, "counts stay exact after an element came back");
    }

    [Test]
    public void ValueIsAFreshSetEachTime()
    {
        var union = new UnionSetAggregator();
        union.Add(Set(1L));
        var first = union.Value;
        union.Add(Set(2L));
        Assert.That(first, Is.EquivalentTo(new object[] { 1L }));
        Assert.That(union.Value, Is.Not.SameAs(union.Value));
    }

    [Test]
    public void NullElementsAreElementsAndNonSetsAreIgnored()
    {
        var union = new UnionSetAggregator();
        union.Add(Set(null, "a"));
        union.Add(null);
        union.Add("not a set");
        union.Add(42);
        Assert.That(union.Value, Is.EquivalentTo(new object?[] { null, "a" }));
        union.Reset();
        Assert.That(union.Value, Is.Empty);
    }
}
