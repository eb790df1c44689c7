namespace SiddhiGen.Generator.Tests.Windows;

/// <summary>
/// Errors in the condition of <c>expression</c>/<c>expressionBatch</c> windows: the string is parsed and bound at
/// build time, so each problem is reported where it stands inside the string, in the app's own lines and columns.
/// </summary>
public sealed class WindowExpressionDiagnosticTests
{
    private const string S = "define stream S (symbol string, price double, volume long, flush bool, expr string);\n";

    private static IEnumerable<TestCaseData> Cases()
    {
        // Siddhi: "Expression ('eventTimestamp(last)') does not return Bool" (corpus expressionBatchWindowTest20).
        yield return Case(
            "SIDDHI035", 2, "eventTimestamp(last)",
            "The condition of window 'expressionBatch' must be a bool expression, but it is long",
            S + "from S#window.expressionBatch('eventTimestamp(last)', flush, true) select symbol insert into O;");
        yield return Case(
            "SIDDHI035", 2, "price",
            "The condition of window 'expression' must be a bool expression, but it is double",
            S + "from S#window.expression('price') select symbol insert into O;");
        yield return Case(
            "SIDDHI031", 2, "prize",
            "Attribute 'prize' is not defined in stream 'S'",
            S + "from S#window.expression('last.prize - first.price < 2') select symbol insert into O;");
        yield return Case(
            "SIDDHI031", 2, "prize",
            "Attribute 'prize' is not defined in stream 'S'",
            S + "from S#window.expression('sum(prize) < 2') select symbol insert into O;");
        yield return Case(
            "SIDDHI034", 2, "+",
            "Operator '+' cannot be applied to string and long",
            S + "from S#window.expressionBatch('symbol + volume > 1') select symbol insert into O;");
        yield return Case(
            "SIDDHI010", 2, "')",
            "Expected an expression after '<=', found the end of the app",
            S + "from S#window.expression('count() <= ') select symbol insert into O;");
        yield return Case(
            "SIDDHI010", 2, "volume < 3",
            "Expected the end of the expression after 'count() < 2', found 'volume'",
            S + "from S#window.expression('count() < 2 volume < 3') select symbol insert into O;");
        yield return Case(
            "SIDDHI040", 2, "avgg",
            "Function 'avgg' does not exist",
            S + "from S#window.expression('avgg(price) < 2') select symbol insert into O;");

        // A triple-quoted condition may span lines: positions stay exact.
        yield return Case(
            "SIDDHI031", 3, "prize",
            "Attribute 'prize' is not defined in stream 'S'",
            S + "from S#window.expression(\"\"\"count() < 3\n   and prize > 1\"\"\")\nselect symbol insert into O;");

        yield return Case(
            "SIDDHI039", 2, "expression(",
            "Window 'expression' takes one string: the condition to keep events by, e.g. 'count() <= 10' (or a string attribute holding it)",
            S + "from S#window.expression(10) select symbol insert into O;");
        yield return Case(
            "SIDDHI039", 2, "expressionBatch(",
            "Window 'expressionBatch' takes a string condition, e.g. 'count() <= 10' (or a string attribute holding it), optionally include.triggering.event (a bool constant or attribute) and stream.current.event (a bool constant)",
            S + "from S#window.expressionBatch('count() < 2', 'yes') select symbol insert into O;");
        yield return Case(
            "SIDDHI039", 2, "expressionBatch(",
            "Window 'expressionBatch' takes a string condition, e.g. 'count() <= 10' (or a string attribute holding it), optionally include.triggering.event (a bool constant or attribute) and stream.current.event (a bool constant)",
            S + "from S#window.expressionBatch('count() < 2', false, flush) select symbol insert into O;");

        // A condition held in an attribute is parsed at run time: its errors are the runtime's (OnDemand/DynamicWindowExpressionTests).

        // The named window's condition is checked the same way.
        yield return Case(
            "SIDDHI035", 1, "volume')",
            "The condition of window 'expressionBatch' must be a bool expression, but it is long",
            "define window W (symbol string, volume long) expressionBatch('volume') output all events;\ndefine stream T (symbol string, volume long);\nfrom T insert into W;");
    }

    /// <summary>The expected column is where <paramref name="marker"/> first appears on <paramref name="line"/>.</summary>
    private static TestCaseData Case(string id, int line, string marker, string message, string app)
    {
        var text = app.Split('\n')[line - 1];
        var column = text.IndexOf(marker, StringComparison.Ordinal) + 1;
        Assert.That(column, Is.GreaterThan(0), "marker not on the line");
        return new TestCaseData(id, line, column, message, app).SetName($"{id} {message}");
    }

    [TestCaseSource(nameof(Cases))]
    public void IsReportedInsideTheCondition(string id, int line, int column, string message, string app)
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", app, "Tests");
        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.That(diagnostic, Is.Not.Null, $"expected {id}; got: {string.Join("; ", result.Diagnostics)}");
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic!.Message, Is.EqualTo(message));
            Assert.That((diagnostic.Location!.Line, diagnostic.Location.Column), Is.EqualTo((line, column)), diagnostic.ToString());
            Assert.That(diagnostic.Location.FilePath, Is.EqualTo("App.siddhi"));
            Assert.That(diagnostic.IsError, Is.True);
            Assert.That(result.Source, Is.Null, "an app with errors generates nothing");
        });
    }

    [Test]
    public void AnErrorInTheConditionIsReportedOnce()
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", S + "from S#window.expression('count() <= ') select symbol insert into O;", "Tests");
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "SIDDHI010" }));
    }

    [TestCase("count() <= 2")]
    [TestCase("sum(price) < 100 and eventTimestamp(last) - eventTimestamp(first) < 3000")]
    [TestCase("last.volume - first.volume <= 2")]
    [TestCase("S.price > 1 or eventTimestamp(S) > 0 or eventTimestamp() > 0")]
    [TestCase("flush")]
    [TestCase("not flush and last.symbol == first.symbol")]
    [TestCase("distinctCount(symbol) < 3 and max(price) - min(price) < 10 and avg(volume) < 5.0 and stdDev(price) < 2")]
    public void ValidConditionsGenerateCode(string condition)
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", S + $"from S#window.expressionBatch(\"{condition}\") select symbol insert into O;", "Tests");
        Assert.That(result.Diagnostics, Is.Empty);
        GeneratedApp.Compile(result.Source!);
    }

    [Test]
    public void AnExpressionWindowCanBeAJoinSide()
    {
        var result = SiddhiAppCompiler.Compile(
            "App.siddhi",
            S + "define stream T (symbol string, limit double);\n"
              + "from S#window.expressionBatch('count() <= 2') as s join T#window.expression('eventTimestamp(last) - eventTimestamp(first) < 1000') as t\n"
              + "on s.symbol == t.symbol select s.symbol, t.limit insert into O;",
            "Tests");
        Assert.That(result.Diagnostics, Is.Empty);
        GeneratedApp.Compile(result.Source!);
    }
}
