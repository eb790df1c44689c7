using SiddhiGen.Generator.Parsing;
using static SiddhiGen.Generator.Tests.Parsing.ParsingTestHelpers;

namespace SiddhiGen.Generator.Tests.Parsing;

public sealed class DefinitionParserTests
{
    [Test]
    public void Stream_definition_with_every_type()
    {
        var app = ParseClean("define stream S (s string, i INT, l long, f float, d double, b bool, o object);");
        var stream = (StreamDefinitionSyntax)app.Definitions.Single();
        Assert.That(stream.Name.Text, Is.EqualTo("S"));
        Assert.That(stream.Attributes.Select(a => a.Name.Text), Is.EqualTo(new[] { "s", "i", "l", "f", "d", "b", "o" }));
        Assert.That(stream.Attributes.Select(a => a.Type.Type), Is.EqualTo(new[]
        {
            SyntaxAttributeType.String, SyntaxAttributeType.Int, SyntaxAttributeType.Long, SyntaxAttributeType.Float,
            SyntaxAttributeType.Double, SyntaxAttributeType.Bool, SyntaxAttributeType.Object,
        }));
        Assert.That(app.GetText(stream), Is.EqualTo("define stream S (s string, i INT, l long, f float, d double, b bool, o object)"));
        Assert.That(app.GetText(stream.Attributes[1].Name), Is.EqualTo("i"));
    }

    [Test]
    public void Keywords_and_backticks_are_names()
    {
        var app = ParseClean("define stream from (time long, `select` int, count int); from from[count > 1] select time insert into last;");
        var stream = (StreamDefinitionSyntax)app.Definitions[0];
        Assert.That(stream.Name.Text, Is.EqualTo("from"));
        Assert.That(stream.Attributes[1].Name.Text, Is.EqualTo("select"));
        Assert.That(stream.Attributes[1].Name.IsQuoted, Is.True);
        var query = (QuerySyntax)app.ExecutionElements[0];
        Assert.That(((InsertIntoSyntax)query.Output).Target.Name.Text, Is.EqualTo("last"));
    }

    [Test]
    public void App_annotations_and_definition_annotations()
    {
        var app = ParseClean(
            "@App:name('Temp') @app:playback(idle.time = '100 millisecond', increment = '2 sec')\n" +
            "@Async(buffer.size='16', workers='2') @OnError(action='STREAM')\n" +
            "define stream S (a int);\n" +
            "@sink(type='log', on.error='LOG', @map(type='json', @payload(\"{{a}}\"), @attributes(a='$.a', 'b')))\n" +
            "define stream O (a int);");
        Assert.That(app.AppAnnotations.Select(a => a.FullName), Is.EqualTo(new[] { "App:name", "app:playback" }));
        Assert.That(app.AppAnnotations.All(a => a.IsAppAnnotation), Is.True);
        Assert.That(app.AppAnnotations[0].Elements.Single().Key, Is.Null);
        Assert.That(app.AppAnnotations[0].Elements.Single().Value.Value, Is.EqualTo("Temp"));
        Assert.That(app.AppAnnotations[1].Elements.Select(e => e.Key!.Text + "=" + e.Value.Value), Is.EqualTo(new[] { "idle.time=100 millisecond", "increment=2 sec" }));

        var s = app.Definitions[0];
        Assert.That(s.Annotations.Select(a => a.Name.Text), Is.EqualTo(new[] { "Async", "OnError" }));
        Assert.That(s.Annotations[0].Elements[0].Key!.Text, Is.EqualTo("buffer.size"));

        var sink = app.Definitions[1].Annotations.Single();
        Assert.That(sink.Elements.Select(e => e.Key!.Text), Is.EqualTo(new[] { "type", "on.error" }));
        var map = sink.Annotations.Single();
        Assert.That(map.Name.Text, Is.EqualTo("map"));
        Assert.That(map.Annotations.Select(a => a.Name.Text), Is.EqualTo(new[] { "payload", "attributes" }));
        Assert.That(map.Annotations[1].Elements.Select(e => (e.Key?.Text, e.Value.Value)), Is.EqualTo(new (string?, string)[] { ("a", "$.a"), (null, "b") }));
    }

    [Test]
    public void Dashed_colon_and_string_keys()
    {
        var app = ParseClean("@source(type='http', receiver-url='u', ssl:enabled='x', 'quoted key'='v', value=${VALUE}) define stream S (a int);");
        var source = app.Definitions[0].Annotations.Single();
        Assert.That(source.Elements.Select(e => e.Key!.Text), Is.EqualTo(new[] { "type", "receiver-url", "ssl:enabled", "quoted key", "value" }));
        Assert.That(source.Elements[4].Value.IsPlaceholder, Is.True);
        Assert.That(source.Elements[4].Value.Value, Is.EqualTo("VALUE"));
    }

    [Test]
    public void Table_with_primary_key_and_index()
    {
        var app = ParseClean("@PrimaryKey('a', 'b') @Index('c') define table T (a int, b string, c long);");
        var table = (TableDefinitionSyntax)app.Definitions.Single();
        Assert.That(table.Annotations.Select(a => a.Name.Text), Is.EqualTo(new[] { "PrimaryKey", "Index" }));
        Assert.That(table.Annotations[0].Elements.Select(e => e.Value.Value), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(table.Attributes, Has.Length.EqualTo(3));
    }

    [TestCase("", null)]
    [TestCase(" output all events", OutputEventType.All)]
    [TestCase(" output expired events", OutputEventType.Expired)]
    [TestCase(" output current events", OutputEventType.Current)]
    [TestCase(" output events", OutputEventType.Current)]
    public void Window_definitions(string output, OutputEventType? expected)
    {
        var app = ParseClean("define window W (a int, ts long) ns:externalTime(ts, 1 sec)" + output + ";");
        var window = (WindowDefinitionSyntax)app.Definitions.Single();
        Assert.That(window.Window.FullName, Is.EqualTo("ns:externalTime"));
        Assert.That(window.Window.Arguments.Select(Show), Is.EqualTo(new[] { "ts", "1000ms" }));
        Assert.That(window.OutputEventType, Is.EqualTo(expected));
    }

    [Test]
    public void Trigger_definitions()
    {
        var app = ParseClean("define trigger T1 at 'start'; define trigger T2 at every 5 min 30 sec; define trigger T3 at '*/5 * * * * ?';");
        var triggers = app.Definitions.Cast<TriggerDefinitionSyntax>().ToArray();
        Assert.That(triggers[0].IsStart, Is.True);
        Assert.That(triggers[1].Every!.Milliseconds, Is.EqualTo(330_000));
        Assert.That(triggers[1].At, Is.Null);
        Assert.That(triggers[2].At!.Value, Is.EqualTo("*/5 * * * * ?"));
    }

    [Test]
    public void Script_function_definition()
    {
        var app = ParseClean("define function concatFn[javascript] return string { var r = data[0] + \"}\"; return r; }; define stream S (a int);");
        var function = (FunctionDefinitionSyntax)app.Definitions[0];
        Assert.That(function.Name.Text, Is.EqualTo("concatFn"));
        Assert.That(function.Language.Text, Is.EqualTo("javascript"));
        Assert.That(function.ReturnType.Type, Is.EqualTo(SyntaxAttributeType.String));
        Assert.That(function.Body, Is.EqualTo(" var r = data[0] + \"}\"; return r; "));
    }

    [Test]
    public void Aggregation_with_range_and_aggregate_by()
    {
        var app = ParseClean(
            "define stream S (symbol string, price float, ts long);" +
            "@store(type='rdbms') @purge(enable='true', interval='10 sec', @retentionPeriod(sec='120 sec', min='24 hours'))\n" +
            "define aggregation A from S[price > 0] select symbol, avg(price) as avgPrice, sum(price) as total group by symbol aggregate by ts every sec ... years;");
        var aggregation = (AggregationDefinitionSyntax)app.Definitions[1];
        Assert.That(aggregation.Name.Text, Is.EqualTo("A"));
        Assert.That(aggregation.Input.Source.Name.Text, Is.EqualTo("S"));
        Assert.That(aggregation.Input.Handlers.Single(), Is.TypeOf<FilterHandlerSyntax>());
        Assert.That(aggregation.Selector.Attributes.Select(a => a.OutputName), Is.EqualTo(new[] { "symbol", "avgPrice", "total" }));
        Assert.That(aggregation.Selector.GroupBy.Single().Name.Text, Is.EqualTo("symbol"));
        Assert.That(aggregation.AggregateBy!.Name.Text, Is.EqualTo("ts"));
        Assert.That(aggregation.IsRange, Is.True);
        Assert.That(aggregation.Granularities.Select(g => g.Unit), Is.EqualTo(new[] { TimeUnit.Second, TimeUnit.Year }));
        Assert.That(aggregation.Annotations[1].Annotations.Single().Elements.Select(e => e.Key!.Text), Is.EqualTo(new[] { "sec", "min" }));
    }

    [Test]
    public void Aggregation_with_a_duration_list()
    {
        var app = ParseClean("define stream S (a int); define aggregation A from S select sum(a) as s aggregate every sec, minute, hours;");
        var aggregation = (AggregationDefinitionSyntax)app.Definitions[1];
        Assert.That(aggregation.IsRange, Is.False);
        Assert.That(aggregation.AggregateBy, Is.Null);
        Assert.That(aggregation.Granularities.Select(g => g.Unit), Is.EqualTo(new[] { TimeUnit.Second, TimeUnit.Minute, TimeUnit.Hour }));
    }

    [Test]
    public void Definitions_spans_cover_annotations_but_not_the_semicolon()
    {
        var text = "@info(x='y')\ndefine stream S (a int) ;\ndefine table T (a int)";
        var app = ParseClean(text);
        Assert.That(app.GetText(app.Definitions[0]), Is.EqualTo("@info(x='y')\ndefine stream S (a int)"));
        Assert.That(app.GetText(app.Definitions[1]), Is.EqualTo("define table T (a int)"));
    }
}
