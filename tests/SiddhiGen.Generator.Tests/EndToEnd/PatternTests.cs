namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary>Patterns (<c>-&gt;</c>): chains of events, <c>every</c>, filters on earlier events and <c>within</c>, as Siddhi matches them.</summary>
public sealed class PatternTests
{
    private const string Streams = """
        define stream A (symbol string, price double);
        define stream B (symbol string, price double);

        """;

    [Test]
    public void WithoutEveryThePatternMatchesOnce()
    {
        using var app = new AppHarness(Streams + """
            from e1=A -> e2=B select e1.symbol as first, e2.symbol as second insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "WSO2", 1.0);
        app.Send(1, "A", "GOOG", 1.0);
        app.Send(2, "B", "IBM", 1.0);
        app.Send(3, "A", "ORCL", 1.0);
        app.Send(4, "B", "MSFT", 1.0);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "WSO2", "IBM" } }));
    }

    [Test]
    public void EveryStartsAMatchPerEventAndOneEventCompletesAllOfThem()
    {
        using var app = new AppHarness(Streams + """
            from every e1=A -> e2=B[price > e1.price] select e1.symbol as first, e2.symbol as second insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "a1", 10.0);
        app.Send(1, "A", "a2", 20.0);
        app.Send(2, "B", "b1", 15.0);
        app.Send(3, "B", "b2", 25.0);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[]
        {
            new object?[] { "a1", "b1" },
            new object?[] { "a2", "b2" },
        }));
    }

    [Test]
    public void AnEventNeverFillsTwoConsecutiveStepsOfOneMatch()
    {
        using var app = new AppHarness(Streams + """
            from every e1=A -> e2=A[price > e1.price] select e1.price as before, e2.price as after insert into Rises;
            """, streams: ["Rises"]);
        app.Send(0, "A", "x", 1.0);
        app.Send(1, "A", "x", 2.0);
        app.Send(2, "A", "x", 3.0);

        // The match started by 1 is completed by 2 and removed; 3 completes only the match 2 started.
        Assert.That(app.Rows("Rises"), Is.EqualTo(new[] { new object?[] { 1.0, 2.0 }, new object?[] { 2.0, 3.0 } }));
    }

    [Test]
    public void AnEveryGroupFollowedByMoreStepsGivesPairsThatDoNotOverlap()
    {
        using var app = new AppHarness(Streams + """
            from every (e1=A -> e3=A) -> e2=B select e1.symbol as first, e3.symbol as second, e2.symbol as last insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "A1", 1.0);
        app.Send(1, "A", "A2", 1.0);
        app.Send(2, "A", "A3", 1.0);
        app.Send(3, "A", "A4", 1.0);
        app.Send(4, "B", "B", 1.0);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "A1", "A2", "B" }, new object?[] { "A3", "A4", "B" } }));
    }

    [Test]
    public void EveryGroupRestartsOnlyWhenTheGroupCompletes()
    {
        using var app = new AppHarness(Streams + """
            from every (e1=A -> e2=B) select e1.symbol as a, e2.symbol as b insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "a1", 1.0);
        app.Send(1, "A", "a2", 1.0);
        app.Send(2, "B", "b1", 1.0);
        app.Send(3, "A", "a3", 1.0);
        app.Send(4, "B", "b2", 1.0);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "a1", "b1" }, new object?[] { "a3", "b2" } }));
    }

    [Test]
    public void WithinDropsAPartialMatchWhoseFirstEventIsTooOld()
    {
        using var app = new AppHarness(Streams + """
            from every e1=A -> e2=B within 1 sec select e1.symbol as first, e2.symbol as second insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "old", 1.0);
        app.Send(900, "A", "recent", 1.0);
        app.Send(1500, "B", "b", 1.0);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "recent", "b" } }));
    }

    [Test]
    public void AndWaitsForBothSidesInAnyOrderAndOneEventMayBeBoth()
    {
        using var app = new AppHarness(Streams + """
            from e1=A -> e2=B[price > e1.price] and e3=B[symbol == 'IBM'] select e1.symbol as first, e2.price as p2, e3.price as p3 insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "WSO2", 55.6);
        app.Send(1, "B", "IBM", 72.7);
        app.Send(2, "B", "IBM", 75.7);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "WSO2", 72.7, 72.7 } }));
    }

    [Test]
    public void OrTakesEitherSideAndLeavesTheOtherEmpty()
    {
        using var app = new AppHarness(Streams + """
            from every e1=A or e2=B select e1.symbol as a, e2.symbol as b, e2 is null as onlyA insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "a1", 1.0);
        app.Send(1, "B", "b1", 1.0);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "a1", null, true }, new object?[] { null, "b1", false } }));
    }

    [Test]
    public void ACountingStepCollectsEventsAndIsReadByIndex()
    {
        using var app = new AppHarness(Streams + """
            from e1=A[price > 20]<2:5> -> e2=B[price > e1[1].price]
            select e1[0].price as p0, e1[1].price as p1, e1[2].price as p2, e1[last].price as pl, e2.price as b
            insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "x", 25.0);
        app.Send(1, "A", "x", 30.0);
        app.Send(2, "A", "x", 10.0);
        app.Send(3, "A", "x", 35.0);
        app.Send(4, "B", "y", 40.0);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { 25.0, 30.0, 35.0, 35.0, 40.0 } }));
    }

    [Test]
    public void AnEveryGroupWithACountingStepRestartsAfterTheGroupCompletes()
    {
        using var app = new AppHarness("""
            define stream LoginFailure (id string, user string);
            define stream LoginSuccess (id string, user string);
            from every (e1=LoginFailure<3:> -> e2=LoginSuccess) select e1[0].id as first, e1[last].id as last, e2.id as success insert into BreakIn;
            """, streams: ["BreakIn"]);
        foreach (var (t, id) in new[] { (0, "f1"), (1, "f2"), (2, "f3"), (3, "f4") })
        {
            app.Send(t, "LoginFailure", id, "hans");
        }

        app.Send(4, "LoginSuccess", "s1", "hans");
        app.Send(5, "LoginFailure", "f5", "hans");
        app.Send(6, "LoginSuccess", "s2", "hans");

        Assert.That(app.Rows("BreakIn"), Is.EqualTo(new[] { new object?[] { "f1", "f4", "s1" } }), "the second attempt saw one failure, not three");
    }
}
