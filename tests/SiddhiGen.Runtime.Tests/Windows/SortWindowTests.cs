namespace SiddhiGen.Runtime.Tests;

public sealed class SortWindowTests
{
    private static TestEvent Ev(double price, long volume) => new($"{price}/{volume}", price, volume);

    [Test]
    public void TheLargestLeavesAfterTheArrivalThatOverflowsTheWindow()
    {
        var h = WindowHarness.Create((clock, _) => new SortWindow<TestEvent, PriceAscending>(clock, 2));
        h.Send(0, new TestEvent("A", 5));
        h.Send(0, new TestEvent("B", 3));
        h.Send(0, new TestEvent("C", 9));
        h.Send(0, new TestEvent("D", 1));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "+C -C", "+D -A" }));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "D", "B" }));
    }

    [Test]
    public void ContentsStayInArrivalOrderUntilTheFirstOverflow()
    {
        var h = WindowHarness.Create((clock, _) => new SortWindow<TestEvent, PriceAscending>(clock, 3));
        h.Send(0, new("A", 5), new("B", 3), new("C", 4));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "A", "B", "C" }));
        h.Send(0, new TestEvent("D", 1));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "D", "B", "C" }));
    }

    [Test]
    public void AmongEqualKeysTheNewestLeavesFirst()
    {
        var h = WindowHarness.Create((clock, _) => new SortWindow<TestEvent, PriceAscending>(clock, 2));
        h.Send(0, new("A", 1), new("B", 2), new("C", 2));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A +B +C -C" }));
    }

    [Test]
    public void LengthZeroExpiresEveryArrivalAtOnce()
    {
        var h = WindowHarness.Create((clock, _) => new SortWindow<TestEvent, PriceAscending>(clock, 0));
        h.Send(0, new TestEvent("A", 1));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A -A" }));
    }

    /// <summary>Corpus query.window.SortWindowTestCase#sortWindowTest1: sort(2, volume, 'asc').</summary>
    [Test]
    public void Corpus_SortWindowTest1()
    {
        var h = WindowHarness.Create((clock, _) => new SortWindow<TestEvent, VolumeAscendingPriceDescending>(clock, 2));
        foreach (var volume in new long[] { 100, 300, 200, 20, 40 })
        {
            h.Send(0, new TestEvent(volume.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, volume));
        }

        Assert.That(h.Rows, Is.EqualTo(new[] { "+100", "+300", "+200", "-300", "+20", "-200", "+40", "-100" }));
    }

    /// <summary>Corpus #sortWindowTest2: sort(2, volume, 'asc', price, 'desc').</summary>
    [Test]
    public void Corpus_SortWindowTest2()
    {
        var h = WindowHarness.Create((clock, _) => new SortWindow<TestEvent, VolumeAscendingPriceDescending>(clock, 2));
        h.Send(0, Ev(50, 100));
        h.Send(0, Ev(20, 100));
        h.Send(0, Ev(40, 50));
        h.Send(0, Ev(100, 20));
        h.Send(0, Ev(50, 50));
        Assert.That(h.Rows, Is.EqualTo(new[] { "+50/100", "+20/100", "+40/50", "-20/100", "+100/20", "-50/100", "+50/50", "-40/50" }));
    }
}
