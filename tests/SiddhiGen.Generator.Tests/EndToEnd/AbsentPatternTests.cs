namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary>
/// Patterns and sequences on the runtime's state machine: absent elements (<c>not A for t</c>) with deadlines on the
/// app's clock, <c>every</c> after the first step, counts on the last step and in sequences, aggregation over matches.
/// </summary>
public sealed class AbsentPatternTests
{
    private const string Streams = """
        define stream A (symbol string, price double);
        define stream B (symbol string, price double);
        define stream C (symbol string, price double);

        """;

    [Test]
    public void NotFollowedWithinTheWaitingTimeCompletesAtTheDeadline()
    {
        using var app = new AppHarness(Streams + """
            from e1=A[price > 20] -> not B[price > e1.price] for 1 sec select e1.symbol as symbol insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "WSO2", 55.0);
        app.AdvanceTo(999);
        Assert.That(app.Rows("Out"), Is.Empty, "the deadline has not come");

        app.AdvanceTo(1000);
        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "WSO2" } }));
    }

    [Test]
    public void AMatchingEventBeforeTheDeadlineCancelsTheMatch()
    {
        using var app = new AppHarness(Streams + """
            from every e1=A -> not B[price > e1.price] for 1 sec select e1.symbol as symbol insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "low", 10.0);
        app.Send(100, "A", "high", 90.0);
        app.Send(500, "B", "x", 50.0);
        app.AdvanceTo(5000);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "high" } }));
    }

    [Test]
    public void ALeadingAbsentStepWaitsFromTheStartOfTheApp()
    {
        using var app = new AppHarness(Streams + """
            from not A for 1 sec -> e2=B select e2.symbol as symbol insert into Out;
            """, streams: ["Out"]);
        app.Send(1500, "B", "late", 1.0);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "late" } }));
    }

    [Test]
    public void AnAbsentSideOfOrPassesAtItsDeadlineWithTheOtherSideEmpty()
    {
        using var app = new AppHarness(Streams + """
            from e1=A -> e2=B or not C for 1 sec select e1.symbol as a, e2.symbol as b insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "a", 1.0);
        app.AdvanceTo(1100);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "a", null } }));
    }

    [Test]
    public void EveryAfterTheFirstStepPairsTheFirstEventWithEachLaterOne()
    {
        using var app = new AppHarness(Streams + """
            from e1=A -> every e2=B select e1.symbol as a, e2.symbol as b insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "a", 1.0);
        app.Send(1, "B", "b1", 1.0);
        app.Send(2, "B", "b2", 1.0);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "a", "b1" }, new object?[] { "a", "b2" } }));
    }

    [Test]
    public void ACountInASequenceReadsItsOwnPreviousEventAsLast()
    {
        using var app = new AppHarness(Streams + """
            from every e1=A, e2=A[price >= e1.price and (e2[last].price is null or price >= e2[last].price)]+, e3=A[price < e2[last].price]
            select e1.price as start, e2[0].price as first, e2[last].price as peak, e3.price as drop
            insert into Out;
            """, streams: ["Out"]);
        foreach (var (t, price) in new[] { (0, 10.0), (1, 20.0), (2, 30.0), (3, 25.0) })
        {
            app.Send(t, "A", "x", price);
        }

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { 10.0, 20.0, 30.0, 25.0 } }));
    }

    [Test]
    public void AggregatorsOverMatchesCountEveryMatch()
    {
        using var app = new AppHarness(Streams + """
            from every e1=A -> e2=B select e1.symbol as symbol, count() as matches insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "a1", 1.0);
        app.Send(1, "B", "b1", 1.0);
        app.Send(2, "A", "a2", 1.0);
        app.Send(3, "B", "b2", 1.0);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { "a1", 1L }, new object?[] { "a2", 2L } }));
    }

    [Test]
    public void TheValuesACountCollectedAreAList()
    {
        using var app = new AppHarness(Streams + """
            from e1=A<2:3> -> e2=B select e1.price as prices, e1[0].price as first insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "a", 1.0);
        app.Send(1, "A", "a", 2.0);
        app.Send(2, "B", "b", 3.0);

        var row = app.Rows("Out").Single();
        Assert.That(row[0], Is.EqualTo(new object?[] { 1.0, 2.0 }));
        Assert.That(row[1], Is.EqualTo(1.0));
    }
}
