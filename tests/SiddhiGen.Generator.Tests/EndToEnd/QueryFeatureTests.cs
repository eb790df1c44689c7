namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary>Language features end to end: each app goes through the real generator, Roslyn and the runtime.</summary>
public sealed class QueryFeatureTests
{
    private const string Stocks = "define stream Stocks (symbol string, price double, volume long);\n";

    [Test]
    public void SlidingTimeWindowExpiresOnTheClockAndSumsPerGroup()
    {
        using var app = new AppHarness(Stocks + """
            from Stocks#window.time(1 sec)
            select symbol, sum(volume) as total
            group by symbol
            insert all events into Totals;
            """, streams: ["Totals"]);
        app.Send(0, "Stocks", "IBM", 10.0, 100L);
        app.Send(500, "Stocks", "IBM", 11.0, 50L);
        app.AdvanceTo(1200);

        Assert.That(app.Rows("Totals"), Is.EqualTo(new[]
        {
            new object?[] { "IBM", 100L },
            new object?[] { "IBM", 150L },
            new object?[] { "IBM", 50L },
        }));
    }

    [Test]
    public void LengthBatchEmitsOneAggregatedRowPerBatch()
    {
        using var app = new AppHarness(Stocks + "from Stocks#window.lengthBatch(2) select count() as n, avg(price) as p insert into Out;", streams: ["Out"]);
        app.Send(0, "Stocks", "A", 1.0, 1L);
        app.Send(1, "Stocks", "B", 3.0, 1L);
        app.Send(2, "Stocks", "C", 5.0, 1L);
        app.Send(3, "Stocks", "D", 7.0, 1L);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { 2L, 2.0 }, new object?[] { 2L, 6.0 } }));
    }

    [Test]
    public void AChunkIsOneBatchForAnAggregatingSelector()
    {
        using var app = new AppHarness(Stocks + "from Stocks select sum(volume) as total insert into Out;", streams: ["Out"]);
        app.SendChunk(0, "Stocks", ["A", 1.0, 1L], ["B", 1.0, 2L], ["C", 1.0, 3L]);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { 6L } }));
    }

    [Test]
    public void LeftOuterJoinPadsUnmatchedEventsWithNulls()
    {
        using var app = new AppHarness(Stocks + """
            define stream News (company string, headline string);
            from Stocks#window.length(5) as s left outer join News#window.length(5) as n on s.symbol == n.company
            select s.symbol as symbol, n.headline as headline
            insert into Joined;
            """, streams: ["Joined"]);
        app.Send(0, "Stocks", "IBM", 10.0, 1L);
        app.Send(1, "News", "IBM", "IBM up");
        app.Send(2, "Stocks", "ORCL", 5.0, 1L);

        Assert.That(app.Rows("Joined"), Is.EqualTo(new[]
        {
            new object?[] { "IBM", null },
            new object?[] { "IBM", "IBM up" },
            new object?[] { "ORCL", null },
        }));
    }

    [Test]
    public void UnidirectionalJoinTriggersOnlyFromItsSide()
    {
        using var app = new AppHarness(Stocks + """
            define stream News (company string, headline string);
            from Stocks#window.length(5) as s unidirectional join News#window.length(5) as n on s.symbol == n.company
            select s.symbol as symbol, n.headline as headline
            insert into Joined;
            """, streams: ["Joined"]);
        app.Send(0, "News", "IBM", "IBM up");
        app.Send(1, "Stocks", "IBM", 10.0, 1L);
        app.Send(2, "News", "IBM", "IBM down");

        Assert.That(app.Rows("Joined"), Is.EqualTo(new[] { new object?[] { "IBM", "IBM up" } }));
    }

    [Test]
    public void NamedWindowFeedsQueriesWithCurrentAndExpiredEvents()
    {
        using var app = new AppHarness(Stocks + """
            define window Recent (symbol string, price double, volume long) length(2);
            from Stocks insert into Recent;
            @info(name = 'avg') from Recent select avg(price) as p insert all events into Averages;
            """, streams: ["Averages"], queries: ["avg"]);
        app.Send(0, "Stocks", "A", 2.0, 1L);
        app.Send(1, "Stocks", "B", 4.0, 1L);
        app.Send(2, "Stocks", "C", 6.0, 1L);

        Assert.That(app.Rows("Averages").Select(r => r[0]), Is.EqualTo(new object?[] { 2.0, 3.0, 5.0 }));
    }

    [Test]
    public void OutputLastEveryTwoEventsKeepsTheSecondOfEachPair()
    {
        using var app = new AppHarness(Stocks + "from Stocks select symbol output last every 2 events insert into Out;", streams: ["Out"]);
        foreach (var (symbol, t) in new[] { ("A", 0), ("B", 1), ("C", 2), ("D", 3), ("E", 4) })
        {
            app.Send(t, "Stocks", symbol, 1.0, 1L);
        }

        Assert.That(app.Rows("Out").Select(r => r[0]), Is.EqualTo(new[] { "B", "D" }));
    }

    [Test]
    public void OutputAllEverySecondFlushesOnTheClockTick()
    {
        using var app = new AppHarness(Stocks + "from Stocks select symbol output every 1 sec insert into Out;", streams: ["Out"]);
        app.Send(100, "Stocks", "A", 1.0, 1L);
        app.Send(200, "Stocks", "B", 1.0, 1L);
        Assert.That(app.Rows("Out"), Is.Empty, "nothing before the first tick");

        app.AdvanceTo(1000);
        Assert.That(app.Rows("Out").Select(r => r[0]), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void FunctionsFollowSiddhiSemantics()
    {
        using var app = new AppHarness("""
            define stream In (a int, b double, s string);
            from In
            select convert(b, 'int') as truncated, coalesce(s, 'none') as text, ifThenElse(a > 2, 'big', 'small') as size,
                   a / 0 as divided, default(s, 'x') as withDefault
            insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "In", 3, 45.9, null);

        Assert.That(app.Rows("Out").Single(), Is.EqualTo(new object?[] { 45, "none", "big", null, "x" }));
    }

    [Test]
    public void ComparisonsWithNullAreFalseExceptNotEqual()
    {
        using var app = new AppHarness("""
            define stream In (status string, n int);
            @info(name = 'eq') from In[status == 'DONE'] select n insert into Eq;
            @info(name = 'ne') from In[status != 'DONE'] select n insert into Ne;
            @info(name = 'lt') from In[n < 5] select n insert into Lt;
            """, streams: ["Eq", "Ne", "Lt"]);
        app.Send(0, "In", null, null);

        Assert.Multiple(() =>
        {
            Assert.That(app.Rows("Eq"), Is.Empty);
            Assert.That(app.Rows("Ne"), Has.Count.EqualTo(1));
            Assert.That(app.Rows("Lt"), Is.Empty);
        });
    }

    [Test]
    public void OnErrorStreamRoutesAFailedEventSentFromCodeToTheFaultStream()
    {
        using var app = new AppHarness("""
            @OnError(action = 'STREAM')
            define stream In (v object);
            from In select cast(v, 'int') as i insert into Out;
            from !In select v, _error insert into Faults;
            """, streams: ["Out", "Faults"]);
        app.Send(0, "In", 5);
        app.Send(1, "In", "five");

        Assert.Multiple(() =>
        {
            Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { 5 } }));
            Assert.That(app.Rows("Faults"), Has.Count.EqualTo(1));
            Assert.That(app.Rows("Faults")[0][0], Is.EqualTo("five"));
            Assert.That(app.Rows("Faults")[0][1], Is.InstanceOf<InvalidCastException>());
            Assert.That(app.App.ProcessingErrors, Is.Zero, "a routed error is not a dropped event");
        });
    }

    [Test]
    public void ALoopOfStreamsTerminatesWithEveryRow()
    {
        // Route finding: each hop's output goes back into the stream the join reads.
        using var app = new AppHarness("""
            define stream Requests (start string, end string);
            define stream Hops (start string, end string, elapsed int);
            define table Timetable (start string, end string, elapsed int);
            from Hops insert into Timetable;
            from Requests join Timetable on Timetable.start == Requests.start
            select Timetable.start as start, Timetable.end as end, Timetable.elapsed as elapsed, Requests.end as destination
            insert into Partial;
            from Partial[end == destination] select elapsed insert into Results;
            from Partial[end != destination] insert into Next;
            from Next join Timetable on Timetable.start == Next.end
            select Timetable.start as start, Timetable.end as end, Next.elapsed + Timetable.elapsed as elapsed, destination
            insert into Partial;
            """, streams: ["Partial", "Results"]);
        app.Send(0, "Hops", "A", "B", 25);
        app.Send(0, "Hops", "B", "C", 10);
        app.Send(0, "Hops", "C", "D", 60);
        app.Send(1000, "Requests", "A", "D");

        Assert.That(app.Rows("Results"), Is.EqualTo(new[] { new object?[] { 95 } }));
        Assert.That(app.Rows("Partial").Select(r => (string)r[0]! + r[1] + r[2]), Is.EquivalentTo(new[] { "AB25", "BC35", "CD95" }));
    }
}
