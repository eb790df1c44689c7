using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Tests.Binding;

/// <summary>Tables, aggregations, triggers, partitions and script functions: the specs later runtime work emits.</summary>
public sealed class StoreBindingTests
{
    private const string S = "define stream S (symbol string, price double, volume long, ts long);\n";

    [Test]
    public void A_table_keeps_its_keys_and_indexes()
    {
        var app = FrontEndBinding.InspectClean(S + "@PrimaryKey('symbol') @Index('price') @index(' volume ')\ndefine table T (symbol string, price double, volume long);");
        var table = app.Tables.Single();

        Assert.Multiple(() =>
        {
            Assert.That(table.PrimaryKey, Is.EqualTo(new[] { "symbol" }));
            Assert.That(table.Indexes, Is.EqualTo(new[] { "price", "volume" }));
            Assert.That(table.Schema.Attributes.Select(a => a.Name), Is.EqualTo(new[] { "symbol", "price", "volume" }));
            Assert.That(app.Symbols.Streams.ContainsKey("T"), Is.False, "a table is not a stream");
        });
    }

    [Test]
    public void An_aggregation_has_AGG_TIMESTAMP_then_its_selection_typed_as_Siddhi_does()
    {
        var app = FrontEndBinding.InspectClean(S + "@purge(enable='true', interval='10 sec', @retentionPeriod(sec='120 sec', min='all'))\ndefine aggregation A from S select symbol, sum(price) as total, avg(volume) as mean, count() as n, max(volume) as top, price * 2 as latest group by symbol aggregate by ts every sec ... hour;");
        var aggregation = app.Aggregations.Single();

        Assert.Multiple(() =>
        {
            Assert.That(aggregation.Schema.Attributes.Select(a => a.Name + " " + a.Type), Is.EqualTo(new[]
            {
                "AGG_TIMESTAMP Long", "symbol String", "total Double", "mean Double", "n Long", "top Long", "latest Double",
            }));
            Assert.That(aggregation.Attributes.Select(a => a.Kind), Is.EqualTo(new[]
            {
                AggregationAttributeKind.GroupBy, AggregationAttributeKind.Incremental, AggregationAttributeKind.Incremental,
                AggregationAttributeKind.Incremental, AggregationAttributeKind.Incremental, AggregationAttributeKind.Latest,
            }));
            Assert.That(aggregation.Durations, Is.EqualTo(new[] { AggregationDuration.Seconds, AggregationDuration.Minutes, AggregationDuration.Hours }));
            Assert.That(aggregation.Timestamp, Is.InstanceOf<AttributeRefSpec>());
            Assert.That(aggregation.Purge, Is.EqualTo(new AggregationPurgeSpec(true, 10_000, new EquatableArray<AggregationRetentionSpec>(new[]
            {
                new AggregationRetentionSpec(AggregationDuration.Seconds, 120_000),
                new AggregationRetentionSpec(AggregationDuration.Minutes, null),
                new AggregationRetentionSpec(AggregationDuration.Hours, 30L * 86_400_000),
            }))));
        });
    }

    [Test]
    public void A_join_with_an_aggregation_reads_its_schema_within_and_per()
    {
        var query = FrontEndBinding.InspectClean(S + "define stream Q (symbol string, since long, until long, per string);\ndefine aggregation A from S select symbol, sum(price) as total group by symbol aggregate every sec ... day;\nfrom Q as q join A as a on q.symbol == a.symbol within q.since, q.until per q.per select a.AGG_TIMESTAMP as at, a.total insert into O;").Queries.Single();

        Assert.Multiple(() =>
        {
            Assert.That(query.JoinStore!.Kind, Is.EqualTo(StoreKind.Aggregation));
            Assert.That(query.JoinStore.Side, Is.EqualTo("Right"));
            Assert.That(query.JoinStore.Within!.End, Is.Not.Null);
            Assert.That(query.Join!.Right.Triggers, Is.False, "a store never triggers a join");
            Assert.That(query.Selector.Projections.Select(p => p.Attribute.Type), Is.EqualTo(new[] { AttributeType.Long, AttributeType.Double }));
        });
    }

    [Test]
    public void Table_outputs_bind_their_conditions_against_the_output_row_and_the_table_row()
    {
        var app = FrontEndBinding.InspectClean(S + "define table T (symbol string, price double);\n" +
            "from S select symbol, price insert into T;\n" +
            "from S select symbol, price update T set T.price = T.price + price on T.symbol == symbol;\n" +
            "from S select symbol delete T on T.symbol == symbol;\n" +
            "from S select symbol, price update or insert into T on T.symbol == symbol;\n" +
            "from S[T.symbol == symbol in T] select symbol return;");
        var actions = app.Queries.Select(q => q.Output.Action).ToList();
        var update = (UpdateSpec)actions[1]!;

        Assert.Multiple(() =>
        {
            Assert.That(actions[0], Is.EqualTo(new InsertIntoTableSpec("T")));
            Assert.That(update.Set.Single().Target.Name, Is.EqualTo("price"));
            Assert.That(((BinarySpec)update.Set.Single().Value).Left, Is.EqualTo(new StoreAttributeRefSpec(AttributeType.Double, "price", "Price")));
            Assert.That(((BinarySpec)update.On).Right, Is.EqualTo(new AttributeRefSpec(AttributeType.String, "symbol", "Symbol", RowSource.Output)));
            Assert.That(actions[2], Is.TypeOf<DeleteSpec>());
            Assert.That(((UpdateOrInsertSpec)actions[3]!).Set.Select(s => s.Target.Name), Is.EqualTo(new[] { "symbol", "price" }), "without set, every output attribute is set");
            Assert.That(actions[4], Is.TypeOf<ReturnSpec>());
            Assert.That(app.Queries[4].Input.PreWindowFilters.Single(), Is.TypeOf<InTableSpec>());
        });
    }

    [Test]
    public void A_partition_binds_its_keys_queries_and_inner_streams_which_stay_inside()
    {
        var (app, diagnostics) = FrontEndBinding.Inspect(S +
            "@purge(enable='true', interval='1 sec', idle.period='1 min')\n" +
            "partition with (symbol of S, price < 10 as 'low' or price >= 10 as 'high' of T)\n" +
            "begin\n  from S select symbol, price insert into #Inner;\n  from #Inner#window.length(2) select symbol, avg(price) as mean insert into O;\nend;\n" +
            "from #Inner select symbol insert into P;");

        Assert.That(diagnostics.Select(d => d.Id), Does.Contain("SIDDHI030"), "T is not defined");
        var (clean, cleanDiagnostics) = FrontEndBinding.Inspect(S + "define stream T (price double);\n" +
            "@purge(enable='false', interval='1 sec', idle.period='1 min')\n" +
            "partition with (symbol of S, price < 10 as 'low' or price >= 10 as 'high' of T)\n" +
            "begin\n  from S select symbol, price insert into #Inner;\n  from #Inner#window.length(2) select symbol, avg(price) as mean insert into O;\nend;\n" +
            "from #Inner select symbol insert into P;");
        var partition = clean.Partitions.Single();

        Assert.Multiple(() =>
        {
            Assert.That(partition.Keys, Has.Count.EqualTo(2));
            Assert.That(((RangePartitionKeySpec)partition.Keys[1]).Ranges.Select(r => r.Label), Is.EqualTo(new[] { "low", "high" }));
            Assert.That(partition.InnerStreams.Single().Name, Is.EqualTo("#Inner"));
            Assert.That(partition.Queries.Select(q => q.Name), Is.EqualTo(new[] { "query_1", "query_2" }));
            Assert.That(partition.Purge, Is.EqualTo(new PartitionPurgeSpec(false, 1000, 60_000)));
            Assert.That(cleanDiagnostics.Select(d => d.Id).Where(id => id != "SIDDHI001"), Is.EqualTo(new[] { "SIDDHI064" }), "#Inner is not visible after the partition");
            Assert.That(app.Partitions, Is.Empty);
        });
    }

    [Test]
    public void A_script_function_call_has_the_declared_return_type()
    {
        var app = FrontEndBinding.InspectClean(S + "define function concat[javascript] return string { return data[0] + data[1]; };\nfrom S select concat(symbol, 'x') as s insert into O;");

        Assert.That(app.Queries.Single().Selector.Projections.Single().Expression, Is.TypeOf<ScriptCallSpec>().And.Property("Type").EqualTo(AttributeType.String));
    }
}
