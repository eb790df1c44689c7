namespace SiddhiGen.Generator.Tests.Connectors;

/// <summary>Build-time checks of the message-broker transports and mappers of issue 21 (mqtt, ...).</summary>
public sealed class TransportBindingTests
{
    private const string Q = "\nfrom S select a, b insert into O;";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("SIDDHI084", 1, 1, "Parameter 'topic' is required by the mqtt source", "@source(type='mqtt', url='tcp://127.0.0.1:1883', @map(type='json'))\ndefine stream S (a string, b int);\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI084", 2, 1, "Parameter 'url' is required by the mqtt sink", "define stream S (a string, b int);\n@sink(type='mqtt', topic='t')\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI087", 1, 50, "Parameter 'quality.of.service' of the mqtt source must be 0, 1, 2, not '3'", "@source(type='mqtt', url='tcp://h:1', topic='t', quality.of.service='3')\ndefine stream S (a string, b int);\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI085", 2, 48, "'qos' is not a parameter of the mqtt sink (known: clean.session, client.id, connection.timeout, keep.alive, message.retain, on.error, password, quality.of.service, topic, url, username); it is ignored", "define stream S (a string, b int);\n@sink(type='mqtt', url='tcp://h:1', topic='t', qos='1')\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI084", 1, 1, "Parameter 'exchange.name' is required by the rabbitmq source", "@source(type='rabbitmq', uri='amqp://guest:guest@localhost:5672', @map(type='json'))\ndefine stream S (a string, b int);\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI087", 1, 61, "Parameter 'exchange.type' of the rabbitmq source must be direct, fanout, topic, headers, not 'round-robin'", "@source(type='rabbitmq', uri='amqp://h', exchange.name='e', exchange.type='round-robin')\ndefine stream S (a string, b int);\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI084", 2, 1, "Parameter 'to' is required by the email sink", "define stream S (a string, b int);\n@sink(type='email', address='a@example.com', subject='s')\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI080", 1, 54, "The binary mapper does not support custom mapping (@attributes): its messages carry every attribute in stream order", "@source(type='tcp', context='c', @map(type='binary', @attributes(a='0', b='1')))\ndefine stream S (a string, b int);\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI080", 2, 58, "The binary mapper does not support @payload: it writes every attribute in stream order", "define stream S (a string, b int);\n@sink(type='tcp', url='tcp://h:1/c', @map(type='binary', @payload('{{a}}')))\ndefine stream O (a string, b int);" + Q);
    }

    private static TestCaseData Case(string id, int line, int column, string message, string app) =>
        new TestCaseData(id, line, column, message, app).SetName($"{id} {message}");

    [TestCaseSource(nameof(Cases))]
    public void IsReportedAtTheOffendingSpan(string id, int line, int column, string message, string app)
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", app, "Tests");
        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.That(diagnostic, Is.Not.Null, $"expected {id}; got: {string.Join("; ", result.Diagnostics)}");
        Assert.That(diagnostic!.Message, Is.EqualTo(message));
        Assert.That((diagnostic.Location!.Line, diagnostic.Location.Column), Is.EqualTo((line, column)), diagnostic.ToString());
    }

    [Test]
    public void SiddhisExamplesBindWithoutDiagnostics()
    {
        var app = """"
            @source(type='mqtt', url='tcp://localhost:1883', topic='mqtt_topic', clean.session='true', quality.of.service='1', keep.alive='60', connection.timeout='30',
                username='u', password='p', client.id='c', @map(type='xml'))
            define stream S (a string, b int);
            @sink(type='mqtt', url='tcp://localhost:1883', topic='mqtt_topic/{{a}}', clean.session='true', message.retain='false', quality.of.service='{{b}}',
                keep.alive='60', connection.timeout='30', @map(type='xml'))
            @sink(type='tcp', url='tcp://127.0.0.1:9892/c', @map(type='binary'))
            @sink(type='kafka', bootstrap.servers='b', topic='t', is.binary.message='true', @map(type='binary'))
            define stream O (a string, b int);
            @source(type='tcp', context='c', @map(type='binary'))
            @source(type='kafka', bootstrap.servers='b', topic.list='t', group.id='g', threading.option='single.thread', is.binary.message='true', @map(type='binary'))
            define stream B (a string, b int);
            @source(type ='rabbitmq', uri = 'amqp://guest:guest@localhost:5672', exchange.name = 'direct', routing.key= 'direct', queue.name='q',
                queue.durable.enabled='true', auto.ack='false', consumer.threadpool.size='2', exchange.type='fanout', heartbeat='30', @map(type='xml'))
            @sink(type ='rabbitmq', uri = 'amqp://guest:guest@localhost:5672', exchange.name = 'direct-{{a}}', routing.key= '{{a}}', delivery.mode='2',
                priority='{{b}}', message.id='{{a}}', headers="'k:v'", @map(type='xml'))
            define stream R (a string, b int);
            @source(type='inMemory', topic='user', @map(type='avro', schema.def = """{"type":"record","name":"userInfo","namespace":"avro.userInfo","fields":[{"name":"username","type":"string"}, {"name":"age","type":"int"}]}""",
                fail.on.missing.attribute='false', @attributes(a="username", b="age")))
            @sink(type='inMemory', topic='stock', @map(type='avro', use.avro.serializer='false'))
            define stream V (a string, b int);
            @sink(type='email', username='siddhi', address='siddhi@example.com', password='p', subject='Alert {{a}}', to='{{a}}@example.com',
                host='smtp.example.com', port='587', ssl.enable='false', auth='true', content.type='text/html', cc='x@example.com', mail.smtp.timeout='5000',
                @map(type='text'))
            define stream M (a string, b int);
            """" + Q;
        var result = SiddhiAppCompiler.Compile("App.siddhi", app, "Tests");
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
    }
}
