using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Avro;
using Avro.Generic;
using Avro.IO;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Connectors.Tcp;

using SiddhiGen.Integration.Tests.Apps.AvroApp;

namespace SiddhiGen.Integration.Tests.Avro;

/// <summary>The avro mapper over tcp: records written and read by Apache.Avro in the test, as a Siddhi peer would.</summary>
[Category("avro")]
public sealed class AvroMapperTests
{
    private const string UserSchema = """{"type":"record","name":"userInfo","namespace":"avro.userInfo","fields":[{"name":"username","type":"string"},{"name":"age","type":"int"},{"name":"address","type":{"type":"record","name":"address","fields":[{"name":"city","type":["null","string"]}]}}]}""";
    private RecordingLoggerFactory _logs = null!;
    private AvroApp _app = null!;
    private TcpListener _outside = null!;
    private int _port;

    [SetUp]
    public async Task SetUp()
    {
        _port = Ports.Free();
        _outside = new TcpListener(IPAddress.Loopback, 0);
        _outside.Start();
        _logs = new RecordingLoggerFactory();
        _app = new AvroApp(new SiddhiAppOptions
        {
            LoggerFactory = _logs,
            Variables = new Dictionary<string, string> { ["TCP_PORT"] = _port.ToString(), ["OUT_PORT"] = ((IPEndPoint)_outside.LocalEndpoint).Port.ToString() },
        });
        await _app.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.StopAsync();
        _app.Dispose();
        _outside.Stop();
    }

    private static byte[] Encode(RecordSchema schema, Action<GenericRecord> fill)
    {
        var record = new GenericRecord(schema);
        fill(record);
        using var stream = new MemoryStream();
        var encoder = new BinaryEncoder(stream);
        new GenericDatumWriter<GenericRecord>(schema).Write(record, encoder);
        encoder.Flush();
        return stream.ToArray();
    }

    private static byte[] User(string name, int age, string? city)
    {
        var schema = (RecordSchema)Schema.Parse(UserSchema);
        return Encode(schema, r =>
        {
            r.Add("username", name);
            r.Add("age", age);
            var address = new GenericRecord((RecordSchema)schema["address"].Schema);
            address.Add("city", city);
            r.Add("address", address);
        });
    }

    private async Task SendAsync(string context, params byte[][] payloads)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _port);
        foreach (var payload in payloads)
        {
            await client.GetStream().WriteAsync(TcpFraming.Encode("peer", context, payload));
        }
    }

    [Test]
    public async Task RecordsAreReadWithCustomFieldMappingAndWrittenWithTheGeneratedSchema()
    {
        var users = new ConcurrentQueue<UsersEvent>();
        _app.Users.Subscribe(users.Enqueue);
        var accept = _outside.AcceptTcpClientAsync();

        await SendAsync("users", User("alice", 30, "Colombo"), User("bob", 12, "Kandy"));

        await Wait.ForCountAsync(users, 2, "the two users");
        Assert.That(users.Select(u => (u.Name, u.Age, u.City)), Is.EqualTo(new[] { ("alice", (long?)30, "Colombo"), ("bob", (long?)12, "Kandy") }));

        using var copy = await Wait.WithTimeout(accept, "the avro tcp sink to connect");
        var generated = (RecordSchema)Schema.Parse("""{"type":"record","name":"UserCopy","fields":[{"name":"name","type":"string"},{"name":"age","type":"long"},{"name":"city","type":"string"},{"name":"adult","type":"boolean"},{"name":"score","type":"float"},{"name":"rating","type":"double"},{"name":"visits","type":"int"}]}""");
        var reader = new GenericDatumReader<GenericRecord>(generated, generated);
        var records = new List<GenericRecord>();
        for (var i = 0; i < 2; i++)
        {
            var frame = await Wait.WithTimeout(TcpFraming.ReadAsync(copy.GetStream(), TcpFraming.MaxFrameSize, CancellationToken.None), "an avro frame");
            records.Add(reader.Read(null!, new BinaryDecoder(new MemoryStream(frame!.Payload!))));
        }

        Assert.That(records.Select(r => (r["name"], r["age"], r["city"], r["adult"], r["score"], r["rating"], r["visits"])), Is.EqualTo(new[]
        {
            ((object)"alice", (object)30L, (object)"Colombo", (object)true, (object)1.5f, (object)2.25, (object)3),
            ("bob", 12L, "Kandy", false, 1.5f, 2.25, 3),
        }), "one record per event, in the flat schema Siddhi generates from the stream");
    }

    [Test]
    public async Task UndecodableRecordsAndMissingFieldsGoToTheErrorPolicy()
    {
        var users = new ConcurrentQueue<UsersEvent>();
        var readings = new ConcurrentQueue<ReadingsEvent>();
        _app.Users.Subscribe(users.Enqueue);
        _app.Readings.Subscribe(readings.Enqueue);
        var readingSchema = (RecordSchema)Schema.Parse("""{"type":"record","name":"reading","fields":[{"name":"room","type":["null","string"]},{"name":"temp","type":"double"}]}""");

        await SendAsync("users", [0xFF, 0xFF, 0xFF], User("carol", 40, null), User("dave", 50, "Galle"));
        await SendAsync("lenient", Encode(readingSchema, r => { r.Add("room", null); r.Add("temp", 21.5); }));

        await Wait.ForCountAsync(users, 1, "the good user");
        await Wait.ForCountAsync(readings, 1, "the lenient reading");
        var source = _app.GetConnectors().Sources.Single(s => s.Stream == "Users");
        Assert.That(source.Errors, Is.EqualTo(2), "the garbage and the user without a city (fail.on.missing.attribute)");
        Assert.That(users.Single().Name, Is.EqualTo("dave"));
        Assert.That(readings.Single(), Is.EqualTo(new ReadingsEvent(null, 21.5)), "fail.on.missing.attribute='false' sends the null");
        Assert.That(_logs.Errors, Has.Some.Contains("no value for 'address.city'"));
    }
}
