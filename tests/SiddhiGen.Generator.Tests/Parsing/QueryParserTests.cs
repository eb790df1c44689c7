using SiddhiGen.Generator.Parsing;
using static SiddhiGen.Generator.Tests.Parsing.ParsingTestHelpers;

namespace SiddhiGen.Generator.Tests.Parsing;

public sealed class QueryParserTests
{
    [Test]
    public void Single_input_with_handlers_before_and_after_the_window()
    {
        var query = Query("from S[a > 1]#str:tokenize(c)#[b < 2]#window.length(5)[c == 'x']#log() select a insert into O;");
        var input = (SingleInputSyntax)query.Input;
        Assert.That(input.Source.Name.Text, Is.EqualTo("S"));
        Assert.That(input.Handlers.Select(h => h.GetType().Name), Is.EqualTo(new[]
        {
            nameof(FilterHandlerSyntax), nameof(StreamFunctionHandlerSyntax), nameof(FilterHandlerSyntax),
            nameof(WindowHandlerSyntax), nameof(FilterHandlerSyntax), nameof(StreamFunctionHandlerSyntax),
        }));
        Assert.That(input.Window!.Function.FullName, Is.EqualTo("length"));
        Assert.That(input.PreWindowHandlers, Has.Length.EqualTo(3));
        Assert.That(input.PostWindowHandlers, Has.Length.EqualTo(2));
        Assert.That(((StreamFunctionHandlerSyntax)input.Handlers[1]).Function.FullName, Is.EqualTo("str:tokenize"));
    }

    [Test]
    public void Namespaced_window_and_keyword_named_window()
    {
        var input = (SingleInputSyntax)Query("from S#window.unique:time(c, 1 sec) select a insert into O;").Input;
        Assert.That(input.Window!.Function.Namespace!.Text, Is.EqualTo("unique"));
        Assert.That(input.Window.Function.Name.Text, Is.EqualTo("time"));
    }

    [Test]
    public void Inner_and_fault_streams()
    {
        var fault = Query("from !S select a, _error insert into !O;");
        Assert.That(((SingleInputSyntax)fault.Input).Source.IsFault, Is.True);
        Assert.That(((InsertIntoSyntax)fault.Output).Target.IsFault, Is.True);

        var app = ParseClean(Definitions + "partition with (c of S) begin from S select a insert into #Inner; from #Inner select a insert into O; end;");
        var partition = (PartitionSyntax)app.ExecutionElements.Single();
        Assert.That(((InsertIntoSyntax)partition.Queries[0].Output).Target.IsInner, Is.True);
        Assert.That(((SingleInputSyntax)partition.Queries[1].Input).Source.IsInner, Is.True);
        Assert.That(((SingleInputSyntax)partition.Queries[1].Input).Source.Name.Text, Is.EqualTo("Inner"));
    }

    [TestCase("join", JoinKind.Inner)]
    [TestCase("inner join", JoinKind.Inner)]
    [TestCase("left outer join", JoinKind.LeftOuter)]
    [TestCase("RIGHT OUTER JOIN", JoinKind.RightOuter)]
    [TestCase("full outer join", JoinKind.FullOuter)]
    public void Join_kinds(string keywords, JoinKind kind)
    {
        var join = (JoinInputSyntax)Query("from S#window.length(1) as s " + keywords + " T#window.time(1 sec) as t on s.a == t.x select s.a insert into O;").Input;
        Assert.That(join.Kind, Is.EqualTo(kind));
        Assert.That(join.Left.Alias!.Text, Is.EqualTo("s"));
        Assert.That(join.Right.Alias!.Text, Is.EqualTo("t"));
        Assert.That(join.Right.Window!.Function.Name.Text, Is.EqualTo("time"));
        Assert.That(Show(join.On!), Is.EqualTo("(== s.a t.x)"));
        Assert.That(join.IsLeftUnidirectional || join.IsRightUnidirectional, Is.False);
    }

    [Test]
    public void Unidirectional_on_either_side()
    {
        var left = (JoinInputSyntax)Query("from S unidirectional join Tab select S.a insert into O;").Input;
        Assert.That(left.IsLeftUnidirectional, Is.True);
        Assert.That(left.On, Is.Null);
        var right = (JoinInputSyntax)Query("from Tab join S#window.length(2) as s unidirectional on Tab.a == s.a select s.a insert into O;").Input;
        Assert.That(right.IsRightUnidirectional, Is.True);
        Assert.That(right.IsLeftUnidirectional, Is.False);
    }

    [Test]
    public void Join_with_an_aggregation_within_and_per()
    {
        var join = (JoinInputSyntax)Query("from S as s join Agg as g on s.c == g.c within '2014-02-15 00:00:00 +05:30', '2014-03-16 00:00:00 +05:30' per 'days' select g.c insert into O;").Input;
        Assert.That(Show(join.WithinStart!), Is.EqualTo("'2014-02-15 00:00:00 +05:30'"));
        Assert.That(Show(join.WithinEnd!), Is.EqualTo("'2014-03-16 00:00:00 +05:30'"));
        Assert.That(Show(join.Per!), Is.EqualTo("'days'"));

        var single = (JoinInputSyntax)Query("from S join Agg within 0L, 1000L per c select a insert into O;").Input;
        Assert.That(Show(single.Per!), Is.EqualTo("c"));
    }

    [Test]
    public void Selector_with_every_clause()
    {
        var query = Query("from S select c as name, sum(b) as total, a group by c, S.a having total > 10 order by total desc, name asc, a limit 5 offset 2 insert into O;");
        var selector = query.Selector!;
        Assert.That(selector.IsSelectAll, Is.False);
        Assert.That(selector.Attributes.Select(a => a.OutputName), Is.EqualTo(new[] { "name", "total", "a" }));
        Assert.That(selector.Attributes[2].Alias, Is.Null);
        Assert.That(selector.GroupBy.Select(Show), Is.EqualTo(new[] { "c", "S.a" }));
        Assert.That(Show(selector.Having!), Is.EqualTo("(> total 10i)"));
        Assert.That(selector.OrderBy.Select(o => (Show(o.Attribute), o.IsDescending)), Is.EqualTo(new[] { ("total", true), ("name", false), ("a", false) }));
        Assert.That(Show(selector.Limit!), Is.EqualTo("5i"));
        Assert.That(Show(selector.Offset!), Is.EqualTo("2i"));
    }

    [Test]
    public void Select_star_and_omitted_select()
    {
        Assert.That(Query("from S select * insert into O;").Selector!.IsSelectAll, Is.True);
        Assert.That(Query("from S insert into O;").Selector, Is.Null);
    }

    [Test]
    public void Expression_without_a_name_is_left_to_the_binder()
    {
        var attribute = Query("from S select a * 2 insert into O;").Selector!.Attributes.Single();
        Assert.That(attribute.Alias, Is.Null);
        Assert.That(attribute.OutputName, Is.Empty);
    }

    [TestCase("output every 5 events", OutputRateType.All, 5)]
    [TestCase("output all every 5 events", OutputRateType.All, 5)]
    [TestCase("output first every 3 events", OutputRateType.First, 3)]
    [TestCase("output last every 1 events", OutputRateType.Last, 1)]
    public void Event_count_output_rates(string clause, OutputRateType type, int count)
    {
        var rate = (EventCountOutputRateSyntax)Query("from S select a " + clause + " insert into O;").OutputRate!;
        Assert.That((rate.Type, rate.Count), Is.EqualTo((type, count)));
    }

    [Test]
    public void Time_and_snapshot_output_rates()
    {
        var time = (TimeOutputRateSyntax)Query("from S select a output last every 1 min 30 sec insert into O;").OutputRate!;
        Assert.That((time.Type, time.Interval.Milliseconds), Is.EqualTo((OutputRateType.Last, 90_000L)));
        var snapshot = (SnapshotOutputRateSyntax)Query("from S#window.time(1 sec) select a output snapshot every 2 sec insert all events into O;").OutputRate!;
        Assert.That(snapshot.Interval.Milliseconds, Is.EqualTo(2000));
    }

    [TestCase("insert into O", null)]
    [TestCase("insert events into O", OutputEventType.Current)]
    [TestCase("insert current events into O", OutputEventType.Current)]
    [TestCase("insert expired events into O", OutputEventType.Expired)]
    [TestCase("insert all events into O", OutputEventType.All)]
    public void Insert_event_types(string action, OutputEventType? type)
    {
        var insert = (InsertIntoSyntax)Query("from S select a " + action + ";").Output;
        Assert.That(insert.EventType, Is.EqualTo(type));
        Assert.That(insert.Target.Name.Text, Is.EqualTo("O"));
    }

    [Test]
    public void Table_output_actions()
    {
        var delete = (DeleteSyntax)Query("from S delete Tab for expired events on Tab.a == a;").Output;
        Assert.That((delete.Target.Name.Text, delete.EventType, Show(delete.On!)), Is.EqualTo(("Tab", (OutputEventType?)OutputEventType.Expired, "(== Tab.a a)")));

        var update = (UpdateSyntax)Query("from S select a update Tab set Tab.a = a + 1, Tab.a = 2 on Tab.a == a;").Output;
        Assert.That(update.Set.Select(s => Show(s.Target) + "=" + Show(s.Value)), Is.EqualTo(new[] { "Tab.a=(+ a 1i)", "Tab.a=2i" }));
        Assert.That(update.EventType, Is.Null);

        var upsert = (UpdateOrInsertSyntax)Query("from S select a update or insert into Tab for all events on Tab.a == a;").Output;
        Assert.That((upsert.Target.Name.Text, upsert.EventType, upsert.Set.Length), Is.EqualTo(("Tab", (OutputEventType?)OutputEventType.All, 0)));

        var ret = (ReturnSyntax)Query("from S select a return expired events;").Output;
        Assert.That(ret.EventType, Is.EqualTo(OutputEventType.Expired));
    }

    [Test]
    public void Query_annotations_and_span()
    {
        var text = Definitions + "@info(name = 'q1') @synchronized('true')\nfrom S select a\ninsert into O;";
        var app = ParseClean(text);
        var query = (QuerySyntax)app.ExecutionElements.Single();
        Assert.That(query.Annotations.Select(a => a.Name.Text), Is.EqualTo(new[] { "info", "synchronized" }));
        Assert.That(app.GetText(query), Is.EqualTo("@info(name = 'q1') @synchronized('true')\nfrom S select a\ninsert into O"));
    }

    [Test]
    public void Value_and_range_partitions()
    {
        var app = ParseClean(Definitions +
            "@purge(enable='true', interval='1 sec', idle.period='15 sec') partition with (c of S, x of T) begin from S select a insert into O1; from T select x insert into O2 end;" +
            "partition with (a < 10 as 'low' or a >= 10 and a < 100 as 'mid' or a >= 100 as 'high' of S) begin from S select a insert into O3; end");
        var value = (PartitionSyntax)app.ExecutionElements[0];
        Assert.That(value.Annotations.Single().Name.Text, Is.EqualTo("purge"));
        Assert.That(value.Keys.Cast<ValuePartitionKeySyntax>().Select(k => Show(k.Expression) + " of " + k.Stream.Text), Is.EqualTo(new[] { "c of S", "x of T" }));
        Assert.That(value.Queries, Has.Length.EqualTo(2));

        var range = (RangePartitionKeySyntax)((PartitionSyntax)app.ExecutionElements[1]).Keys.Single();
        Assert.That(range.Stream.Text, Is.EqualTo("S"));
        Assert.That(range.Ranges.Select(r => Show(r.Condition) + " as " + r.Label.Value), Is.EqualTo(new[]
        {
            "(< a 10i) as low", "(and (>= a 10i) (< a 100i)) as mid", "(>= a 100i) as high",
        }));
    }

    [Test]
    public void Anonymous_nested_query_input()
    {
        var anonymous = (AnonymousInputSyntax)Query("from (from S[a > 1] select a, c return current events) select a insert into O;").Input;
        Assert.That(((SingleInputSyntax)anonymous.Input).Source.Name.Text, Is.EqualTo("S"));
        Assert.That(anonymous.Selector!.Attributes, Has.Length.EqualTo(2));
        Assert.That(anonymous.ReturnEventType, Is.EqualTo(OutputEventType.Current));
    }

    [Test]
    public void Optional_trailing_semicolon_and_multiple_queries()
    {
        var app = ParseClean(Definitions + "from S select a insert into O; from T select x insert into P");
        Assert.That(app.ExecutionElements, Has.Length.EqualTo(2));
    }
}
