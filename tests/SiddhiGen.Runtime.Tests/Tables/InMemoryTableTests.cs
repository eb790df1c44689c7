namespace SiddhiGen.Runtime.Tests.Tables;

public sealed class InMemoryTableTests
{
    private readonly record struct Row(string? Symbol, double? Price, long? Volume);

    private sealed class SymbolKey : IEqualityComparer<Row>
    {
        public bool Equals(Row x, Row y) => x.Symbol == y.Symbol;

        public int GetHashCode(Row row) => HashCode.Combine(row.Symbol);
    }

    [Test]
    public void RowsKeepInsertionOrder()
    {
        var table = new InMemoryTable<Row>("T");
        table.Insert(new Row("B", 1, 1));
        table.Insert(new Row("A", 2, 2));
        table.Insert(new Row("B", 3, 3));

        Assert.That(table.Rows.ToArray().Select(r => r.Price), Is.EqualTo(new double?[] { 1, 2, 3 }));
    }

    [Test]
    public void ADuplicatePrimaryKeyIsDropped()
    {
        var table = new InMemoryTable<Row>("T", new SymbolKey());
        Assert.That(table.Insert(new Row("A", 1, 1)), Is.True);
        Assert.That(table.Insert(new Row("A", 2, 2)), Is.False);
        Assert.That(table.Count, Is.EqualTo(1));
        Assert.That(table.Rows[0].Price, Is.EqualTo(1));
    }

    [Test]
    public void DeleteRemovesMatchingRowsAndFreesTheirKeys()
    {
        var table = new InMemoryTable<Row>("T", new SymbolKey());
        table.Insert(new Row("A", 1, 1));
        table.Insert(new Row("B", 2, 2));
        table.Insert(new Row("C", 3, 3));

        var deleted = table.Delete(2.0, (row, limit) => row.Price >= limit);

        Assert.That(deleted, Is.EqualTo(2));
        Assert.That(table.Rows.ToArray().Select(r => r.Symbol), Is.EqualTo(new[] { "A" }));
        Assert.That(table.Insert(new Row("B", 9, 9)), Is.True);
    }

    [Test]
    public void UpdateOrInsertUpdatesMatchesElseInserts()
    {
        var table = new InMemoryTable<Row>("T");
        table.Insert(new Row("A", 1, 1));
        var update = new Row("A", 5, 5);
        table.UpdateOrInsert(update, (row, u) => row.Symbol == u.Symbol, (row, u) => row with { Price = u.Price }, update);
        var insert = new Row("B", 7, 7);
        table.UpdateOrInsert(insert, (row, u) => row.Symbol == u.Symbol, (row, u) => row with { Price = u.Price }, insert);

        Assert.That(table.Rows.ToArray(), Is.EqualTo(new[] { new Row("A", 5, 1), new Row("B", 7, 7) }));
    }

    [Test]
    public void AnUpdateThatWouldDuplicateAKeyIsSkipped()
    {
        var table = new InMemoryTable<Row>("T", new SymbolKey());
        table.Insert(new Row("A", 1, 1));
        table.Insert(new Row("B", 2, 2));

        var matched = table.Update(0, (row, _) => row.Symbol == "B", (row, _) => row with { Symbol = "A" });

        Assert.That(matched, Is.EqualTo(1));
        Assert.That(table.Rows.ToArray().Select(r => r.Symbol), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void AnyAndToRows()
    {
        var table = new InMemoryTable<Row>("T");
        table.Insert(new Row("A", 1, 1));

        Assert.That(table.Any("A", (row, s) => row.Symbol == s), Is.True);
        Assert.That(table.Any("Z", (row, s) => row.Symbol == s), Is.False);
        Assert.That(table.ToRows(r => [r.Symbol, r.Price, r.Volume]), Is.EqualTo(new[] { new object?[] { "A", 1.0, 1L } }));
    }
}
