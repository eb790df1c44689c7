using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SiddhiGen.Tool.Tests.Support;

namespace SiddhiGen.Tool.Tests.Management;

/// <summary>The management REST API of <c>MapSiddhi</c> on a real Kestrel host on loopback, with generated apps.</summary>
[Category("management")]
[NonParallelizable]
public sealed class ManagementApiTests
{
    private static async Task<JsonNode> GetAsync(HttpClient client, Uri uri)
    {
        using var response = await client.GetAsync(uri);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(HttpClient client, Uri uri, string body, string type = "application/json")
    {
        using var response = await client.PostAsync(uri, new StringContent(body, Encoding.UTF8, type));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Test]
    public async Task AppsAreListedWithTheirStatusAndUptimeAndStreamsWithTheirSchemas()
    {
        await using var host = await ManagementHost.StartAsync();
        using var client = new HttpClient();
        await Task.Delay(1100);
        var apps = (await GetAsync(client, new Uri(host.BaseUri, "apps"))).AsArray();
        Assert.That(apps.Select(a => (string?)a!["name"]), Is.EquivalentTo(new[] { "StockApp", "HttpInApp" }));
        var stock = apps.Single(a => (string?)a!["name"] == "StockApp")!;
        Assert.That((string?)stock["status"], Is.EqualTo("running"));
        Assert.That((double)stock["uptimeSeconds"]!, Is.GreaterThanOrEqualTo(1.0));

        var streams = (await GetAsync(client, new Uri(host.BaseUri, "apps/StockApp/streams"))).AsArray();
        var stockStream = streams.Single(s => (string?)s!["name"] == "StockStream")!;
        Assert.That(
            stockStream["attributes"]!.AsArray().Select(a => $"{a!["name"]} {a["type"]}"),
            Is.EqualTo(new[] { "symbol string", "price double", "volume long" }));

        var detail = await GetAsync(client, new Uri(host.BaseUri, "apps/HttpInApp"));
        var source = detail["connectors"]!.AsArray().Single()!;
        Assert.That(((string?)source["kind"], (string?)source["type"], (string?)source["stream"]), Is.EqualTo(("source", "http", "Readings")));
        using var missing = await client.GetAsync(new Uri(host.BaseUri, "apps/NoSuchApp"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PostedEventsReachTheAppAndCountAsEventsInWithARateAndTheSinkCountsEventsOut()
    {
        await using var host = await ManagementHost.StartAsync();
        using var client = new HttpClient();
        var send = new Uri(host.BaseUri, "apps/StockApp/streams/StockStream");
        var (status, body) = await PostAsync(client, send, """[["IBM", 120.5, 10], {"symbol": "WSO2", "price": "55", "volume": 3}]""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.That((int)body["accepted"]!, Is.EqualTo(2));
        (status, _) = await PostAsync(client, send, """["ORCL", 130, 1]""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));

        JsonNode? stream = null, expensive = null;
        await Wait.UntilAsync(
            () =>
            {
                var streams = GetAsync(client, new Uri(host.BaseUri, "apps/StockApp/streams")).GetAwaiter().GetResult().AsArray();
                stream = streams.Single(s => (string?)s!["name"] == "StockStream");
                expensive = streams.Single(s => (string?)s!["name"] == "ExpensiveStream");
                return (long)expensive!["eventsOut"]! == 2;
            },
            "the log sink to publish the two expensive stocks");
        Assert.That((long)stream!["eventsIn"]!, Is.EqualTo(3));
        Assert.That((double)stream["inPerSecond"]!, Is.GreaterThan(0));
        Assert.That(stream["inHistory"]!.AsArray().Sum(n => (long)n!), Is.EqualTo(3));
        Assert.That((double)expensive!["outPerSecond"]!, Is.GreaterThan(0));

        var query = await PostAsync(client, new Uri(host.BaseUri, "apps/StockApp/query"), """{"query": "from StockTable on price > 100 select symbol, price order by symbol"}""");
        Assert.That(query.Status, Is.EqualTo(HttpStatusCode.OK), query.Body.ToJsonString());
        Assert.That(query.Body["columns"]!.AsArray().Select(c => (string?)c!["name"]), Is.EqualTo(new[] { "symbol", "price" }));
        Assert.That(query.Body["rows"]!.ToJsonString(), Is.EqualTo("""[["IBM",120.5],["ORCL",130]]"""));

        var plain = await PostAsync(client, new Uri(host.BaseUri, "apps/StockApp/query"), "from StockTable select count() as n", "text/plain");
        Assert.That(plain.Body["rows"]!.ToJsonString(), Is.EqualTo("[[3]]"));
    }

    [Test]
    public async Task MalformedEventsAndQueriesAreRejectedWithTheReasonAndListedAsRecentErrors()
    {
        await using var host = await ManagementHost.StartAsync();
        using var client = new HttpClient();
        var send = new Uri(host.BaseUri, "apps/StockApp/streams/StockStream");

        var (status, body) = await PostAsync(client, send, """["IBM", 12]""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["error"], Does.Contain("has 3 attribute(s) (symbol string, price double, volume long), but the row has 2 value(s)"));

        (status, body) = await PostAsync(client, send, """{"symbol": "IBM", "price": "cheap", "volume": 1}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["error"], Does.Contain("price"));

        (status, body) = await PostAsync(client, send, "not json");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));

        (status, _) = await PostAsync(client, new Uri(host.BaseUri, "apps/StockApp/streams/NoStream"), "[1]");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));

        var query = await PostAsync(client, new Uri(host.BaseUri, "apps/StockApp/query"), """{"query": "from StockTable select nosuch"}""");
        Assert.That(query.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(query.Body["details"]!.AsArray().Select(d => (string?)d), Has.Some.Contains("SIDDHI"));

        var errors = (await GetAsync(client, new Uri(host.BaseUri, "errors"))).AsArray();
        Assert.That(errors.Select(e => (string?)e!["message"]), Has.Some.Contains("the row has 2 value(s)"));
        Assert.That(errors.Select(e => (string?)e!["message"]), Has.Some.Contains("Query rejected"));
        Assert.That(host.App<Apps.StockApp>().Query("from StockTable select symbol"), Is.Empty, "no rejected event reached the app");
    }

    [Test]
    public async Task WithBasicAuthEveryEndpointAndThePageNeedTheCredentials()
    {
        await using var host = await ManagementHost.StartAsync(o =>
        {
            o.BasicAuthEnabled = true;
            o.Username = "admin";
            o.Password = "s3cret";
        });
        using var client = new HttpClient();
        foreach (var path in new[] { "apps", "apps/StockApp/streams", "errors", "" })
        {
            using var anonymous = await client.GetAsync(new Uri(host.BaseUri, path));
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), path);
            Assert.That(anonymous.Headers.WwwAuthenticate.ToString(), Does.StartWith("Basic"));
        }

        using var wrong = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseUri, "apps/StockApp/streams/StockStream")) { Content = new StringContent("""["IBM", 1, 1]""") };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:guess")));
        using (var refused = await client.SendAsync(wrong))
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:s3cret")));
        Assert.That((await GetAsync(client, new Uri(host.BaseUri, "apps"))).AsArray(), Has.Count.EqualTo(2));
        using var page = await client.GetAsync(host.BaseUri);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ThePageIsServedFromTheAssemblyWithNoExternalResource()
    {
        await using var host = await ManagementHost.StartAsync();
        using var client = new HttpClient();
        var html = await client.GetStringAsync(host.BaseUri);
        Assert.That(html, Does.Contain("<script src=\"ui/page.js\"></script>"));
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"), "no CDN: the page works offline");
        var script = await client.GetStringAsync(new Uri(host.BaseUri, "ui/page.js"));
        Assert.That(script, Does.Contain("apps/${encodeURIComponent(app)}/query"));
        Assert.That(script, Does.Not.Contain("https://"));
        using var missing = await client.GetAsync(new Uri(host.BaseUri, "ui/none.js"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ThePrometheusEndpointServesTheCountersWhenEnabled()
    {
        await using (var off = await ManagementHost.StartAsync())
        {
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri(off.BaseUri, "metrics"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "off by default");
        }

        await using var host = await ManagementHost.StartAsync(o => o.PrometheusEndpoint = true);
        using var http = new HttpClient();
        await PostAsync(http, new Uri(host.BaseUri, "apps/StockApp/streams/StockStream"), """[["IBM", 120.5, 10], ["IBM", 121, 1]]""");
        var text = await http.GetStringAsync(new Uri(host.BaseUri, "metrics"));
        Assert.That(text, Does.Contain("# TYPE siddhigen_stream_events_in_total counter"));
        Assert.That(text, Does.Contain("siddhigen_stream_events_in_total{siddhi_app=\"StockApp\",siddhi_stream=\"StockStream\"} 2"));
        Assert.That(text, Does.Contain("siddhigen_app_running{siddhi_app=\"StockApp\"} 1"));
    }
}
