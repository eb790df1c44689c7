namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary>Sequences (<c>,</c>): the same chains, but a partial match survives only if the very next event advances it.</summary>
public sealed class SequenceTests
{
    private const string Streams = """
        define stream A (symbol string, price double);
        define stream B (symbol string, price double);

        """;

    [Test]
    public void AnEventInBetweenBreaksAPartialMatch()
    {
        using var app = new AppHarness(Streams + """
            from every e1=A[price > 20], e2=B[price > e1.price] select e1.price as first, e2.price as second insert into Out;
            """, streams: ["Out"]);
        app.Send(0, "A", "x", 55.6);
        app.Send(1, "A", "x", 57.6);
        app.Send(2, "B", "x", 65.7);

        Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { 57.6, 65.7 } }), "the 55.6 attempt was broken by the next event");
    }

    [Test]
    public void ConsecutiveEventsOfOneStreamFormARisingPair()
    {
        using var app = new AppHarness(Streams + """
            from every e1=A, e2=A[price > e1.price] select e1.price as before, e2.price as after insert into Rises;
            """, streams: ["Rises"]);
        foreach (var (t, price) in new[] { (0, 3.0), (1, 1.0), (2, 2.0), (3, 5.0) })
        {
            app.Send(t, "A", "x", price);
        }

        Assert.That(app.Rows("Rises"), Is.EqualTo(new[] { new object?[] { 1.0, 2.0 }, new object?[] { 2.0, 5.0 } }));
    }
}
