using SiddhiGen.Generator.Tests.EndToEnd;

namespace SiddhiGen.Generator.Tests.Aggregations;

/// <summary>
/// <c>define aggregation</c> through the real generator and runtime: typed input side, buckets per granularity,
/// reads by joins (<c>within</c>/<c>per</c> from constants or the triggering event) and on-demand queries.
/// </summary>
public sealed class AggregationEndToEndTests
{
    private const long June1 = 1_496_275_200_000; // 2017-06-01 00:00:00 UTC

    private const string Trades =
        "define stream Trade (symbol string, price float, quantity int, ts long);\n" +
        "define aggregation Totals from Trade[price > 0]\n" +
        "select symbol, sum(price) as total, avg(price) as mean, count() as n, min(price) as low, max(price) as high,\n" +
        "       distinctCount(quantity) as sizes, price * quantity as lastValue\n" +
        "group by symbol aggregate by ts every sec ... year;\n";

    private static AppHarness WithTrades(string queries = "", string[]? streams = null)
    {
        var harness = new AppHarness(Trades + queries, streams);
        harness.Send(0, "Trade", "IBM", 10f, 1, June1 + 1_000);
        harness.Send(0, "Trade", "IBM", 30f, 2, June1 + 1_500);
        harness.Send(0, "Trade", "WSO2", 5f, 1, June1 + 61_000);
        harness.Send(0, "Trade", "IBM", 20f, 2, June1 + 1_200); // out of order: into its own second
        harness.Send(0, "Trade", "IBM", -1f, 9, June1 + 2_000); // filtered out
        return harness;
    }

    [Test]
    public void OnDemandReadsEveryBaseValuePerSecond()
    {
        using var harness = WithTrades();

        Assert.That(harness.App.Query($"from Totals within {June1}L, {June1 + 86_400_000}L per 'seconds'"), Is.EqualTo(new[]
        {
            new object?[] { June1 + 1_000, "IBM", 60.0, 20.0, 3L, 10f, 30f, 2L, 60f },
            new object?[] { June1 + 61_000, "WSO2", 5.0, 5.0, 1L, 5f, 5f, 1L, 5f },
        }), "the latest value is the one of the latest event time (1.5 s), not of the last arrival");
    }

    [Test]
    public void CoarserGranularitiesHoldTheSameEvents()
    {
        using var harness = WithTrades();

        Assert.Multiple(() =>
        {
            Assert.That(harness.App.Query("from Totals within '2017-06-01 **:**:**' per 'hours' select AGG_TIMESTAMP, symbol, total, n"), Is.EqualTo(new[]
            {
                new object?[] { June1, "IBM", 60.0, 3L },
                new object?[] { June1, "WSO2", 5.0, 1L },
            }));
            Assert.That(harness.App.Query("from Totals on symbol == 'IBM' within '2017-**-** **:**:**' per 'years' select total"), Is.EqualTo(new[] { new object?[] { 60.0 } }));
            Assert.That(harness.App.Query("from Totals within '2018-**-** **:**:**' per 'days'"), Is.Empty);
        });
    }

    [Test]
    public void AJoinReadsTheBucketsItsTriggerNames()
    {
        const string join =
            "define stream Ask (symbol string, lo string, hi string, gran string);\n" +
            "from Ask as a join Totals as t on a.symbol == t.symbol within a.lo, a.hi per a.gran\n" +
            "select t.symbol, t.total, t.n order by AGG_TIMESTAMP insert into Out;\n";
        using var harness = WithTrades(join, ["Out"]);
        harness.Send(100, "Ask", "IBM", "2017-06-01 00:00:00", "2017-06-02 00:00:00", "minutes");
        harness.Send(200, "Ask", "WSO2", "2017-06-01 05:30:00 +05:30", "2017-06-01 00:02:00", "minutes");

        Assert.That(harness.Rows("Out"), Is.EqualTo(new[]
        {
            new object?[] { "IBM", 60.0, 3L },
            new object?[] { "WSO2", 5.0, 1L },
        }));
    }

    [Test]
    public void AMalformedWithinFromAnEventIsAnErrorOfThatEventOnly()
    {
        const string join =
            "define stream Ask (lo string, hi string);\n" +
            "from Ask join Totals within lo, hi per 'seconds' select total insert into Out;\n";
        using var harness = WithTrades(join, ["Out"]);
        harness.Send(100, "Ask", "yesterday", "today");
        harness.Send(200, "Ask", "2017-06-01 00:00:00", "2017-06-01 00:00:02");

        Assert.Multiple(() =>
        {
            Assert.That(harness.App.ProcessingErrors, Is.EqualTo(1));
            Assert.That(harness.Rows("Out"), Is.EqualTo(new[] { new object?[] { 60.0 } }));
        });
    }

    [Test]
    public void ArrivalTimeBucketsRollUpOnTheAppsClock()
    {
        using var harness = new AppHarness(
            "define stream S (symbol string, v long);\n" +
            "define aggregation A from S select symbol, sum(v) as total group by symbol aggregate every sec, min;\n");
        harness.Send(0, "S", "x", 1L);
        harness.Send(500, "S", "x", 2L);
        harness.Send(1_000, "S", "x", 4L);
        harness.AdvanceTo(120_000);

        var seconds = harness.App.Query($"from A within {AppHarness.Base}L, {AppHarness.Base + 120_000}L per 'sec' select AGG_TIMESTAMP, total");
        var minutes = harness.App.Query($"from A within {AppHarness.Base - 60_000}L, {AppHarness.Base + 120_000}L per 'min' select total");
        Assert.Multiple(() =>
        {
            Assert.That(seconds, Is.EqualTo(new[] { new object?[] { AppHarness.Base, 3L }, new object?[] { AppHarness.Base + 1_000, 4L } }));
            Assert.That(minutes, Is.EqualTo(new[] { new object?[] { 7L } }));
        });
    }

    [Test]
    public void StreamFunctionsRunOnTheInputSide()
    {
        using var harness = new AppHarness(
            "define stream P (theta double, rho double);\n" +
            "define aggregation Points from P#log('point')#pol2Cart(theta, rho)[x > 0]\n" +
            "select sum(x) as sx, max(y) as my aggregate every sec;\n");
        harness.Send(0, "P", 0.0, 2.0);
        harness.Send(10, "P", 90.0, 3.0); // x is 3 cos 90°, a tiny positive number: it passes
        harness.Send(20, "P", 180.0, 1.0); // x = -1: filtered out

        var rows = harness.App.Query($"from Points within {AppHarness.Base}L, {AppHarness.Base + 1_000}L per 'seconds' select sx, my");
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That((double)rows[0][0]!, Is.EqualTo(2.0 + (3.0 * Math.Cos(Math.PI / 2))).Within(1e-9));
    }
}
