using System.Collections.Concurrent;
using System.Net;
using System.Text;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

using SiddhiGen.Integration.Tests.Apps.HttpCallApp;

namespace SiddhiGen.Integration.Tests.HttpCall;

/// <summary>http-call and its response sources, OAuth 2.0 grants, and http-service with http-service-response, over loopback.</summary>
[Category("http-call")]
public sealed class HttpCallTests
{
    private static readonly HttpClient s_client = new() { Timeout = TimeSpan.FromSeconds(20) };
    private RecordingLoggerFactory _logs = null!;
    private TestEndpoint _target = null!;
    private HttpCallApp _app = null!;
    private string _base = null!;
    private int _targetPort;

    [SetUp]
    public void SetUp()
    {
        _logs = new RecordingLoggerFactory();
        _targetPort = Ports.Free();
        var port = Ports.Free();
        _base = $"http://127.0.0.1:{port}";
        _app = new HttpCallApp(new SiddhiAppOptions
        {
            LoggerFactory = _logs,
            Variables = new Dictionary<string, string> { ["PORT"] = port.ToString(), ["TARGET_PORT"] = _targetPort.ToString() },
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.StopAsync();
        _app.Dispose();
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }

    private ConnectorRuntime Sink(string stream) => _app.GetConnectors().Sinks.Single(s => s.Stream == stream);

    private ConnectorRuntime Source(string stream) => _app.GetConnectors().Sources.Single(s => s.Stream == stream);

    [Test]
    public async Task ResponsesAreRoutedByStatusCodeWithTheCallingEventAsTransportProperties()
    {
        _target = new TestEndpoint(_targetPort)
        {
            Handler = r => r.Path switch
            {
                "/employee/1" => (200, """{"town":"NY","age":24}""", "application/json"),
                "/employee/2" => (201, """{"town":"Colombo"}""", "application/json"), // no age: the mapper rejects it
                _ => (404, "no employee " + r.Path, "text/plain"),
            },
        };
        var info = new ConcurrentQueue<EmployeeInfoEvent>();
        var errors = new ConcurrentQueue<EmployeeErrorEvent>();
        _app.EmployeeInfo.Subscribe(info.Enqueue);
        _app.EmployeeError.Subscribe(errors.Enqueue);
        await _app.StartAsync();

        _app.EmployeeRequest.Send(new EmployeeRequestEvent("John", 1));
        _app.EmployeeRequest.Send(new EmployeeRequestEvent("Mary", 2));
        _app.EmployeeRequest.Send(new EmployeeRequestEvent("Nobody", 3));

        await Wait.ForCountAsync(errors, 1, "the 404 response");
        await Wait.UntilAsync(() => Source("EmployeeInfo").Errors == 1, "the response without age to reach the error policy");
        Assert.That(info.Select(e => (e.Name, e.Id, e.Location, e.Age, e.Status)), Is.EqualTo(new[] { ("John", (int?)1, "NY", (int?)24, (int?)200) }));
        Assert.That(errors.Single().Error, Is.EqualTo("no employee /employee/3"));
        Assert.That(_target.Requests.Select(r => (r.Method, r.Body, r.Header("Content-Type"))).First(),
            Is.EqualTo(("POST", """{"event":{"name":"John","id":1}}""", (string?)"application/json; charset=utf-8")));
        Assert.That(_logs.Errors, Has.Some.Contains("\"town\":\"Colombo\""), "the unmappable response is logged with its payload");
    }

    [Test]
    public async Task AResponseNoSourceTakesIsLoggedWithItsBodyAndCounted()
    {
        _target = new TestEndpoint(_targetPort) { Handler = _ => (500, "database down", "text/plain") };
        await _app.StartAsync();

        _app.EmployeeRequest.Send(new EmployeeRequestEvent("John", 1));

        await Wait.UntilAsync(() => Sink("EmployeeRequest").Errors == 1, "the unrouted 500 to be counted");
        Assert.That(_logs.Errors, Has.Some.Contains("No http-call-response source with sink.id 'employee' takes status code 500").And.Contains("database down"));
    }

    [Test]
    public async Task TheOlderHttpRequestAndHttpResponseNamesWork()
    {
        _target = new TestEndpoint(_targetPort) { Handler = r => (200, "{\"answer\":" + System.Text.Json.JsonSerializer.Serialize(r.Method + " " + r.Body) + "}", "application/json") };
        var responses = new ConcurrentQueue<LegacyResponseEvent>();
        _app.LegacyResponse.Subscribe(responses.Enqueue);
        await _app.StartAsync();

        _app.LegacyRequest.Send(new LegacyRequestEvent("WSO2", 55.5));

        await Wait.ForCountAsync(responses, 1, "the legacy response");
        Assert.That(responses.Single(), Is.EqualTo(new LegacyResponseEvent("WSO2", "PUT symbol:\"WSO2\",price:55.5")));
    }

    [Test]
    public async Task AnEndpointThatGoesAwayIsRetriedWithWaitAndNothingIsLost()
    {
        var info = new ConcurrentQueue<EmployeeInfoEvent>();
        _app.EmployeeInfo.Subscribe(info.Enqueue);
        await _app.StartAsync();

        _app.EmployeeRequest.Send(new EmployeeRequestEvent("John", 1)); // nothing listens yet
        _app.EmployeeRequest.Send(new EmployeeRequestEvent("Mary", 2));
        await Wait.UntilAsync(() => Sink("EmployeeRequest").State == ConnectorState.Retrying, "the sink to retry (on.error='WAIT')");

        _target = new TestEndpoint(_targetPort) { Handler = r => (200, "{\"town\":\"T" + r.Path[^1] + "\",\"age\":30}", "application/json") };
        await Wait.ForCountAsync(info, 2, "both responses once the endpoint is up");
        Assert.That(info.Select(e => (e.Name, e.Location)), Is.EqualTo(new[] { ("John", "T1"), ("Mary", "T2") }));
    }

    [Test]
    public async Task OAuthClientCredentialsPasswordAndRefreshGrantsGetAndRenewTokens()
    {
        var tokens = new ConcurrentQueue<string>();
        var valid = new ConcurrentDictionary<string, bool>();
        var issued = 0;
        _target = new TestEndpoint(_targetPort)
        {
            Handler = r =>
            {
                if (r.Path == "/token")
                {
                    if (r.Header("Authorization") != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app:app-secret")))
                    {
                        return (401, "bad client", "text/plain");
                    }

                    tokens.Enqueue(WebUtility.UrlDecode(r.Body));
                    var token = "t" + Interlocked.Increment(ref issued);
                    valid[token] = true;
                    return (200, $$"""{"access_token":"{{token}}","refresh_token":"r{{issued}}","token_type":"Bearer"}""", "application/json");
                }

                var bearer = r.Header("Authorization")?.Replace("Bearer ", string.Empty, StringComparison.Ordinal);
                return bearer is not null && valid.ContainsKey(bearer) ? (200, "ok " + bearer, "text/plain") : (401, "expired", "text/plain");
            },
        };
        var passwordResponses = new ConcurrentQueue<PasswordGrantResponseEvent>();
        _app.PasswordGrantResponse.Subscribe(passwordResponses.Enqueue);
        await _app.StartAsync();

        _app.ClientGrant.Send(new ClientGrantEvent("a"));
        await Wait.UntilAsync(() => Sink("ClientGrant").Events == 1, "the client-credentials call");
        _app.PasswordGrant.Send(new PasswordGrantEvent("b"));
        await Wait.ForCountAsync(passwordResponses, 1, "the password-grant call");
        _app.RefreshGrant.Send(new RefreshGrantEvent("c"));
        await Wait.UntilAsync(() => Sink("RefreshGrant").Events == 1, "the refresh-grant call");

        valid.Clear(); // every token expires: the next call gets 401, renews (refresh grant with the new refresh token) and succeeds
        _app.ClientGrant.Send(new ClientGrantEvent("d"));
        await Wait.UntilAsync(() => Sink("ClientGrant").Events == 2, "the call after the token expired");

        Assert.That(tokens, Is.EqualTo(new[]
        {
            "grant_type=client_credentials",
            "grant_type=password&username=alice&password=wonderland&scope=orders",
            "grant_type=refresh_token&refresh_token=r0",
            "grant_type=refresh_token&refresh_token=r1",
        }));
        Assert.That(passwordResponses.Single().Body, Is.EqualTo("ok t2"));
        Assert.That(_app.GetConnectors().Sinks.Sum(s => s.Errors), Is.Zero);
    }

    [Test]
    public async Task ARefusedTokenRequestFollowsOnError()
    {
        _target = new TestEndpoint(_targetPort) { Handler = r => r.Path == "/token" ? (401, "bad client", "text/plain") : (200, "ok", "text/plain") };
        await _app.StartAsync();

        _app.ClientGrant.Send(new ClientGrantEvent("a"));

        await Wait.UntilAsync(() => Sink("ClientGrant").Errors == 1, "the failed token request to be counted");
        Assert.That(_logs.Errors, Has.Some.Contains("token endpoint").And.Contains("401"));
        Assert.That(_target.Requests.Count(r => r.Path == "/api"), Is.Zero);
    }

    [Test]
    public async Task HttpServiceAnswersEachRequestWithItsOwnResult()
    {
        await _app.StartAsync();

        var answers = await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
        {
            var response = await s_client.PostAsync(_base + "/add", new StringContent($$$"""{"event":{"value1":{{{i}}},"value2":{{{i * 100}}}}}"""));
            return (i, response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.TryGetValues("X-Calculator", out var v) ? v.Single() : null,
                response.Content.Headers.ContentType?.MediaType);
        }));

        foreach (var (i, status, body, header, type) in answers)
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body, Does.Match("^\\{\"event\":\\{\"messageId\":\"[0-9a-f-]{36}\",\"results\":" + (i * 101) + "\\}\\}$"));
            Assert.That((header, type), Is.EqualTo(("siddhi", "application/json")));
        }

        var echo = await s_client.PostAsync(_base + "/echo", new StringContent("hello"));
        Assert.That(await echo.Content.ReadAsStringAsync(), Is.EqualTo("echo: hello"), "the older http-request/http-response names");
    }

    [TestCase("GET", "/add", "", HttpStatusCode.MethodNotAllowed)]
    [TestCase("POST", "/nowhere", "{}", HttpStatusCode.NotFound)]
    [TestCase("POST", "/add", "", HttpStatusCode.BadRequest)]
    [TestCase("POST", "/add", "{\"event\":{\"value1\":", HttpStatusCode.BadRequest)]
    public async Task HttpServiceRejectsBadRequestsAndSendsMalformedOnesToTheErrorPolicy(string method, string path, string body, HttpStatusCode expected)
    {
        await _app.StartAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), _base + path);
        if (method != "GET")
        {
            request.Content = new StringContent(body);
        }

        var response = await s_client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(Source("AddStream").Errors, Is.EqualTo(expected == HttpStatusCode.BadRequest ? 1 : 0));
    }

    [Test]
    public async Task ARequestNobodyAnswersGets504AfterTheConnectionTimeoutAndIsCounted()
    {
        await _app.StartAsync();

        var response = await s_client.PostAsync(_base + "/add", new StringContent("""{"event":{"value1":-1,"value2":2}}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));
        Assert.That(Source("AddStream").Errors, Is.EqualTo(1));
        Assert.That(Source("AddStream").LastError, Does.Contain("within 1500 ms (connection.timeout)"));
    }

    [Test]
    public async Task AnAnswerForARequestThatNoLongerWaitsFollowsOnError()
    {
        await _app.StartAsync();

        _app.StrayAnswer.Send(new StrayAnswerEvent("no-such-request", 1));

        Assert.That(Sink("StrayAnswer").Errors, Is.EqualTo(1));
        Assert.That(_logs.Errors, Has.Some.Contains("No request with message.id 'no-such-request' waits at the http-service source 'adder'"));
    }
}
