using SiddhiGen.Runtime;

namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary>Partitions: every key gets its own instance of the partition's queries (windows, aggregates, inner streams).</summary>
public sealed class PartitionTests
{
    private const string Stocks = "define stream Stocks (symbol string, price double, volume long);\n";

    [Test]
    public void EachKeyHasItsOwnWindowAndAggregates()
    {
        using var app = new AppHarness(Stocks + """
            partition with (symbol of Stocks)
            begin
                from Stocks#window.length(2) select symbol, sum(volume) as total insert into Totals;
            end;
            """, streams: ["Totals"]);
        app.Send(0, "Stocks", "IBM", 10.0, 1L);
        app.Send(1, "Stocks", "WSO2", 10.0, 100L);
        app.Send(2, "Stocks", "IBM", 10.0, 2L);
        app.Send(3, "Stocks", "IBM", 10.0, 4L);
        app.Send(4, "Stocks", "WSO2", 10.0, 200L);

        Assert.That(app.Rows("Totals"), Is.EqualTo(new[]
        {
            new object?[] { "IBM", 1L },
            new object?[] { "WSO2", 100L },
            new object?[] { "IBM", 3L },
            new object?[] { "IBM", 6L },
            new object?[] { "WSO2", 300L },
        }));
    }

    [Test]
    public void InnerStreamsAreSeparatePerKey()
    {
        using var app = new AppHarness(Stocks + """
            partition with (symbol of Stocks)
            begin
                from Stocks select symbol, volume insert into #Volumes;
                from #Volumes#window.lengthBatch(2) select symbol, sum(volume) as total insert into Pairs;
            end;
            """, streams: ["Pairs"]);
        app.Send(0, "Stocks", "IBM", 10.0, 1L);
        app.Send(1, "Stocks", "WSO2", 10.0, 100L);
        app.Send(2, "Stocks", "IBM", 10.0, 2L);
        app.Send(3, "Stocks", "WSO2", 10.0, 200L);

        Assert.That(app.Rows("Pairs"), Is.EqualTo(new[] { new object?[] { "IBM", 3L }, new object?[] { "WSO2", 300L } }));
    }

    [Test]
    public void ARangePartitionSendsAnEventToEveryRangeItFallsIn()
    {
        using var app = new AppHarness(Stocks + """
            partition with (price < 50 as 'cheap' or price >= 20 as 'mid' of Stocks)
            begin
                from Stocks select symbol, count() as seen insert into Counts;
            end;
            """, streams: ["Counts"]);
        app.Send(0, "Stocks", "A", 10.0, 1L);
        app.Send(1, "Stocks", "B", 30.0, 1L);
        app.Send(2, "Stocks", "C", 90.0, 1L);

        Assert.That(app.Rows("Counts"), Is.EqualTo(new[]
        {
            new object?[] { "A", 1L },
            new object?[] { "B", 2L },
            new object?[] { "B", 1L },
            new object?[] { "C", 2L },
        }));
    }

    [Test]
    public void AStreamReadButNotPartitionedReachesEveryInstanceThatExists()
    {
        using var app = new AppHarness(Stocks + """
            define stream Notes (note string);
            partition with (symbol of Stocks)
            begin
                from Stocks#window.length(1) select symbol insert into #Latest;
                from Notes select note insert into Heard;
            end;
            """, streams: ["Heard"]);
        app.Send(0, "Notes", "before any key");
        app.Send(1, "Stocks", "IBM", 1.0, 1L);
        app.Send(2, "Stocks", "WSO2", 1.0, 1L);
        app.Send(3, "Notes", "after two keys");

        Assert.That(app.Rows("Heard"), Is.EqualTo(new[] { new object?[] { "after two keys" }, new object?[] { "after two keys" } }));
    }

    [Test]
    public void ConsecutiveEventsOfOneKeyArriveAsOneChunkAndQueryCallbacksSeeEveryInstance()
    {
        using var app = new AppHarness(Stocks + """
            partition with (symbol of Stocks)
            begin
                @info(name = 'totals')
                from Stocks select symbol, sum(volume) as total insert into Totals;
            end;
            """, queries: ["totals"]);
        app.SendChunk(0, "Stocks", ["IBM", 1.0, 1L], ["IBM", 1.0, 2L], ["WSO2", 1.0, 10L], ["IBM", 1.0, 4L]);

        Assert.That(app.Results("totals").Select(r => r.Current.Single()), Is.EqualTo(new[]
        {
            new object?[] { "IBM", 3L },
            new object?[] { "WSO2", 10L },
            new object?[] { "IBM", 7L },
        }));
    }

    [Test]
    public void EventsWithANullKeyAreDropped()
    {
        using var app = new AppHarness(Stocks + """
            partition with (symbol of Stocks)
            begin
                from Stocks select symbol, volume insert into Out;
            end;
            """, streams: ["Out"]);
        app.Send(0, "Stocks", null, 1.0, 1L);
        app.Send(1, "Stocks", "IBM", 1.0, 2L);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "IBM", 2L } }));
    }

    [Test]
    public void AJoinInsideAPartitionIsTriggeredByASharedNamedWindowToo()
    {
        using var app = new AppHarness(Stocks + """
            define stream Limits (symbol string, limit double);
            define window LimitWindow (symbol string, limit double) length(10);
            from Limits insert into LimitWindow;
            partition with (symbol of Stocks)
            begin
                from Stocks#window.length(1) join LimitWindow on Stocks.symbol == LimitWindow.symbol
                select Stocks.symbol as symbol, Stocks.price as price, LimitWindow.limit as limit
                insert into Checked;
            end;
            """, streams: ["Checked"]);
        app.Send(0, "Stocks", "IBM", 10.0, 1L);
        app.Send(1, "Limits", "IBM", 50.0);

        Assert.That(app.Rows("Checked"), Is.EqualTo(new[] { new object?[] { "IBM", 10.0, 50.0 } }), "the window's event reaches the instance's join");
    }
}
