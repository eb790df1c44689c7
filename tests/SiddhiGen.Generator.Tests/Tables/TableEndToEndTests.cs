using SiddhiGen.Generator.Tests.EndToEnd;

namespace SiddhiGen.Generator.Tests.Tables;

/// <summary>In-memory tables end to end: generator, Roslyn and runtime.</summary>
public sealed class TableEndToEndTests
{
    private const string Definitions = """
        define stream StockStream (symbol string, price float, volume long);
        define stream CheckStream (symbol string);
        define stream DeleteStream (symbol string);
        define stream UpdateStream (symbol string, price float);
        @PrimaryKey('symbol')
        define table StockTable (symbol string, price float, volume long);
        from StockStream insert into StockTable;

        """;

    [Test]
    public void InsertJoinAndDuplicateKey()
    {
        using var app = new AppHarness(Definitions + """
            from CheckStream join StockTable on CheckStream.symbol == StockTable.symbol
            select StockTable.symbol as symbol, StockTable.price as price insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "StockStream", "IBM", 10f, 100L);
        app.Send(0, "StockStream", "IBM", 20f, 200L);
        app.Send(0, "StockStream", "WSO2", 30f, 300L);
        app.Send(1, "CheckStream", "IBM");
        app.Send(1, "CheckStream", "FOO");

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "IBM", 10f } }));
        Assert.That(app.App.Query("from StockTable select symbol"), Has.Count.EqualTo(2));
    }

    [Test]
    public void LeftOuterJoinPadsUnmatchedEvents()
    {
        using var app = new AppHarness(Definitions + """
            from CheckStream left outer join StockTable on CheckStream.symbol == StockTable.symbol
            select CheckStream.symbol as symbol, StockTable.price as price insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "StockStream", "IBM", 10f, 100L);
        app.Send(1, "CheckStream", "FOO");

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "FOO", null } }));
    }

    [Test]
    public void DeleteUpdateAndIn()
    {
        using var app = new AppHarness(Definitions + """
            from DeleteStream delete StockTable on StockTable.symbol == symbol;
            from UpdateStream update StockTable set StockTable.price = price on StockTable.symbol == symbol;
            from CheckStream[symbol == StockTable.symbol in StockTable] insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "StockStream", "IBM", 10f, 100L);
        app.Send(0, "StockStream", "WSO2", 30f, 300L);
        app.Send(1, "UpdateStream", "IBM", 15f);
        app.Send(2, "DeleteStream", "WSO2");
        app.Send(3, "CheckStream", "WSO2");
        app.Send(3, "CheckStream", "IBM");

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "IBM" } }));
        Assert.That(app.App.Query("from StockTable select symbol, price"), Is.EqualTo(new[] { new object?[] { "IBM", 15f } }));
    }

    [Test]
    public void UpdateOrInsert()
    {
        using var app = new AppHarness(Definitions + """
            from UpdateStream select symbol, price, 0L as volume update or insert into StockTable on StockTable.symbol == symbol;
            """);
        app.Send(0, "StockStream", "IBM", 10f, 100L);
        app.Send(1, "UpdateStream", "IBM", 11f);
        app.Send(1, "UpdateStream", "NEW", 12f);

        Assert.That(app.App.Query("from StockTable select symbol, price, volume"), Is.EqualTo(new[]
        {
            new object?[] { "IBM", 11f, 0L },
            new object?[] { "NEW", 12f, 0L },
        }));
    }
}
