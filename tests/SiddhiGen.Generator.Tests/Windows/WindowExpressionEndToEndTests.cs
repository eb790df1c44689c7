using SiddhiGen.Runtime;

namespace SiddhiGen.Generator.Tests.Windows;

/// <summary>
/// <c>expression</c> and <c>expressionBatch</c> windows compiled by the real generator and run: the condition
/// string becomes a struct that the runtime window evaluates as events arrive and leave.
/// </summary>
public sealed class WindowExpressionEndToEndTests
{
    private const string S = "define stream S (symbol string, price double, volume long, flush bool);\n";

    [Test]
    public void ExpressionKeepsEventsWhileTheCountHolds()
    {
        var output = Run(
            S + "@info(name='q') from S#window.expression('count() <= 2') select symbol insert all events into O;",
            ("A", 1.0, 1L, false), ("B", 1.0, 1L, false), ("C", 1.0, 1L, false), ("D", 1.0, 1L, false));

        Assert.That(output, Is.EqualTo(new[] { "A", "B", "-A", "C", "-B", "D" }));
    }

    [Test]
    public void ExpressionExpiresFromTheOldestUntilFirstAndLastAreCloseEnough()
    {
        var output = Run(
            S + "@info(name='q') from S#window.expression('last.volume - first.volume <= 2') select symbol insert all events into O;",
            ("A", 0.0, 1L, false), ("B", 0.0, 2L, false), ("C", 0.0, 3L, false), ("D", 0.0, 4L, false), ("E", 0.0, 10L, false));

        Assert.That(output, Is.EqualTo(new[] { "A", "B", "C", "-A", "D", "-B", "-C", "-D", "E" }));
    }

    [Test]
    public void ExpressionSeesEventTimestampsOfFirstAndLast()
    {
        var output = Run(
            S + "@info(name='q') from S#window.expression('eventTimestamp(last) - eventTimestamp(first) < 2000') select symbol insert expired events into O;",
            [(0L, "A"), (1000L, "B"), (2500L, "C"), (2600L, "D"), (5000L, "E")]);

        Assert.That(output, Is.EqualTo(new[] { "-A", "-B", "-C", "-D" }));
    }

    [Test]
    public void AggregatorsOfTheConditionSlideWithTheWindowAndUseClassAggregators()
    {
        // max/min are classes in the runtime: the struct must create them.
        var output = Run(
            S + "@info(name='q') from S#window.expression('max(price) - min(price) < 10') select symbol, sum(price) as total insert into O;",
            ("A", 1.0, 0L, false), ("B", 5.0, 0L, false), ("C", 12.0, 0L, false), ("D", 30.0, 0L, false));

        Assert.That(output, Is.EqualTo(new[] { "A", "B", "C", "D" }));
    }

    [Test]
    public void ExpressionBatchFlushesWhenAnArrivalMakesTheConditionFalse()
    {
        var output = Run(
            S + "@info(name='q') from S#window.expressionBatch('sum(price) < 10') select symbol insert all events into O;",
            ("A", 3.0, 0L, false), ("B", 4.0, 0L, false), ("C", 5.0, 0L, false), ("D", 1.0, 0L, false), ("E", 20.0, 0L, false));

        Assert.That(output, Is.EqualTo(new[] { "A", "B", "-A", "-B", "C", "D" }));
    }

    [Test]
    public void ExpressionBatchReadsIncludeTriggeringEventFromAnAttribute()
    {
        var output = Run(
            S + "@info(name='q') from S#window.expressionBatch('count() <= 2', flush) select symbol insert into O;",
            ("A", 0.0, 0L, false), ("B", 0.0, 0L, false), ("C", 0.0, 0L, true), ("D", 0.0, 0L, false), ("E", 0.0, 0L, false), ("F", 0.0, 0L, false));

        // C closes the batch it triggers (flush = true); E starts the next one (flush = false).
        Assert.That(output, Is.EqualTo(new[] { "A", "B", "C", "D" }));
    }

    [Test]
    public void ExpressionBatchStreamsCurrentEventsWhenAsked()
    {
        var output = Run(
            S + "@info(name='q') from S#window.expressionBatch('last.symbol == first.symbol', false, true) select symbol insert all events into O;",
            ("A", 0.0, 0L, false), ("A", 0.0, 0L, false), ("B", 0.0, 0L, false));

        Assert.That(output, Is.EqualTo(new[] { "A", "A", "-A", "-A", "B" }));
    }

    [Test]
    public void ANamedWindowCanBeAnExpressionBatch()
    {
        var output = Run(
            S + "define window W (symbol string, price double, volume long, flush bool) expressionBatch('count() <= 2') output all events;\n"
              + "from S insert into W;\n"
              + "@info(name='q') from W select symbol insert all events into O;",
            ("A", 0.0, 0L, false), ("B", 0.0, 0L, false), ("C", 0.0, 0L, false), ("D", 0.0, 0L, false), ("E", 0.0, 0L, false));

        Assert.That(output, Is.EqualTo(new[] { "A", "B", "-A", "-B", "C", "D" }));
    }

    [Test]
    public void TheGeneratedConditionIsAReadableStructWithTheConditionAsAComment()
    {
        var source = GeneratedApp.Generate(S + "@info(name='q') from S#window.expression('count() <= 2') select symbol insert into O;").Source!;

        Assert.Multiple(() =>
        {
            Assert.That(source, Does.Contain("// expression('count() <= 2'): the condition that decides which events the window keeps."));
            Assert.That(source, Does.Contain("private struct WindowExpression : global::SiddhiGen.Runtime.IWindowExpression<SEvent>"));
            Assert.That(source, Does.Contain("global::SiddhiGen.Runtime.ExpressionWindow<SEvent, WindowExpression>"));
        });
    }

    /// <summary>
    /// Sends one event per row at 1000 ms intervals; returns the symbols query 'q' outputs, expired ones prefixed
    /// with '-' (within one output, expired events come first, as the windows emit them).
    /// </summary>
    private static List<string> Run(string siddhi, params (string Symbol, double Price, long Volume, bool Flush)[] rows) =>
        Run(siddhi, rows.Select((r, i) => (i * 1000L, new object?[] { r.Symbol, r.Price, r.Volume, r.Flush })).ToArray());

    private static List<string> Run(string siddhi, (long Time, string Symbol)[] rows) =>
        Run(siddhi, rows.Select(r => (r.Time, new object?[] { r.Symbol, 0.0, 0L, false })).ToArray());

    private static List<string> Run(string siddhi, (long Time, object?[] Row)[] rows)
    {
        var clock = new VirtualClock(0);
        using var app = GeneratedApp.Create(siddhi, new SiddhiAppOptions { Clock = clock });
        var output = new List<string>();
        app.SubscribeQuery("q", result =>
        {
            output.AddRange(result.Expired.Select(row => "-" + (string?)row[0]));
            output.AddRange(result.Current.Select(row => (string?)row[0] ?? "null"));
        });
        app.Start();
        foreach (var (time, row) in rows)
        {
            clock.AdvanceTo(time);
            app.Send("S", time, row);
        }

        return output;
    }
}
