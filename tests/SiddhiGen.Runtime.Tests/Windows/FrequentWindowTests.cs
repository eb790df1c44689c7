namespace SiddhiGen.Runtime.Tests;

public sealed class FrequentWindowTests
{
    private static WindowHarness BySymbol(int k) => WindowHarness.Create((clock, _) => new FrequentWindow<TestEvent, string, SymbolOf>(clock, k));

    [Test]
    public void KnownKeysAreCountedAndEmitted()
    {
        var h = BySymbol(2);
        h.Send(0, new TestEvent("A", 1));
        h.Send(0, new TestEvent("A", 2));
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+A" }));
        Assert.That(h.Window.Contents.ToArray().Single().Data.Price, Is.EqualTo(2), "the latest event per key is kept");
    }

    [Test]
    public void ANewKeyWhenFullDecrementsAndEvictsZeroCounts()
    {
        var h = BySymbol(2);
        h.SendEach(0, "A", "A", "B", "C");
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+A", "+B", "-B +C" }));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "A", "C" }));
    }

    [Test]
    public void ANewKeyWithoutRoomIsDropped()
    {
        var h = BySymbol(2);
        h.SendEach(0, "A", "A", "B", "B", "C");
        Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+A", "+B", "+B" }));
        h.SendEach(0, "D");
        Assert.That(h.Log.Last(), Is.EqualTo("-A -B +D"));
    }

    /// <summary>Corpus query.window.FrequentWindowTestCase#frequentUniqueWindowTest1: frequent(2) on all attributes (compared unordered).</summary>
    [Test]
    public void Corpus_FrequentUniqueWindowTest1()
    {
        var h = WindowHarness.Create((clock, _) => new FrequentWindow<TestEvent, (string?, double?, long?, long?), AllAttributesOf>(clock, 2));
        TestEvent[] cards = [new("3234", 73.36), new("1234", 46.36), new("5768", 48.36), new("9853", 78.36)];
        foreach (var card in cards.Concat(cards))
        {
            h.Send(0, card);
        }

        Assert.That(h.Rows.Where(r => r[0] == '+'), Is.EqualTo(new[] { "+3234", "+1234", "+5768", "+9853", "+3234", "+1234", "+5768", "+9853" }));
        Assert.That(h.Rows.Where(r => r[0] == '-'), Is.EquivalentTo(new[] { "-1234", "-3234", "-9853", "-5768", "-1234", "-3234" }));
    }

    /// <summary>Corpus #frequentUniqueWindowTest2: frequent(2, cardNo): the third card never gets in.</summary>
    [Test]
    public void Corpus_FrequentUniqueWindowTest2()
    {
        var h = BySymbol(2);
        TestEvent[] round = [new("3234", 73.36), new("1234", 46.36), new("3234", 78.36), new("1234", 86.36), new("5768", 48.36)];
        foreach (var e in round.Concat(round))
        {
            h.Send(0, e);
        }

        Assert.That(h.Rows, Is.EqualTo(new[] { "+3234", "+1234", "+3234", "+1234", "+3234", "+1234", "+3234", "+1234" }));
    }
}
