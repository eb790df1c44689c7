using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Connectors.InMemory;

namespace SiddhiGen.Generator.Tests.Connectors;

/// <summary>What the emitter writes for connectors compiles and runs: typed json/csv mappers, fault streams, log sinks.</summary>
public sealed class ConnectorEmitTests
{
    [Test]
    public void TypedJsonAndCsvMappersAreEmittedAsStaticLocalFunctions()
    {
        var result = GeneratedApp.Generate("""
            @source(type='inMemory', topic='emit.json', @map(type='json'))
            define stream S (symbol string, price double);
            @sink(type='inMemory', topic='emit.csv', @map(type='csv'))
            define stream O (symbol string, price double);
            from S select symbol, price insert into O;
            """);
        Assert.That(result.Source, Does.Contain("static SEvent SJsonReader0(ref global::System.Text.Json.Utf8JsonReader reader")
            .And.Contain("JsonValues.ReadDouble(ref reader, \"price\")")
            .And.Contain("static void OCsvWriter1(global::SiddhiGen.Runtime.Connectors.Mapping.CsvRecordWriter writer, in OEvent e)"));
    }

    [Test]
    public void AGeneratedAppMapsJsonInAndCsvOut()
    {
        using var app = GeneratedApp.Create("""
            @App:name('EmitRoundTrip')
            @source(type='inMemory', topic='emit.rt.in', @map(type='json'))
            define stream S (symbol string, price double);
            @sink(type='inMemory', topic='emit.rt.out', @map(type='csv'))
            define stream O (symbol string, price double);
            from S[price > 1] select symbol, price insert into O;
            """, new SiddhiAppOptions { Clock = new VirtualClock(0) });
        var output = new List<object>();
        using var subscription = InMemoryBroker.Subscribe("emit.rt.out", output.Add);
        app.Start();
        InMemoryBroker.Publish("emit.rt.in", """[{"symbol":"A","price":0.5},{"event":{"symbol":"B","price":2.5}}]""");
        Assert.That(output, Is.EqualTo(new object[] { "B,2.5\n" }));
    }

    [Test]
    public void AFaultStreamReceivesEventsWhoseProcessingFailed()
    {
        using var app = GeneratedApp.Create("""
            @App:name('EmitFaults')
            @source(type='inMemory', topic='emit.faults.in', @map(type='json'))
            @OnError(action='STREAM')
            define stream S (symbol string, price double);
            from S select symbol, price insert into O;
            from !S select symbol, _error insert into F;
            """, new SiddhiAppOptions { Clock = new VirtualClock(0) });
        var faults = new List<DynamicEvent>();
        app.Subscribe("F", faults.Add);
        app.Subscribe("O", e => throw new InvalidOperationException("boom " + e.Data[0]));
        app.Start();
        InMemoryBroker.Publish("emit.faults.in", """{"symbol":"A","price":1}""");
        InMemoryBroker.Publish("emit.faults.in", """{"symbol":"B","price":"x"}""");

        Assert.That(faults, Has.Count.EqualTo(2));
        Assert.That(faults[0].Data[0], Is.EqualTo("A"));
        Assert.That(faults[0].Data[1], Is.InstanceOf<InvalidOperationException>().With.Message.EqualTo("boom A"));
        Assert.That(faults[1].Data[0], Is.Null, "a message that could not be mapped has no attribute values");
        Assert.That(faults[1].Data[1], Is.InstanceOf<MappingException>().With.Message.Contains("'price' is double"));
        Assert.That(app.GetSchema("!S")!.Attributes.Select(a => a.Name), Is.EqualTo(new[] { "symbol", "price", "_error" }));
    }
}
