using SiddhiGen.Generator.Binding;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;
using SiddhiGen.Generator.Tests.Parsing;

namespace SiddhiGen.Generator.Tests.Binding;

/// <summary>On-demand queries bound against an app's tables, named windows and aggregations.</summary>
public sealed class OnDemandQueryTests
{
    private const string App = "define stream S (symbol string, price double, volume long);\n" +
        "define table T (symbol string, price double, volume long);\n" +
        "define window W (symbol string, price double) length(5);\n" +
        "define aggregation A from S select symbol, sum(price) as total group by symbol aggregate every sec ... min;\n";

    private static OnDemandQueryResult Bind(string app, string query)
    {
        var parsed = SiddhiParser.ParseApp("App.siddhi", app);
        Assert.That(parsed.Diagnostics, Is.Empty);
        return OnDemandQueries.ForApp(new BindingContext("App.siddhi", app), parsed.App, "App.siddhi").Bind(query);
    }

    [Test]
    public void Every_on_demand_query_of_the_corpus_binds()
    {
        var corpus = CorpusParsingTests.LoadCorpus() ?? throw new IgnoreException("The conformance corpus is not present.");
        var failures = new List<string>();
        var count = 0;
        foreach (var corpusCase in corpus.Where(c => c.Error is null && c.OnDemandQueries.Count > 0))
        {
            foreach (var query in corpusCase.OnDemandQueries)
            {
                count++;
                var result = Bind(corpusCase.App, query);
                if (result.Query is null || result.Diagnostics.Count > 0)
                {
                    failures.Add(corpusCase.Id + ": " + query + " => " + string.Join(" | ", result.Diagnostics));
                }
            }
        }

        Assert.That(count, Is.GreaterThan(50));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void A_find_reads_a_table_with_unqualified_names()
    {
        var query = Bind(App, "from T on price > 75 select symbol, sum(volume) as total group by symbol").Query!;

        Assert.Multiple(() =>
        {
            Assert.That(query.Kind, Is.EqualTo(Model.OnDemandQueryKind.Find));
            Assert.That(query.StoreKind, Is.EqualTo(StoreKind.Table));
            Assert.That(((BinarySpec)query.On!).Left, Is.EqualTo(new StoreAttributeRefSpec(AttributeType.Double, "price", "Price")));
            Assert.That(query.Output.Select(a => a.Name + " " + a.Type), Is.EqualTo(new[] { "symbol String", "total Long" }));
        });
    }

    [Test]
    public void A_find_on_a_window_and_on_an_aggregation_bind()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Bind(App, "from W select symbol").Query!.StoreKind, Is.EqualTo(StoreKind.Window));
            Assert.That(Bind(App, "from A within '2020-**-** **:**:**' per 'seconds' select AGG_TIMESTAMP, total").Query!.Within, Is.Not.Null);
        });
    }

    [TestCase("from S select symbol", "SIDDHI046", "'S' is not a table, a named window or an aggregation: an on-demand query cannot read it")]
    [TestCase("from A within '2020-**-** **:**:**' per 5", "SIDDHI062", "The 'per' value must be a string such as 'hours', but it is int")]
    [TestCase("from T within '2020-**-** **:**:**' per 'seconds'", "SIDDHI046", "'within' and 'per' apply only to an aggregation")]
    [TestCase("select 'x' as symbol delete W on W.symbol == symbol", "SIDDHI053", "'W' is not a table: 'delete' needs a table")]
    [TestCase("select 'x' as symbol, 1.0 as price insert into T", "SIDDHI051", "Query 'on-demand query' selects (symbol string, price double), but table 'T' is (symbol string, price double, volume long)")]
    [TestCase("from T on prize > 1", "SIDDHI031", "Attribute 'prize' is not defined in table 'T'")]
    public void Errors_are_reported_in_the_query_text(string query, string id, string message)
    {
        var result = Bind(App, query);

        Assert.Multiple(() =>
        {
            Assert.That(result.Query, Is.Null);
            Assert.That(result.Diagnostics.Select(d => (d.Id, d.Message)), Does.Contain((id, message)));
        });
    }
}
