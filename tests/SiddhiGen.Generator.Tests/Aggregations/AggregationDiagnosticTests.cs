namespace SiddhiGen.Generator.Tests.Aggregations;

/// <summary>The warnings of incremental aggregations: the app still compiles, and the warning points at the construct.</summary>
public sealed class AggregationDiagnosticTests
{
    private const string S = "define stream S (symbol string, price double, volume long);\n";
    private const string A = "define aggregation A from S select symbol, sum(price) as total group by symbol aggregate every sec ... min;\n";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(
            "SIDDHI070", 3, 48, "Aggregation 'A' does not aggregate per hours: it aggregates per seconds, minutes, so every read fails at run time",
            S + A + "from S join A within '2020-**-** **:**:**' per 'hours' select A.total as total insert into O;").SetName("SIDDHI070 per a granularity the aggregation lacks");
        yield return new TestCaseData(
            "SIDDHI072", 2, 1, "Aggregation 'A' keeps its buckets in memory: @store(type='rdbms') on an aggregation is not supported yet",
            S + "@store(type='rdbms', jdbc.url='jdbc:sqlite:a.db') " + A).SetName("SIDDHI072 @store on an aggregation");
    }

    [TestCaseSource(nameof(Cases))]
    public void IsAWarningAtTheConstruct(string id, int line, int column, string message, string app)
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", app, "Tests");
        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.That(diagnostic, Is.Not.Null, $"expected {id}; got: {string.Join("; ", result.Diagnostics)}");
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic!.Message, Is.EqualTo(message));
            Assert.That((diagnostic.Location!.Line, diagnostic.Location.Column), Is.EqualTo((line, column)), diagnostic.ToString());
            Assert.That(diagnostic.IsError, Is.False);
            Assert.That(result.Diagnostics.Where(d => d.IsError), Is.Empty);
            Assert.That(result.Source, Is.Not.Null, "the app still compiles");
        });
    }
}
