namespace SiddhiGen.Generator.Tests.Binding;

/// <summary>
/// The diagnostics of tables, aggregations, patterns, partitions, triggers and on-demand reads: each ID with its
/// message and the line and column it points at. The constructs themselves are 'not supported yet' (SIDDHI001),
/// which must not hide the errors inside them.
/// </summary>
public sealed class FrontEndDiagnosticTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("SIDDHI048", 2, 13, "@PrimaryKey names 'sym', which is not an attribute of table 'T'", "define stream S (symbol string, price double, volume long);\n@PrimaryKey('sym')\ndefine table T (symbol string, price double);\nfrom S select symbol, price insert into T;");
        yield return Case("SIDDHI049", 2, 18, "Annotation @Index('symbol') appears more than once on table 'T'", "define stream S (symbol string, price double, volume long);\n@Index('symbol') @Index('symbol')\ndefine table T (symbol string, price double);\n");
        yield return Case("SIDDHI050", 3, 12, "'T' is a table, but a pattern needs a stream", "define stream S (symbol string, price double, volume long);\ndefine table T (symbol string, price double);\nfrom every T select symbol insert into O;");
        yield return Case("SIDDHI051", 3, 34, "Query 'query_1' selects (symbol string), but table 'T' is (symbol string, price double)", "define stream S (symbol string, price double, volume long);\ndefine table T (symbol string, price double);\nfrom S select symbol insert into T;");
        yield return Case("SIDDHI052", 3, 37, "Query 'query_1' selects 'volume long', which is not an attribute of table 'T' (write a 'set' clause, or select only table attributes)", "define stream S (symbol string, price double, volume long);\ndefine table T (symbol string, price double);\nfrom S select symbol, volume update T on T.symbol == symbol;");
        yield return Case("SIDDHI053", 2, 29, "'S' is not a table: 'delete' needs a table", "define stream S (symbol string, price double, volume long);\nfrom S select symbol delete S on symbol == 'x';");
        yield return Case("SIDDHI054", 2, 44, "'stdDev' cannot be used in aggregation 'A': use sum, count, avg, min, max, distinctCount or a function", "define stream S (symbol string, price double, volume long);\ndefine aggregation A from S select symbol, stdDev(price) as sd group by symbol aggregate every sec ... min;");
        yield return Case("SIDDHI055", 2, 93, "The 'aggregate by' attribute 'price' must be long or string, but it is double", "define stream S (symbol string, price double, volume long);\ndefine aggregation A from S select symbol, sum(price) as total group by symbol aggregate by price every sec ... min;");
        yield return Case("SIDDHI056", 2, 96, "The aggregation durations 'min ... sec' must run from the finer to the coarser", "define stream S (symbol string, price double, volume long);\ndefine aggregation A from S select symbol, sum(price) as total group by symbol aggregate every min ... sec;");
        yield return Case("SIDDHI057", 2, 40, "Aggregation 'A' cannot purge hours: it does not aggregate per hours", "define stream S (symbol string, price double, volume long);\n@purge(enable='true', @retentionPeriod(hours='30 days'))\ndefine aggregation A from S select symbol, sum(price) as total group by symbol aggregate every sec ... min;\n");
        yield return Case("SIDDHI058", 2, 44, "The seconds retention '10 sec' of aggregation 'A' is too short: it must be at least 120 sec", "define stream S (symbol string, price double, volume long);\n@purge(enable='true', @retentionPeriod(sec='10 sec'))\ndefine aggregation A from S select symbol, sum(price) as total group by symbol aggregate every sec ... min;\n");
        yield return Case("SIDDHI059", 2, 1, "@PartitionById needs a 'shardId' configuration, which SiddhiGen does not have: remove it or write @PartitionById(enable='false')", "define stream S (symbol string, price double, volume long);\n@PartitionById\ndefine aggregation A from S select symbol, sum(price) as total group by symbol aggregate every sec ... min;\n");
        yield return Case("SIDDHI060", 4, 6, "A join with aggregation 'A' needs 'within' and 'per'", "define stream S (symbol string, price double, volume long);\ndefine stream Q (symbol string, start long);\ndefine aggregation A from S select symbol, sum(price) as total group by symbol aggregate every sec ... min;\nfrom Q join A on Q.symbol == A.symbol select A.symbol, A.total insert into O;");
        yield return Case("SIDDHI061", 4, 48, "'weeks' is not a granularity: 'per' takes seconds, minutes, hours, days, months or years (or sec, min, h, ...)", "define stream S (symbol string, price double, volume long);\ndefine stream Q (symbol string, start long);\ndefine aggregation A from S select symbol, sum(price) as total group by symbol aggregate every sec ... min;\nfrom Q join A within '2020-01-** **:**:**' per 'weeks' select A.symbol insert into O;");
        yield return Case("SIDDHI062", 4, 22, "The 'within' value must be a long or a string, but it is int", "define stream S (symbol string, price double, volume long);\ndefine stream Q (symbol string, start long);\ndefine aggregation A from S select symbol, sum(price) as total group by symbol aggregate every sec ... min;\nfrom Q join A within 5, Q.start per 'hours' select A.symbol insert into O;");
        yield return Case("SIDDHI063", 4, 8, "Both sides of the join ('T' and 'U') are tables or aggregations: one side must be a stream or a window", "define stream S (symbol string, price double, volume long);\ndefine table T (symbol string, price double);\ndefine table U (symbol string);\nfrom T join U on T.symbol == U.symbol select T.symbol insert into O;");
        yield return Case("SIDDHI064", 2, 6, "Inner stream '#S' exists only inside a partition", "define stream S (symbol string, price double, volume long);\nfrom #S select symbol insert into O;");
        yield return Case("SIDDHI065", 2, 41, "Inner stream '#X' is not defined in this partition", "define stream S (symbol string, price double, volume long);\npartition with (symbol of S) begin from #X select symbol insert into O; end;");
        yield return Case("SIDDHI066", 2, 27, "'e3' is not an event or stream of this pattern", "define stream S (symbol string, price double, volume long);\nfrom e1=S -> e2=S[price > e3.price] select e1.symbol insert into O;");
        yield return Case("SIDDHI030", 2, 27, "Stream 'P' is not defined", "define stream S (symbol string, price double, volume long);\npartition with (symbol of P) begin from S select symbol insert into O; end;");
        yield return Case("SIDDHI030", 2, 27, "Stream 'R' is not defined", "define stream S (symbol string, price double, volume long);\ndefine aggregation A from R select sum(price) as total aggregate every sec ... min;");
        yield return Case("SIDDHI039", 2, 15, "Function 'eventTimestamp' takes no arguments, or one event (an object, such as a pattern event 'e1')", "define stream S (symbol string, price double, volume long);\nfrom S select eventTimestamp(symbol) as ts insert into O;");
        yield return Case("SIDDHI039", 2, 36, "Aggregator 'sum' in aggregation 'A' takes one numeric attribute (int, long, float or double), not string", "define stream S (symbol string, price double, volume long);\ndefine aggregation A from S select sum(symbol) as total aggregate every sec ... min;");
        yield return Case("SIDDHI039", 2, 36, "Aggregator 'min' in aggregation 'A' takes one numeric attribute (int, long, float or double)", "define stream S (symbol string, price double, volume long);\ndefine aggregation A from S select min() as low aggregate every sec ... min;");
        yield return Case("SIDDHI080", 2, 1, "@Index on table 'T' takes one attribute: write one @Index per attribute, e.g. @Index('a') @Index('b')", "define stream S (symbol string, price double, volume long);\n@Index('symbol', 'price')\ndefine table T (symbol string, price double);\n");
        yield return Case("SIDDHI031", 3, 10, "Attribute 'volume' is not defined in table 'T'", "define stream S (symbol string, price double, volume long);\ndefine table T (symbol string, price double);\nfrom S[T.volume == volume in T] select symbol insert into O;");
        yield return Case("SIDDHI031", 3, 36, "Attribute 'price' is not defined in 'e1'", "define stream U (symbol string);\ndefine stream S (symbol string, price double, volume long);\nfrom every e1=U -> e2=S[price > e1.price] select e1.symbol insert into O;");
        yield return Case("SIDDHI047", 2, 32, "Attribute 'symbol' exists in both 'e1' and 'e2': qualify it, e.g. 'e2.symbol'", "define stream S (symbol string, price double, volume long);\nfrom every e1=S -> e2=S select symbol insert into O;");
    }

    private static TestCaseData Case(string id, int line, int column, string message, string app) =>
        new TestCaseData(id, line, column, message, app).SetName($"{id} {message}");

    [TestCaseSource(nameof(Cases))]
    public void IsReportedAtTheOffendingSpan(string id, int line, int column, string message, string app)
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", app, "Tests");
        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Id == id && d.Message == message);
        Assert.That(diagnostic, Is.Not.Null, $"expected {id} '{message}'; got: {string.Join("; ", result.Diagnostics)}");
        Assert.Multiple(() =>
        {
            Assert.That((diagnostic!.Location!.Line, diagnostic.Location.Column), Is.EqualTo((line, column)), diagnostic.ToString());
            Assert.That(diagnostic.IsError, Is.True);
            Assert.That(result.Source, Is.Null, "an app with errors generates nothing");
        });
    }
}
