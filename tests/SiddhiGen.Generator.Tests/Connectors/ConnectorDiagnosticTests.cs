namespace SiddhiGen.Generator.Tests.Connectors;

/// <summary>The build-time checks of <c>@source</c>, <c>@sink</c>, <c>@map</c> and <c>@OnError</c>: one case per diagnostic ID.</summary>
public sealed class ConnectorDiagnosticTests
{
    private const string Q = "\nfrom S select a insert into O;";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("SIDDHI080", true, 1, 55, "Attribute 'b' of stream 'S' is not mapped in @attributes", "@source(type='inMemory', topic='t', @map(type='json', @attributes(a='$.a')))\ndefine stream S (a int, b int);" + Q);
        yield return Case("SIDDHI080", true, 1, 62, "@attributes has 1 positional mappings, but stream 'S' has 2 attributes", "@source(type='inMemory', topic='t', @map(type='passThrough', @attributes('a')))\ndefine stream S (a int, b int);" + Q);
        yield return Case("SIDDHI082", true, 1, 1, "Source type 'carrierPigeon' does not exist", "@source(type='carrierPigeon')\ndefine stream S (a int);" + Q);
        yield return Case("SIDDHI083", true, 1, 37, "Mapper type 'yaml' does not exist for a source", "@source(type='inMemory', topic='t', @map(type='yaml'))\ndefine stream S (a int);" + Q);
        yield return Case("SIDDHI083", true, 2, 19, "Mapper type 'yaml' does not exist for a sink", "define stream S (a int);\n@sink(type='log', @map(type='yaml'))\ndefine stream O (a int);" + Q);
        yield return Case("SIDDHI084", true, 2, 1, "Parameter 'publisher.url' is required by the http sink", "define stream S (a int);\n@sink(type='http', method='POST')\ndefine stream O (a int);" + Q);
        yield return Case("SIDDHI084", true, 1, 1, "Parameter 'topic.list' is required by the kafka source", "@source(type='kafka', bootstrap.servers='b:9092', group.id='g', threading.option='single.thread')\ndefine stream S (a int);" + Q);
        yield return Case("SIDDHI085", false, 2, 19, "'prefx' is not a parameter of the log sink (known: on.error, prefix, priority); it is ignored", "define stream S (a int);\n@sink(type='log', prefx='x')\ndefine stream O (a int);" + Q);
        yield return Case("SIDDHI085", false, 1, 54, "'strict' is not a parameter of the csv source mapper (known: delimiter, event.grouping.enabled, fail.on.unknown.attribute, header.present); it is ignored", "@source(type='inMemory', topic='t', @map(type='csv', strict='true'))\ndefine stream S (a int);" + Q);
        yield return Case("SIDDHI086", true, 1, 67, "Attribute 'b' in @attributes is not an attribute of stream 'S'", "@source(type='inMemory', topic='t', @map(type='json', @attributes(b='$.b')))\ndefine stream S (a int);" + Q);
        yield return Case("SIDDHI086", true, 2, 45, "Attribute 'x' in @payload is not an attribute of stream 'O'", "define stream S (a int);\n@sink(type='log', @map(type='csv', @payload(x='0')))\ndefine stream O (a int);" + Q);
        yield return Case("SIDDHI086", true, 2, 46, "Attribute 'nope' in the template of @payload is not an attribute of stream 'O'", "define stream S (a int);\n@sink(type='log', @map(type='json', @payload(\"{'v':{{nope}}}\")))\ndefine stream O (a int);" + Q);
        yield return Case("SIDDHI086", true, 2, 20, "Attribute 'b' in the template of parameter 'file.uri' is not an attribute of stream 'O'", "define stream S (a int);\n@sink(type='file', file.uri='/tmp/{{b}}.txt')\ndefine stream O (a int);" + Q);
        yield return Case("SIDDHI087", true, 2, 19, "Parameter 'on.error' of the log sink must be LOG, WAIT, STREAM, STORE, not 'RETRY'", "define stream S (a int);\n@sink(type='log', on.error='RETRY')\ndefine stream O (a int);" + Q);
        yield return Case("SIDDHI087", true, 1, 1, "Parameter 'action' of @OnError must be LOG or STREAM, not 'IGNORE'", "@OnError(action='IGNORE')\ndefine stream S (a int);" + Q);
        yield return Case("SIDDHI087", true, 1, 66, "Parameter 'a' of @attributes of the csv mapper must be a column index (0, 1, ...), not '$.a'", "@source(type='inMemory', topic='t', @map(type='csv', @attributes(a='$.a')))\ndefine stream S (a int);" + Q);
        yield return Case("SIDDHI088", true, 1, 1, "The file source needs exactly one of 'file.uri' and 'dir.uri'", "@source(type='file', mode='line')\ndefine stream S (a int);" + Q);
        yield return Case("SIDDHI089", true, 2, 6, "Fault stream '!S' is not defined: add @OnError(action='STREAM') to stream 'S'", "define stream S (a int);\nfrom !S select a insert into O;");
    }

    private static TestCaseData Case(string id, bool isError, int line, int column, string message, string app) =>
        new TestCaseData(id, isError, line, column, message, app).SetName($"{id} {message}");

    [TestCaseSource(nameof(Cases))]
    public void IsReportedAtTheOffendingSpan(string id, bool isError, int line, int column, string message, string app)
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", app, "Tests");
        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.That(diagnostic, Is.Not.Null, $"expected {id}; got: {string.Join("; ", result.Diagnostics)}");
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic!.Message, Is.EqualTo(message));
            Assert.That((diagnostic.Location!.Line, diagnostic.Location.Column), Is.EqualTo((line, column)), diagnostic.ToString());
            Assert.That(diagnostic.IsError, Is.EqualTo(isError));
            Assert.That(result.Source, isError ? Is.Null : Is.Not.Null, "an error stops generation, a warning does not");
        });
    }

    [TestCase("@source(type='email')", "'source type 'email'' is not supported yet")]
    [TestCase("@source(type='inMemory', topic='t', @map(type='protobuf'))", "'source mapper 'protobuf'' is not supported yet")]
    [TestCase("@source(type='inMemory', topic='t', @map(type='avro', schema.registry='http://127.0.0.1:8081', schema.id='22'))", "'avro schema.registry' is not supported yet")]
    [TestCase("@sink(type='inMemory', topic='t', @map(type='avro', @payload('a={{a}}')))", "'@payload of the avro mapper' is not supported yet")]
    [TestCase("@OnError(action='STORE')", "'@OnError(action='STORE')' is not supported yet")]
    [TestCase("@sink(type='inMemory', @distribution(strategy='roundRobin', @destination(topic='a'), @destination(topic='b')))", "'@distribution' is not supported yet")]
    public void KnownButUnimplementedConstructsAreNotSupportedYet(string annotation, string message)
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", annotation + "\ndefine stream S (a int);" + Q, "Tests");
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Message)), Does.Contain(("SIDDHI001", message)));
    }

    [Test]
    public void ValidAnnotationsOfEveryConnectorAndMapperBindWithoutDiagnostics()
    {
        var app = """
            @source(type='file', file.uri='${DIR}/in.csv', mode='line', tailing='false', action.after.process='keep', @map(type='csv', delimiter=';'))
            @source(type='file', file.uri='${DIR}/b.csv', tailing='false', action.after.process='NONE', action.after.failure='none', @map(type='csv'))
            @source(type='http', receiver.url='http://127.0.0.1:8080/in', basic.auth.enabled='true', @map(type='json', @attributes(a='$.a')))
            @source(type='kafka', bootstrap.servers='${KAFKA}', topic.list='t', group.id='g', threading.option='single.thread', @map(type='text'))
            @source(type='tcp', context='ctx', port='0', @map(type='xml'))
            @OnError(action='STREAM')
            define stream S (a int);
            @sink(type='file', file.uri='/tmp/{{a}}.txt', @map(type='keyvalue', @payload(k='a')))
            @sink(type='http', publisher.url='http://127.0.0.1/x', method='PUT', headers="'A:1'", on.error='WAIT', @map(type='xml'))
            @sink(type='kafka', bootstrap.servers='b', topic='t', partition.no='0', key='{{a}}', @map(type='json'))
            @sink(type='tcp', url='tcp://127.0.0.1:1/ctx', on.error='STREAM', @map(type='text', @payload('a={{a}}')))
            @sink(type='inMemory', topic='o')
            @sink(type='log', prefix='p', priority='DEBUG')
            define stream O (a int);
            from S select a insert into O;
            from !S select a insert into O;
            from !O select a insert into O;
            """;
        var result = SiddhiAppCompiler.Compile("App.siddhi", app, "Tests");
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(result.Source, Does.Contain("ConnectorFactory.Source(").And.Contain("onError: \"STREAM\""));
        GeneratedApp.Compile(result.Source!);
    }
}
