using System.Collections.Concurrent;
using System.Net;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

using SiddhiGen.Integration.Tests.Apps.HttpsApp;

namespace SiddhiGen.Integration.Tests.Https;

/// <summary>HTTPS for the http and http-service sources and the http and http-call sinks, with a certificate made by the test.</summary>
[Category("https")]
public sealed class HttpsTests
{
    private TestCertificates _certificates = null!;
    private RecordingLoggerFactory _logs = null!;
    private HttpsApp _app = null!;
    private ConcurrentQueue<IncomingEvent> _incoming = null!;
    private int _port;

    [SetUp]
    public async Task SetUp()
    {
        _certificates = new TestCertificates("localhost");
        _logs = new RecordingLoggerFactory();
        _port = Ports.Free();
        _app = new HttpsApp(new SiddhiAppOptions
        {
            LoggerFactory = _logs,
            Variables = new Dictionary<string, string>
            {
                ["PORT"] = _port.ToString(),
                ["KEYSTORE"] = _certificates.KeystoreFile,
                ["KEYSTORE_PASSWORD"] = TestCertificates.Password,
                ["TRUSTSTORE"] = _certificates.TruststoreFile,
            },
        });
        _incoming = new ConcurrentQueue<IncomingEvent>();
        _app.Incoming.Subscribe(_incoming.Enqueue);
        await _app.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.StopAsync();
        _app.Dispose();
        _certificates.Dispose();
    }

    private ConnectorRuntime Sink(string stream) => _app.GetConnectors().Sinks.Single(s => s.Stream == stream);

    [Test]
    public async Task TheHttpsReceiverServesTheConfiguredCertificateAndKeepsTheHttpAnswers()
    {
        using var client = _certificates.TrustingClient();
        var ok = await client.PostAsync($"https://127.0.0.1:{_port}/in", new StringContent("""{"event":{"id":"a","via":"client"}}"""));
        var bad = await client.PostAsync($"https://127.0.0.1:{_port}/in", new StringContent("{"));
        var get = await client.GetAsync($"https://127.0.0.1:{_port}/in");

        Assert.That((ok.StatusCode, bad.StatusCode, get.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.MethodNotAllowed)));
        Assert.That(_incoming.Select(e => e.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(_app.GetConnectors().Sources.Single(s => s.Stream == "Incoming").Errors, Is.EqualTo(1), "the malformed body went to the error policy");
    }

    [Test]
    public async Task APlainHttpRequestToTheHttpsPortGetsNoEvent()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var response = await client.PostAsync($"http://127.0.0.1:{_port}/in", new StringContent("""{"event":{"id":"plain","via":"http"}}"""));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "Kestrel answers plain HTTP on a TLS port with 400, if at all");
        }
        catch (HttpRequestException)
        {
            // the TLS listener closed the plain connection: also a refusal
        }

        Assert.That(_incoming, Is.Empty);
    }

    [Test]
    public async Task HttpsSinksTrustTheTruststoreCheckTheHostNameAndRejectUnknownCertificates()
    {
        _app.Trusted.Send(new TrustedEvent("t", "truststore"));
        _app.WrongHost.Send(new WrongHostEvent("w", "wrong-host"));
        _app.Untrusted.Send(new UntrustedEvent("u", "untrusted"));
        _app.Unverified.Send(new UnverifiedEvent("v", "verification-disabled"));

        await Wait.UntilAsync(() => Sink("WrongHost").Errors == 1 && Sink("Untrusted").Errors == 1, "the refused handshakes to be counted");
        await Wait.ForCountAsync(_incoming, 2, "the trusted calls");
        Assert.That(_incoming.Select(e => e.Via).Order(), Is.EqualTo(new[] { "truststore", "verification-disabled" }));
        Assert.That((Sink("Trusted").Errors, Sink("Unverified").Errors), Is.EqualTo((0L, 0L)));
        Assert.That(_logs.Errors, Has.Some.Contains("SSL").Or.Some.Contains("certificate"));
    }

    [Test]
    public async Task HttpCallReachesAnHttpsHttpServiceAndGetsItsAnswer()
    {
        var quotes = new ConcurrentQueue<QuoteEvent>();
        _app.Quote.Subscribe(quotes.Enqueue);

        _app.Ask.Send(new AskEvent("WSO2"));

        await Wait.ForCountAsync(quotes, 1, "the quote");
        Assert.That(quotes.Single(), Is.EqualTo(new QuoteEvent("WSO2", 55.5)));
    }
}
