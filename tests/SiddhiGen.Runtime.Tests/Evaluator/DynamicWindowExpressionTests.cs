namespace SiddhiGen.Runtime.Tests.Evaluator;

/// <summary>
/// <see cref="DynamicWindowExpression{T}"/> driving the runtime windows directly: the condition text comes from the
/// events (here from a variable the accessor reads), is bound when it changes, and the window re-evaluates.
/// </summary>
public sealed class DynamicWindowExpressionTests
{
    private static readonly StreamSchema s_schema = new("S", [new("symbol", SiddhiType.String), new("price", SiddhiType.Double), new("volume", SiddhiType.Long), new("ts", SiddhiType.Long)]);

    private string? _condition;

    private DynamicWindowExpression<TestEvent> Expression(string window = "expression") =>
        new(new TestApp(), window, s_schema, e => [e.Symbol, e.Price, e.Volume, e.Ts], _ => _condition);

    [Test]
    public void SlidesByTheConditionAndReevaluatesWhenItChanges()
    {
        var expression = Expression();
        var h = WindowHarness.Create((clock, _) => new ExpressionWindow<TestEvent, DynamicWindowExpression<TestEvent>>(clock, expression));
        _condition = "count() <= 2";
        h.SendEach(0, "A", "B", "C");
        _condition = "count() <= 1";
        h.Send(0, new TestEvent("D"));

        Assert.Multiple(() =>
        {
            Assert.That(h.Log, Is.EqualTo(new[] { "+A", "+B", "-A +C", "-B -C +D" }));
            Assert.That(expression.Text, Is.EqualTo("count() <= 1"));
        });
    }

    [Test]
    public void BatchesBySumAndFirstAndLast()
    {
        var h = WindowHarness.Create((clock, _) => new ExpressionBatchWindow<TestEvent, DynamicWindowExpression<TestEvent>>(clock, Expression("expressionBatch")));
        _condition = "sum(price) < 10 and eventTimestamp(last) - eventTimestamp(first) < 100";
        h.Send(0, new TestEvent("A", 3));
        h.Send(10, new TestEvent("B", 4));
        h.Send(20, new TestEvent("C", 5));
        h.Send(200, new TestEvent("D", 1));

        Assert.That(h.Rows, Is.EqualTo(new[] { "+A", "+B", "-A", "-B", "+C" }));
    }

    [Test]
    public void ABadConditionThrowsForEveryEventCarryingIt()
    {
        var expression = Expression();
        _condition = "volume";
        var e = new StreamEvent<TestEvent>(0, new TestEvent("A", 1, 1));

        var first = Assert.Throws<SiddhiQLException>(() => expression.HasChanged(in e))!;
        var again = Assert.Throws<SiddhiQLException>(() => expression.HasChanged(in e))!;
        _condition = null;
        var missing = Assert.Throws<SiddhiQLException>(() => expression.HasChanged(in e))!;
        _condition = "volume > 0";

        Assert.Multiple(() =>
        {
            Assert.That(first.Errors.Single().ToString(), Is.EqualTo("SIDDHI035: The condition of window 'expression' must be a bool expression, but it is long (line 1, column 1)"));
            Assert.That(again.Message, Is.EqualTo(first.Message));
            Assert.That(missing.Message, Does.Contain("is null"));
            Assert.That(expression.HasChanged(in e), Is.True);
            Assert.That(expression.Evaluate(EventKind.Current, in e, in e, in e), Is.True);
        });
    }

    private sealed class TestApp() : SiddhiApp("Test", new SiddhiAppOptions { Clock = new VirtualClock(0) }, playback: false);
}
