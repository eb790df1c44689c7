using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Connectors.InMemory;

using SiddhiGen.Integration.Tests.Apps.MapperApp;

namespace SiddhiGen.Integration.Tests.Mapping;

/// <summary>
/// Every mapper both ways, through the generated <c>MapperApp</c>: an inMemory source reads the format into a
/// stream and an inMemory sink writes the stream back in the format.
/// </summary>
public sealed class MapperTests
{
    private RecordingLoggerFactory _logs = null!;
    private MapperApp _app = null!;

    [SetUp]
    public void SetUp()
    {
        _logs = new RecordingLoggerFactory();
        _app = new MapperApp(new SiddhiAppOptions { LoggerFactory = _logs, Clock = new VirtualClock(1000) });
        _app.Start();
    }

    [TearDown]
    public void TearDown() => _app.Dispose();

    private List<T> Collect<T>(OutputStream<T> stream)
    {
        var list = new List<T>();
        stream.Subscribe(list.Add);
        return list;
    }

    [Test]
    public void JsonReadsTheEventEnvelopeTheBareObjectAndArrays()
    {
        var events = Collect(_app.JsonStream);
        using var output = new TopicRecorder("mappers.json.out");
        InMemoryBroker.Publish("mappers.json.in", """{"event":{"symbol":"WSO2","price":55.6,"volume":100,"active":true}}""");
        InMemoryBroker.Publish("mappers.json.in", """{"volume":7,"symbol":"IBM","price":1,"active":false,"ignored":[1,2]}""");
        InMemoryBroker.Publish("mappers.json.in", """[{"event":{"symbol":"A","price":1.5,"volume":1,"active":null}},{"symbol":"B","price":2,"volume":2,"active":true}]""");

        Assert.That(events, Is.EqualTo(new[]
        {
            new JsonStreamEvent("WSO2", 55.6, 100, true),
            new JsonStreamEvent("IBM", 1, 7, false),
            new JsonStreamEvent("A", 1.5, 1, null),
            new JsonStreamEvent("B", 2, 2, true),
        }));
        Assert.That(output.Texts, Is.EqualTo(new[]
        {
            """{"event":{"symbol":"WSO2","price":55.6,"volume":100,"active":true}}""",
            """{"event":{"symbol":"IBM","price":1,"volume":7,"active":false}}""",
            """[{"event":{"symbol":"A","price":1.5,"volume":1,"active":null}},{"event":{"symbol":"B","price":2,"volume":2,"active":true}}]""",
        }));
    }

    [TestCase("""{"event":{"symbol":"WSO2","price":"high","volume":1,"active":true}}""", "Attribute 'price' is double, but the JSON value is the string \"high\"")]
    [TestCase("""{"symbol":"WSO2","price":1.5,"volume":1.5,"active":true}""", "Attribute 'volume' is long, but the JSON value is the number 1.5")]
    [TestCase("""{"symbol":"WSO2","price":1,"active":true}""", "The JSON event has no attribute 'volume'")]
    [TestCase("""{"symbol":"WSO2", "price": """, "The message is not valid JSON")]
    [TestCase("""42""", "A JSON event must be an object")]
    [TestCase("", "The message is empty")]
    public void MalformedJsonReachesTheErrorPolicy(string payload, string error)
    {
        var events = Collect(_app.JsonStream);
        InMemoryBroker.Publish("mappers.json.in", payload);

        var source = _app.GetConnectors().Sources.Single(s => s.Stream == "JsonStream");
        Assert.Multiple(() =>
        {
            Assert.That(events, Is.Empty);
            Assert.That(source.Errors, Is.EqualTo(1));
            Assert.That(source.LastError, Does.StartWith(error));
            Assert.That(_logs.Errors.Single(), Does.Contain("inMemory source of 'JsonStream'").And.Contain(error));
        });
    }

    [Test]
    public void JsonCustomMappingUsesTheEnclosingElementAndJsonPaths()
    {
        var events = Collect(_app.JsonCustomStream);
        using var output = new TopicRecorder("mappers.jsoncustom.out");
        InMemoryBroker.Publish("mappers.jsoncustom.in", """{"portfolio":[{"company":{"symbol":"WSO2"},"price":"55.5","volume":10},{"company":{"symbol":"IBM"},"price":2}]}""");

        Assert.That(events, Is.EqualTo(new[] { new JsonCustomStreamEvent("WSO2", 55.5, 10), new JsonCustomStreamEvent("IBM", 2, null) }));
        Assert.That(output.Texts, Is.EqualTo(new[] { """[{"stock":"WSO2","value":55.5},{"stock":"IBM","value":2}]""" }));
    }

    [Test]
    public void CsvReadsLinesAndWritesThem()
    {
        var events = Collect(_app.CsvStream);
        using var output = new TopicRecorder("mappers.csv.out");
        InMemoryBroker.Publish("mappers.csv.in", "WSO2,55.6,100");
        InMemoryBroker.Publish("mappers.csv.in", "\"A, Inc.\",1.5,2\r\n\"say \"\"hi\"\"\",,3\n");

        Assert.That(events, Is.EqualTo(new[]
        {
            new CsvStreamEvent("WSO2", 55.6, 100),
            new CsvStreamEvent("A, Inc.", 1.5, 2),
            new CsvStreamEvent("say \"hi\"", null, 3),
        }));
        Assert.That(output.Texts, Is.EqualTo(new[] { "WSO2,55.6,100\n", "\"A, Inc.\",1.5,2\n\"say \"\"hi\"\"\",,3\n" }));
    }

    [TestCase("WSO2,cheap,100", "Value 'cheap' of attribute 'price' is not a valid double")]
    [TestCase("WSO2,1.5", "The CSV line has 2 fields, so attribute 'volume' (field 2) has no value")]
    [TestCase("\"WSO2,1.5,3", "The CSV line has an unclosed quote")]
    public void MalformedCsvReachesTheErrorPolicy(string payload, string error)
    {
        var events = Collect(_app.CsvStream);
        InMemoryBroker.Publish("mappers.csv.in", payload);

        var source = _app.GetConnectors().Sources.Single(s => s.Stream == "CsvStream");
        Assert.That(events, Is.Empty);
        Assert.That(source.LastError, Does.StartWith(error));
        Assert.That(_logs.Errors, Has.Count.EqualTo(1));
    }

    [Test]
    public void CsvCustomMappingPicksColumnsSkipsTheHeaderAndPlacesOutputFields()
    {
        var events = Collect(_app.CsvCustomStream);
        using var output = new TopicRecorder("mappers.csvcustom.out");
        InMemoryBroker.Publish("mappers.csvcustom.in", "price;volume;symbol\n55.6;100;WSO2\n1;2;IBM");

        Assert.That(events, Is.EqualTo(new[] { new CsvCustomStreamEvent("WSO2", 55.6, 100), new CsvCustomStreamEvent("IBM", 1, 2) }));
        Assert.That(output.Texts, Is.EqualTo(new[] { "volume|symbol\n100|WSO2\n2|IBM\n" }));
    }

    [Test]
    public void TextReadsNameValuePairsAndGroupsAndWritesThem()
    {
        var events = Collect(_app.TextStream);
        using var output = new TopicRecorder("mappers.text.out");
        InMemoryBroker.Publish("mappers.text.in", "symbol:\"WSO2\",price:55.6,volume:100");
        InMemoryBroker.Publish("mappers.text.in", "symbol:'A',\nprice:1,\nvolume:2\n~~~~~~~~~~\nsymbol:\"B\",price:null,volume:3");

        Assert.That(events, Is.EqualTo(new[] { new TextStreamEvent("WSO2", 55.6, 100), new TextStreamEvent("A", 1, 2), new TextStreamEvent("B", null, 3) }));
        Assert.That(output.Texts, Is.EqualTo(new[] { "symbol:\"WSO2\",price:55.6,volume:100", "symbol:\"A\",price:1,volume:2", "symbol:\"B\",price:null,volume:3" }));
    }

    [Test]
    public void TextRegexMappingAndTemplatePayload()
    {
        var events = Collect(_app.TextRegexStream);
        using var output = new TopicRecorder("mappers.textregex.out");
        InMemoryBroker.Publish("mappers.textregex.in", "WSO2 55.5 traded, volume=12");

        Assert.That(events, Is.EqualTo(new[] { new TextRegexStreamEvent("WSO2", 55.5, 12) }));
        Assert.That(output.Texts, Is.EqualTo(new[] { "WSO2 costs 55.5" }));
        InMemoryBroker.Publish("mappers.textregex.in", "nothing to see");
        Assert.That(_app.GetConnectors().Sources.Single(s => s.Stream == "TextRegexStream").LastError, Does.Contain("does not match"));
    }

    [Test]
    public void XmlReadsAndWritesTheEventsDocument()
    {
        var events = Collect(_app.XmlStream);
        using var output = new TopicRecorder("mappers.xml.out");
        InMemoryBroker.Publish("mappers.xml.in", "<events><event><symbol>WSO2</symbol><price>55.6</price><volume>100</volume></event><event><symbol>IBM</symbol><price/><volume>1</volume></event></events>");

        Assert.That(events, Is.EqualTo(new[] { new XmlStreamEvent("WSO2", 55.6, 100), new XmlStreamEvent("IBM", null, 1) }));
        Assert.That(output.Texts, Is.EqualTo(new[] { "<events><event><symbol>WSO2</symbol><price>55.6</price><volume>100</volume></event><event><symbol>IBM</symbol><price /><volume>1</volume></event></events>" }));
        InMemoryBroker.Publish("mappers.xml.in", "<events><event><symbol>X</symbol>");
        Assert.That(_app.GetConnectors().Sources.Single(s => s.Stream == "XmlStream").LastError, Does.StartWith("The message is not valid XML"));
    }

    [Test]
    public void XmlCustomMappingUsesXPaths()
    {
        var events = Collect(_app.XmlCustomStream);
        using var output = new TopicRecorder("mappers.xmlcustom.out");
        InMemoryBroker.Publish("mappers.xmlcustom.in", "<portfolio><stock symbol='WSO2'><price>55.6</price><volume>100</volume></stock></portfolio>");

        Assert.That(events, Is.EqualTo(new[] { new XmlCustomStreamEvent("WSO2", 55.6, 100) }));
        Assert.That(output.Texts, Is.EqualTo(new[] { "<quote symbol='WSO2'>55.6</quote>" }));
    }

    [Test]
    public void KeyValueReadsMapsWithImplicitCastsAndWritesMaps()
    {
        var events = Collect(_app.KeyValueStream);
        using var output = new TopicRecorder("mappers.kv.out");
        InMemoryBroker.Publish("mappers.kv.in", new Dictionary<string, object?> { ["s"] = "WSO2", ["p"] = 55, ["v"] = "100" });

        Assert.That(events, Is.EqualTo(new[] { new KeyValueStreamEvent("WSO2", 55, 100) }));
        var map = (Dictionary<string, object?>)output.Messages.Single();
        Assert.That(map, Is.EqualTo(new Dictionary<string, object?> { ["name"] = "WSO2", ["cost"] = 55.0 }));
    }

    [Test]
    public void PassThroughCarriesRowsAndEventsAndTheLogSinkWritesOneLinePerEvent()
    {
        var events = Collect(_app.PassStream);
        using var output = new TopicRecorder("mappers.pass.out");
        InMemoryBroker.Publish("mappers.pass.in", new object?[] { "WSO2", 55.6, 100L });
        InMemoryBroker.Publish("mappers.pass.in", new[] { new DynamicEvent(5, ["A", 1, 2], false), new DynamicEvent(5, ["B", 2.5, 3L], false) });

        Assert.That(events, Is.EqualTo(new[] { new PassStreamEvent("WSO2", 55.6, 100), new PassStreamEvent("A", 1, 2), new PassStreamEvent("B", 2.5, 3) }));
        Assert.That(output.Messages.Cast<DynamicEvent[]>().Select(m => m.Length), Is.EqualTo(new[] { 1, 2 }), "one message per chunk");
        var lines = _logs.Entries.Where(e => e.Category == "SiddhiGen.LogSink").ToList();
        Assert.That(lines.Select(l => l.Level), Is.All.EqualTo(LogLevel.Warning));
        Assert.That(lines.Select(l => l.Message), Is.EqualTo(new[]
        {
            "PASS : Event{timestamp=1000, data=[WSO2, 55.6, 100], isExpired=false}",
            "PASS : Event{timestamp=1000, data=[A, 1, 2], isExpired=false}",
            "PASS : Event{timestamp=1000, data=[B, 2.5, 3], isExpired=false}",
        }));
    }

    [Test]
    public void DynamicOptionsChooseTheTopicPerEvent()
    {
        using var wso2 = new TopicRecorder("mappers.dynamic.WSO2");
        using var ibm = new TopicRecorder("mappers.dynamic.IBM");
        InMemoryBroker.Publish("mappers.pass.in", new[] { new DynamicEvent(5, ["WSO2", 101.0, 1L], false), new DynamicEvent(5, ["IBM", 150.0, 1L], false), new DynamicEvent(5, ["WSO2", 200.0, 1L], false) });

        Assert.That(wso2.Texts, Is.EqualTo(new[] { """{"event":{"symbol":"WSO2","price":101}}""", """{"event":{"symbol":"WSO2","price":200}}""" }));
        Assert.That(ibm.Texts, Is.EqualTo(new[] { """{"event":{"symbol":"IBM","price":150}}""" }));
    }

    [Test]
    public void EveryConnectorIsRunningAndCountsItsEvents()
    {
        InMemoryBroker.Publish("mappers.csv.in", "A,1,1\nB,2,2");
        var connectors = _app.GetConnectors();
        Assert.That(connectors.All.Select(c => c.State), Is.All.EqualTo(ConnectorState.Running));
        Assert.That(connectors.Sources.Single(s => s.Stream == "CsvStream").Events, Is.EqualTo(2));
        Assert.That(connectors.Sinks.Single(s => s.Stream == "CsvStream").Events, Is.EqualTo(2));
        _app.Shutdown();
        Assert.That(connectors.All.Select(c => c.State), Is.All.EqualTo(ConnectorState.Stopped));
    }
}
