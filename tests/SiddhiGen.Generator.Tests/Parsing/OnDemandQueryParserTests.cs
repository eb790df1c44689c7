using SiddhiGen.Generator.Parsing;
using static SiddhiGen.Generator.Tests.Parsing.ParsingTestHelpers;

namespace SiddhiGen.Generator.Tests.Parsing;

public sealed class OnDemandQueryParserTests
{
    private static OnDemandQuerySyntax Parse(string text)
    {
        var result = SiddhiParser.ParseOnDemandQuery("query", text);
        Assert.That(result.Diagnostics, Is.Empty, string.Join(" | ", result.Diagnostics));
        return result.Query!;
    }

    [Test]
    public void Find_with_every_clause()
    {
        var query = Parse("from StockTable as t on price > 5 select symbol, sum(volume) as total group by symbol having total > 150 order by total desc limit 2 offset 1;");
        Assert.That(query.Kind, Is.EqualTo(OnDemandQueryKind.Find));
        Assert.That(query.Input!.Source.Text, Is.EqualTo("StockTable"));
        Assert.That(query.Input.Alias!.Text, Is.EqualTo("t"));
        Assert.That(Show(query.Input.On!), Is.EqualTo("(> price 5i)"));
        Assert.That(query.Selector!.OrderBy.Single().IsDescending, Is.True);
        Assert.That(query.Output, Is.Null);
    }

    [Test]
    public void Find_on_an_aggregation()
    {
        var query = Parse("from stockAggregation within 0L, 1543664151000L per 'minutes' select AGG_TIMESTAMP, symbol");
        Assert.That(Show(query.Input!.WithinStart!), Is.EqualTo("0l"));
        Assert.That(Show(query.Input.Per!), Is.EqualTo("'minutes'"));
        Assert.That(Parse("from StockTable").Selector, Is.Null);
    }

    [Test]
    public void Insert_delete_update_and_upsert()
    {
        var insert = Parse("select 10 as id, 'YAHOO' as symbol insert into StockTable;");
        Assert.That((insert.Kind, ((InsertIntoSyntax)insert.Output!).Target.Name.Text), Is.EqualTo((OnDemandQueryKind.Insert, "StockTable")));

        var delete = Parse("delete StockTable on StockTable.volume == 100L");
        Assert.That((delete.Kind, delete.Selector), Is.EqualTo((OnDemandQueryKind.Delete, (SelectorSyntax?)null)));
        Assert.That(Parse("select 100L as vol delete StockTable on StockTable.volume == vol").Selector, Is.Not.Null);

        var update = Parse("update StockTable set StockTable.symbol = 'M', StockTable.volume = 2000 on StockTable.id == 2");
        Assert.That((update.Kind, ((UpdateSyntax)update.Output!).Set.Length), Is.EqualTo((OnDemandQueryKind.Update, 2)));

        var upsert = Parse("select 'n' as symbol update or insert into StockTable set StockTable.symbol = symbol on StockTable.volume == 100L");
        Assert.That(upsert.Kind, Is.EqualTo(OnDemandQueryKind.UpdateOrInsert));
    }

    [Test]
    public void Errors_are_reported_with_positions()
    {
        var result = SiddhiParser.ParseOnDemandQuery("query", "from T on a >");
        Assert.That(result.Query, Is.Null);
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location!.Column)), Is.EqualTo(new[] { ("SIDDHI010", 14) }));

        var insertWithoutSelect = SiddhiParser.ParseOnDemandQuery("query", "insert into T");
        Assert.That(insertWithoutSelect.Diagnostics.Single().Message, Does.Contain("needs a 'select' clause"));

        var trailing = SiddhiParser.ParseOnDemandQuery("query", "from T select a; from U");
        Assert.That(trailing.Diagnostics.Single().Message, Is.EqualTo("Expected the end of the query after the on-demand query, found 'from'"));
    }
}
