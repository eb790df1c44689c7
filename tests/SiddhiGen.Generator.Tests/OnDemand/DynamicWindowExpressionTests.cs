using SiddhiGen.Runtime;

namespace SiddhiGen.Generator.Tests.OnDemand;

/// <summary>
/// <c>expression(attr)</c> and <c>expressionBatch(attr, ...)</c>: each event carries the condition as text, which the
/// runtime parses and binds (with the generator's parser and binder) whenever it changes, and interprets.
/// </summary>
public sealed class DynamicWindowExpressionTests
{
    private const string S = "define stream S (symbol string, price double, volume long, expr string, flush bool);\n";

    [Test]
    public void TheWindowKeepsEventsByTheConditionEachEventCarries()
    {
        var output = Run(
            S + "@info(name='q') from S#window.expression(expr) select symbol insert all events into O;",
            ("A", 1, "count() <= 2"), ("B", 1, "count() <= 2"), ("C", 1, "count() <= 2"), ("D", 1, "count() <= 2"));

        Assert.That(output, Is.EqualTo(new[] { "A", "B", "-A", "C", "-B", "D" }));
    }

    [Test]
    public void ANewConditionReevaluatesWhatTheWindowHolds()
    {
        // Three events fit 'count() <= 3'; the fourth brings 'count() <= 1': the held events are re-run through it
        // (expiring A and B, then C when D arrives), as Siddhi's processAllExpiredEvents does.
        var output = Run(
            S + "@info(name='q') from S#window.expression(expr) select symbol insert all events into O;",
            ("A", 1, "count() <= 3"), ("B", 1, "count() <= 3"), ("C", 1, "count() <= 3"), ("D", 1, "count() <= 1"));

        Assert.That(output, Is.EqualTo(new[] { "A", "B", "C", "-A", "-B", "-C", "D" }));
    }

    [Test]
    public void ConditionsUseSlidingAggregatorsAndFirstAndLast()
    {
        var output = Run(
            S + "@info(name='q') from S#window.expression(expr) select symbol insert expired events into O;",
            ("A", 10, "sum(price) < 25 and last.volume - first.volume < 5"),
            ("B", 10, "sum(price) < 25 and last.volume - first.volume < 5"),
            ("C", 10, "sum(price) < 25 and last.volume - first.volume < 5"),
            ("D", 1, "sum(price) < 25 and last.volume - first.volume < 5"));

        Assert.That(output, Is.EqualTo(new[] { "-A" }));
    }

    [Test]
    public void ExpressionBatchWithItsConditionAndIncludeInAttributes()
    {
        var output = Run(
            S + "@info(name='q') from S#window.expressionBatch(expr, flush) select symbol insert into O;",
            [("A", 0, "count() <= 2", false), ("B", 0, "count() <= 2", false), ("C", 0, "count() <= 2", true), ("D", 0, "count() <= 2", false)]);

        Assert.That(output, Is.EqualTo(new[] { "A", "B", "C" }));
    }

    [Test]
    public void ABadConditionIsAnErrorOfTheEventCarryingIt()
    {
        var logger = new ErrorRecorder();
        var clock = new VirtualClock(0);
        using var app = GeneratedApp.Create(S + "@info(name='q') from S#window.expression(expr) select symbol insert into O;", new SiddhiAppOptions { Clock = clock, LoggerFactory = logger });
        var output = new List<string?>();
        app.SubscribeQuery("q", r => output.AddRange(r.Current.Select(row => (string?)row[0])));
        app.Start();
        app.Send("S", 1, ["A", 1.0, 1L, "count() <= 2", false]);
        app.Send("S", 2, ["B", 1.0, 1L, "prize > 1", false]);
        app.Send("S", 3, ["C", 1.0, 1L, "prize > 1", false]);
        app.Send("S", 4, ["D", 1.0, 1L, "count()", false]);
        app.Send("S", 5, ["E", 1.0, 1L, "count() <= 2", false]);

        Assert.Multiple(() =>
        {
            Assert.That(output, Is.EqualTo(new[] { "A", "E" }), "events with a bad condition are dropped");
            Assert.That(app.ProcessingErrors, Is.EqualTo(3));
            Assert.That(logger.Errors.OfType<SiddhiQLException>().Select(e => e.Errors.Single().ToString()), Is.EqualTo(new[]
            {
                "SIDDHI031: Attribute 'prize' is not defined in stream 'S' (line 1, column 1)",
                "SIDDHI031: Attribute 'prize' is not defined in stream 'S' (line 1, column 1)",
                "SIDDHI035: The condition of window 'expression' must be a bool expression, but it is long (line 1, column 1)",
            }));
        });
    }

    [Test]
    public void TheGeneratedConditionDelegatesToTheRuntime()
    {
        var source = GeneratedApp.Generate(S + "@info(name='q') from S#window.expressionBatch(expr, flush) select symbol insert into O;").Source!;

        Assert.Multiple(() =>
        {
            Assert.That(source, Does.Contain("// expressionBatch(expr): each event carries the condition in 'expr'; the runtime parses and binds it when it changes."));
            Assert.That(source, Does.Contain("_condition = new(app, \"expressionBatch\", SEvent.Schema, static e => e.ToRow(), static e => e.Expr);"));
            Assert.That(source, Does.Contain("public bool IncludeTriggeringEvent(in global::SiddhiGen.Runtime.StreamEvent<SEvent> e) => e.Data.Flush == true;"));
        });
    }

    /// <summary>Records the exceptions the app logs.</summary>
    private sealed class ErrorRecorder : Microsoft.Extensions.Logging.ILoggerFactory, Microsoft.Extensions.Logging.ILogger
    {
        public List<Exception> Errors { get; } = [];

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(Microsoft.Extensions.Logging.ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null)
            {
                Errors.Add(exception);
            }
        }
    }

    private static List<string> Run(string siddhi, params (string Symbol, double Price, string Expr)[] rows) =>
        Run(siddhi, rows.Select(r => (r.Symbol, r.Price, r.Expr, false)).ToArray());

    /// <summary>Sends one event per row (volume = its position); returns what query 'q' outputs, expired rows prefixed with '-'.</summary>
    private static List<string> Run(string siddhi, (string Symbol, double Price, string Expr, bool Flush)[] rows)
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
        for (var i = 0; i < rows.Length; i++)
        {
            var (symbol, price, expr, flush) = rows[i];
            clock.AdvanceTo(i * 1000L);
            app.Send("S", i * 1000L, [symbol, price, (long)i, expr, flush]);
        }

        Assert.That(app.ProcessingErrors, Is.Zero, "no event failed");
        return output;
    }
}
