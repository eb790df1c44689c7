namespace SiddhiGen.Generator.Tests.Connectors;

/// <summary>Build-time checks of the request/response HTTP connectors (http-call, http-call-response, http-service, http-service-response and their older names).</summary>
public sealed class HttpConnectorBindingTests
{
    private const string Q = "\nfrom S select a, b insert into O;";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("SIDDHI084", 2, 1, "Parameter 'sink.id' is required by the http-call sink", "define stream S (a string, b int);\n@sink(type='http-call', publisher.url='http://127.0.0.1/x')\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI084", 2, 1, "Parameter 'publisher.url' is required by the http-request sink", "define stream S (a string, b int);\n@sink(type='http-request', sink.id='x')\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI084", 1, 1, "Parameter 'sink.id' is required by the http-call-response source", "@source(type='http-call-response', @map(type='json'))\ndefine stream S (a string, b int);\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI084", 1, 1, "Parameter 'source.id' is required by the http-service source", "@source(type='http-service', receiver.url='http://127.0.0.1:1/x')\ndefine stream S (a string, b int);\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI084", 2, 1, "Parameter 'message.id' is required by the http-service-response sink", "define stream S (a string, b int);\n@sink(type='http-service-response', source.id='x')\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI086", 2, 44, "Attribute 'messageId' in the template of parameter 'message.id' is not an attribute of stream 'O'", "define stream S (a string, b int);\n@sink(type='http-response', source.id='x', message.id='{{messageId}}')\ndefine stream O (a string, b int);" + Q);
        yield return Case("SIDDHI087", 2, 64, "Parameter 'downloading.enabled' of the http-call sink must be true, false, not 'yes'", "define stream S (a string, b int);\n@sink(type='http-call', publisher.url='http://x', sink.id='d', downloading.enabled='yes')\ndefine stream O (a string, b int);" + Q);
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
        var app = """
            @sink(type='http-call', publisher.url='https://127.0.0.1:8005/files/{{name}}', downloading.enabled='true', download.path='{{downloadPath}}{{name}}',
                method='GET', sink.id='download', consumer.key='k', consumer.secret='s', token.url='https://127.0.0.1/token', oauth.scope='read',
                https.truststore.file='/etc/trust.pem', hostname.verification.enabled='false', socket.idle.timeout='3000', @map(type='json'))
            define stream DownloadRequestStream (name string, id int, downloadPath string);
            @source(type='http-call-response', sink.id='download', http.status.code='2\d+', @map(type='text', regex.A='((.|\n)*)', @attributes(name='trp:name', id='trp:id', file='A[1]')))
            define stream ResponseStream2xx (name string, id string, file string);
            @source(type='http-response', sink.id='download', http.status.code='4\d+', allow.streaming.responses='false', @map(type='text', regex.A='((.|\n)*)', @attributes(errorMsg='A[1]')))
            define stream ResponseStream4xx (errorMsg string);
            @source(type='http-service', receiver.url='https://127.0.0.1:5005/add', source.id='adder', connection.timeout='5000', keystore.file='/etc/server.p12',
                keystore.password='p', ssl.verify.client='optional', @map(type='json', @attributes(messageId='trp:messageId', value1='$.event.value1', value2='$.event.value2')))
            define stream AddStream (messageId string, value1 long, value2 long);
            @sink(type='http-service-response', source.id='adder', message.id='{{messageId}}', headers="'X-A:1'", @map(type='json'))
            define stream ResultStream (messageId string, results long);
            @source(type='http-request', receiver.url='http://127.0.0.1:5006/x', source.id='old', @map(type='json'))
            @sink(type='http-request', publisher.url='http://127.0.0.1/y', sink.id='older', method='PATCH', @map(type='xml'))
            define stream OldStream (messageId string, value long);
            @sink(type='http-response', source.id='old', message.id='{{messageId}}', @map(type='json'))
            define stream OldReply (messageId string, value long);
            from AddStream select messageId, value1 + value2 as results insert into ResultStream;
            from OldStream select messageId, value insert into OldReply;
            """;
        var result = SiddhiAppCompiler.Compile("App.siddhi", app, "Tests");
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
    }
}
