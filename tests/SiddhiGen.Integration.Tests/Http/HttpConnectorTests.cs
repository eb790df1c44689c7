using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

using SiddhiGen.Integration.Tests.Apps.HttpApp;

namespace SiddhiGen.Integration.Tests.Http;

/// <summary>The http source on a real Kestrel listener and the http sink on HttpClient, over loopback.</summary>
[Category("http")]
public sealed class HttpConnectorTests
{
    private static readonly HttpClient s_client = new() { Timeout = TimeSpan.FromSeconds(20) };
    private RecordingLoggerFactory _logs = null!;
    private HttpApp _app = null!;
    private string _base = null!;
    private HttpListener _target = null!;
    private ConcurrentQueue<(string Method, string Path, string Body, string? App, string? Amount, string? Auth)> _forwarded = null!;
    private Task _serve = null!;

    [SetUp]
    public async Task SetUp()
    {
        var port = Ports.Free();
        var targetPort = Ports.Free();
        _base = $"http://127.0.0.1:{port}";
        _logs = new RecordingLoggerFactory();
        _forwarded = new ConcurrentQueue<(string, string, string, string?, string?, string?)>();
        _target = new HttpListener();
        _target.Prefixes.Add($"http://127.0.0.1:{targetPort}/");
        _target.Start();
        _serve = Task.Run(ServeAsync);
        _app = new HttpApp(new SiddhiAppOptions
        {
            LoggerFactory = _logs,
            Variables = new Dictionary<string, string> { ["PORT"] = port.ToString(), ["TARGET_PORT"] = targetPort.ToString(), ["PASSWORD"] = "s3cret" },
        });
        await _app.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.StopAsync();
        _app.Dispose();
        _target.Close();
        await _serve.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task ServeAsync()
    {
        try
        {
            while (_target.IsListening)
            {
                var context = await _target.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream);
                var body = await reader.ReadToEndAsync();
                _forwarded.Enqueue((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body, context.Request.Headers["X-App"], context.Request.Headers["X-Amount"], context.Request.Headers["Authorization"]));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private static Task<HttpResponseMessage> Post(string url, string body, string? auth = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (auth is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(auth)));
        }

        return s_client.SendAsync(request);
    }

    [Test]
    public async Task APostedEventIsAcceptedProcessedAndForwardedWithTemplatedUrlAndHeaders()
    {
        var response = await Post(_base + "/orders", """{"event":{"id":"o1","amount":12.5}}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);

        await Wait.ForCountAsync(_forwarded, 1, "the forwarded request");
        var forwarded = _forwarded.Single();
        Assert.That(forwarded, Is.EqualTo(("PUT", "/orders/o1", """{"event":{"id":"o1","amount":12.5}}""", (string?)"HttpApp", (string?)"12.5", (string?)"Basic dTpw")));
    }

    [TestCase("GET", "/orders", "", HttpStatusCode.MethodNotAllowed)]
    [TestCase("PUT", "/orders", "{}", HttpStatusCode.MethodNotAllowed)]
    [TestCase("POST", "/nowhere", "{}", HttpStatusCode.NotFound)]
    [TestCase("POST", "/orders", "", HttpStatusCode.BadRequest)]
    [TestCase("POST", "/orders", "{\"id\":", HttpStatusCode.BadRequest)]
    [TestCase("POST", "/orders", "{\"id\":\"o1\",\"amount\":\"twelve\"}", HttpStatusCode.BadRequest)]
    public async Task BadRequestsGetTheirStatusAndBadPayloadsReachTheErrorPolicy(string method, string path, string body, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), _base + path);
        if (method != "GET")
        {
            request.Content = new StringContent(body);
        }

        var response = await s_client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        var source = _app.GetConnectors().Sources.Single(s => s.Stream == "Orders");
        Assert.That(source.Errors, Is.EqualTo(expected == HttpStatusCode.BadRequest ? 1 : 0));
        Assert.That(source.Events, Is.Zero);
    }

    [Test]
    public async Task BasicAuthAndTheRequestSizeLimitAreEnforced()
    {
        var secure = _app.GetConnectors().Sources.Single(s => s.Stream == "Secure");
        var events = new ConcurrentQueue<SecureEvent>();
        _app.Secure.Subscribe(events.Enqueue);

        Assert.That((await Post(_base + "/secure", "a,1")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Post(_base + "/secure", "a,1", "admin:wrong")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Post(_base + "/secure", "a,1\nb,2", "admin:s3cret")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(events.Select(e => e.Id), Is.EqualTo(new[] { "a", "b" }));

        var large = string.Concat(Enumerable.Repeat("x,1\n", 400));
        Assert.That((await Post(_base + "/secure", large, "admin:s3cret")).StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(secure.Errors, Is.EqualTo(1));
        Assert.That(secure.LastError, Does.Contain("larger than max.request.size (1024 bytes)"));
    }

    [Test]
    public async Task ShutdownLosesNoAcceptedRequest()
    {
        var processed = new ConcurrentQueue<OrdersEvent>();
        _app.Orders.Subscribe(processed.Enqueue);
        var posts = Enumerable.Range(0, 200).Select(async i =>
        {
            try
            {
                return (await Post(_base + "/orders", $$"""{"id":"o{{i}}","amount":{{i}}}""")).StatusCode;
            }
            catch (HttpRequestException)
            {
                return (HttpStatusCode)0; // refused once the listener stopped
            }
        }).ToList();
        await Wait.UntilAsync(() => processed.Count >= 20, "some requests to be processed");
        await _app.StopAsync();
        var statuses = await Task.WhenAll(posts);

        var accepted = statuses.Count(s => s == HttpStatusCode.OK);
        Assert.That(accepted, Is.GreaterThanOrEqualTo(20));
        Assert.That(processed, Has.Count.EqualTo(accepted), "every 200 means the event was processed");
        Assert.That(_forwarded, Has.Count.EqualTo(accepted), "the sink drained its queue before the app stopped");
    }
}
