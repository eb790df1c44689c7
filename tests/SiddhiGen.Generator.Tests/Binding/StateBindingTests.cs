using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Tests.Binding;

/// <summary>Patterns and sequences: slots in Siddhi's order, references to events, indexes and counts.</summary>
public sealed class StateBindingTests
{
    private const string Streams = "define stream A (symbol string, price double); define stream B (symbol string, volume long);\n";

    private static QuerySpec Query(string query) => FrontEndBinding.InspectClean(Streams + query).Queries.Single();

    [Test]
    public void A_chain_numbers_its_slots_left_to_right_and_keeps_every_count_and_within()
    {
        var state = Query("from every e1=A[price > 10] -> e2=B<2:5> -> e3=A within 1 sec select e1.symbol, e3.price insert into O;").State!;

        Assert.Multiple(() =>
        {
            Assert.That(state.Kind, Is.EqualTo(StateKind.Pattern));
            Assert.That(state.WithinMilliseconds, Is.EqualTo(1000));
            Assert.That(state.Events.Select(e => (e.Alias, e.StreamName, e.Path, e.IsCounting)), Is.EqualTo(new[] { ("e1", "A", "E0", false), ("e2", "B", "E1", true), ("e3", "A", "E2", false) }));
            var steps = ((NextStateSpec)state.Root).Steps;
            Assert.That(steps[0], Is.TypeOf<EveryStateSpec>());
            Assert.That(((StreamStateSpec)((EveryStateSpec)steps[0]).Inner).Filters, Has.Count.EqualTo(1));
            Assert.That(steps[1], Is.EqualTo(new CountStateSpec(new StreamStateSpec(1, EquatableArray<ExpressionSpec>.Empty), 2, 5)));
        });
    }

    [Test]
    public void The_right_operand_of_and_gets_its_slot_first_as_in_Siddhi()
    {
        var query = FrontEndBinding.InspectClean(Streams + "define stream C (code string, amount long);\nfrom e1=A and e2=C select * insert into O;").Queries.Single();

        Assert.Multiple(() =>
        {
            Assert.That(query.State!.Events.Select(e => e.Alias), Is.EqualTo(new[] { "e2", "e1" }));
            Assert.That(query.Selector.Projections.Select(p => p.Attribute.Name), Is.EqualTo(new[] { "code", "amount", "symbol", "price" }), "select * follows the slots");
        });
    }

    [Test]
    public void Indexed_collected_and_event_references_are_typed_as_Siddhi_types_them()
    {
        var query = Query("from every e1=A<2:> -> e2=B[volume > e1[last].price] select e1[0].price as first, e1.price as all, eventTimestamp(e2) as at, e2 is null as missing insert into O;");
        var projections = query.Selector.Projections;
        var filter = ((StreamStateSpec)((NextStateSpec)query.State!.Root).Steps[1]).Filters.Single();

        Assert.Multiple(() =>
        {
            Assert.That(projections[0].Expression, Is.EqualTo(new StateAttributeRefSpec(AttributeType.Double, "price", 0, "E0.Price", new EventIndexSpec(false, 0))));
            Assert.That(projections[1].Attribute.Type, Is.EqualTo(AttributeType.Object), "a counting slot's values, read without an index, are a list");
            Assert.That(projections[2].Expression, Is.EqualTo(new FunctionCallSpec(AttributeType.Long, "eventTimestamp", new EquatableArray<ExpressionSpec>(new ExpressionSpec[] { new StateEventRefSpec(1, null) }))));
            Assert.That(projections[3].Expression, Is.EqualTo(new StateEventIsNullSpec(1, null)));
            Assert.That(((BinarySpec)filter).Right, Is.EqualTo(new StateAttributeRefSpec(AttributeType.Double, "price", 0, "E0.Price", new EventIndexSpec(true, 0))));
        });
    }

    [Test]
    public void A_filter_reads_its_own_stream_unqualified_and_earlier_events_qualified()
    {
        var query = Query("from e1=A -> e2=B[volume > 10 and symbol == e1.symbol] select e2.volume insert into O;");
        var filter = (BinarySpec)((StreamStateSpec)((NextStateSpec)query.State!.Root).Steps[1]).Filters.Single();

        Assert.That(((BinarySpec)filter.Right).Left, Is.EqualTo(new AttributeRefSpec(AttributeType.String, "symbol", "E1.Symbol", RowSource.Input)));
    }

    [Test]
    public void Sequences_absent_elements_and_quantifiers_bind()
    {
        var query = Query("from every e1=A, e2=B+, not A[price > 1] for 2 sec select e1.symbol, e2[last].volume as v insert into O;");

        Assert.Multiple(() =>
        {
            Assert.That(query.State!.Kind, Is.EqualTo(StateKind.Sequence));
            var steps = ((NextStateSpec)query.State.Root).Steps;
            Assert.That(steps[1], Is.EqualTo(new CountStateSpec(new StreamStateSpec(1, EquatableArray<ExpressionSpec>.Empty), 1, -1)));
            Assert.That(((AbsentStateSpec)steps[2]).WaitMilliseconds, Is.EqualTo(2000));
            Assert.That(query.State.Events[2].IsAbsent, Is.True);
        });
    }

    [Test]
    public void A_trigger_is_a_stream_of_triggered_time_that_patterns_and_queries_read()
    {
        var app = FrontEndBinding.InspectClean(Streams + "define trigger T at every 5 sec;\nfrom e1=T -> e2=A select e1.triggered_time as at, e2.price insert into O;");

        Assert.Multiple(() =>
        {
            Assert.That(app.Triggers.Single(), Is.EqualTo(new TriggerSpec("T", TriggerKind.Periodic, 5000, null)));
            Assert.That(app.Queries.Single().Selector.Projections[0].Attribute.Type, Is.EqualTo(AttributeType.Long));
        });
    }
}
