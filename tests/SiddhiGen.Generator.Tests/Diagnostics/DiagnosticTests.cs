namespace SiddhiGen.Generator.Tests.Diagnostics;

/// <summary>Every diagnostic the binder reports: its ID, its message, and the line and column it points at.</summary>
public sealed class DiagnosticTests
{
    private const string S = "define stream S (symbol string, price double, volume long);\n";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("SIDDHI001", 2, 61, "'order by an input attribute of a pattern' is not supported yet", S + "from every e1=S -> e2=S select e1.symbol as symbol order by e2.price insert into O;");
        yield return Case("SIDDHI071", 3, 22, "'2020-06' is not a within pattern: 'yyyy-MM-dd HH:mm:ss' with '**' for the free fields, e.g. '2017-06-** **:**:**' (once a field is '**', every later one is too)", S + "define aggregation A from S select symbol, sum(price) as total group by symbol aggregate every sec ... min;\nfrom S join A within '2020-06' per 'sec' select A.total as total insert into O;");
        yield return Case("SIDDHI071", 3, 45, "'2020-06-31 00:00:00' is not a date 'yyyy-MM-dd HH:mm:ss', optionally with '.SSS' milliseconds and a ' +hh:mm' offset", S + "define aggregation A from S select symbol, sum(price) as total group by symbol aggregate every sec ... min;\nfrom S join A within '2020-06-01 00:00:00', '2020-06-31 00:00:00' per 'sec' select A.total as total insert into O;");
        yield return Case("SIDDHI044", 2, 24, "The cron expression of trigger 'Tick' must be a Quartz cron expression of 6 or 7 fields (seconds first)", S + "define trigger Tick at '*/5 * * *';\nfrom Tick select triggered_time insert into O;");
        yield return Case("SIDDHI001", 2, 6, "'output rate limiting on a pattern' is not supported yet", S + "from every e1=S -> not S[price > e1.price] for 1 sec select e1.symbol as symbol output every 2 events insert into O;");
        yield return Case("SIDDHI001", 2, 15, "'@purge on a partition' is not supported yet", S + "@purge(enable='true', interval='1 sec', idle.period='1 min') partition with (symbol of S) begin from S select symbol insert into O; end;");
        yield return Case("SIDDHI001", 2, 57, "'output rate limiting inside a partition' is not supported yet", S + "partition with (symbol of S) begin from S select symbol output last every 2 events insert into O; end;");
        yield return Case("SIDDHI030", 2, 6, "Stream 'T' is not defined", S + "from T select symbol insert into O;");
        yield return Case("SIDDHI031", 2, 15, "Attribute 'prize' is not defined in stream 'S'", S + "from S select prize insert into O;");
        yield return Case("SIDDHI032", 2, 15, "'S' is already defined", S + "define stream S (a int);\nfrom S select a insert into O;");
        yield return Case("SIDDHI033", 1, 25, "Attribute 'a' appears more than once in stream 'T'", "define stream T (a int, a long);\nfrom T select a insert into O;");
        yield return Case("SIDDHI034", 2, 14, "Operator '>' cannot be applied to double and string", S + "from S[price > 'high'] select symbol insert into O;");
        yield return Case("SIDDHI035", 2, 8, "The filter must be a bool expression, but it is double", S + "from S[price * 2] select symbol insert into O;");
        yield return Case("SIDDHI036", 2, 15, "The selected expression 'price * 2' needs a name: write 'price * 2 as name'", S + "from S select price * 2 insert into O;");
        yield return Case("SIDDHI037", 3, 34, "Query 'query_1' selects (symbol string), but stream 'O' is (symbol string, price double)", S + "define stream O (symbol string, price double);\nfrom S select symbol insert into O;");
        yield return Case("SIDDHI038", 2, 15, "Window 'lenght' does not exist", S + "from S#window.lenght(2) select symbol insert into O;");
        yield return Case("SIDDHI039", 2, 15, "Window 'length' takes one int constant (the number of events)", S + "from S#window.length('two') select symbol insert into O;");
        yield return Case("SIDDHI040", 2, 15, "Function 'avgg' does not exist", S + "from S select avgg(price) as a insert into O;");
        yield return Case("SIDDHI041", 3, 7, "A query named 'q' already exists", S + "@info(name='q') from S select symbol insert into O;\n@info(name='q') from S select symbol insert into O;");
        yield return Case("SIDDHI042", 2, 8, "Aggregator 'sum' cannot be used in a filter", S + "from S[sum(price) > 10] select symbol insert into O;");
        yield return Case("SIDDHI043", 2, 31, "'volume' in 'order by' is not an attribute of the query's output", S + "from S select symbol order by volume insert into O;");
        yield return Case("SIDDHI044", 2, 35, "The limit value must be a non-negative int or long constant", S + "from S select symbol, price limit 1.5 insert into O;");
        yield return Case("SIDDHI044", 1, 34, "@Async workers '0' must be a positive integer", "@Async(buffer.size='16', workers='0') define stream A (v int);\nfrom A select v insert into B;");
        yield return Case("SIDDHI080", 2, 1, "@sink needs a type, e.g. @sink(type='log')", "define stream T (a int);\n@sink(prefix='x')\ndefine stream O (a int);\nfrom T select a insert into O;");
        yield return Case("SIDDHI081", 2, 1, "Sink type 'carrierPigeon' does not exist", "define stream T (a int);\n@sink(type='carrierPigeon')\ndefine stream O (a int);\nfrom T select a insert into O;");
    }

    private static TestCaseData Case(string id, int line, int column, string message, string app) =>
        new TestCaseData(id, line, column, message, app).SetName($"{id} {message}");

    [TestCaseSource(nameof(Cases))]
    public void IsReportedAtTheOffendingSpan(string id, int line, int column, string message, string app)
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", app, "Tests");
        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.That(diagnostic, Is.Not.Null, $"expected {id}; got: {string.Join("; ", result.Diagnostics)}");
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic!.Message, Is.EqualTo(message));
            Assert.That((diagnostic.Location!.Line, diagnostic.Location.Column), Is.EqualTo((line, column)), diagnostic.ToString());
            Assert.That(diagnostic.IsError, Is.True);
            Assert.That(result.Source, Is.Null, "an app with errors generates nothing");
        });
    }

    [Test]
    public void SeveralErrorsInOneAppAreAllReported()
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", S + "from T select x insert into O;\nfrom S select prize insert into P;\nfrom S[price > 'x'] select symbol insert into Q;", "Tests");
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EquivalentTo(new[] { "SIDDHI030", "SIDDHI031", "SIDDHI034" }));
    }

    [Test]
    public void TheGeneratorReportsDiagnosticsWithTheSiddhiFilePath()
    {
        var file = new GeneratorDriverHarness.File("/src/MyService/Apps/Broken.siddhi", S + "from S select avg(tmp) as a insert into O;");
        var driver = GeneratorDriverHarness.CreateDriver(file).RunGenerators(GeneratorDriverHarness.EmptyCompilation());
        var diagnostic = driver.GetRunResult().Diagnostics.Single();
        var span = diagnostic.Location.GetLineSpan();
        Assert.That(diagnostic.ToString(), Does.StartWith("/src/MyService/Apps/Broken.siddhi(2,19): error SIDDHI031: Attribute 'tmp' is not defined in stream 'S'"));
        Assert.That(span.Path, Is.EqualTo("/src/MyService/Apps/Broken.siddhi"));
    }
}

/// <summary>The generator never throws: an internal failure becomes SIDDHI002 on the file.</summary>
[NonParallelizable]
public sealed class GeneratorFailureTests
{
    [Test]
    public void AnExceptionInsideThePipelineBecomesADiagnostic()
    {
        SiddhiAppCompiler.FaultInjection = () => throw new InvalidOperationException("boom");
        AppCompileResult result;
        try
        {
            result = SiddhiAppCompiler.Compile("App.siddhi", "define stream S (a int);", "Tests");
        }
        finally
        {
            SiddhiAppCompiler.FaultInjection = null;
        }

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "SIDDHI002" }));
        Assert.That(result.Diagnostics[0].Message, Is.EqualTo("SiddhiGen could not compile this app: InvalidOperationException: boom"));
    }
}
