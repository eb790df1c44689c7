using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SiddhiGen.Hosting;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Connectors.InMemory;

using SiddhiGen.Integration.Tests.Apps.HostedApp;

namespace SiddhiGen.Integration.Tests.Hosting;

/// <summary><c>AddSiddhiApp</c> in a real Generic Host: configuration, attached connectors, logging, health checks, metrics, lifecycle.</summary>
[Category("hosting")]
[NonParallelizable]
public sealed class HostingTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings, RecordingLoggerFactory logs, Action<SiddhiAppHostOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(new RecordingProvider(logs));
        builder.Services.AddSiddhiApp<HostedApp>(configure);
        return builder.Build();
    }

    [Test]
    public async Task AConfiguredFileSourceAndSinkRunUntilTheInputIsReadAndTheHostStopsByItself()
    {
        using var dir = new TempFolder();
        System.IO.File.WriteAllText(dir.File("readings.csv"), "r1,26\nr1,27\nr1,26\nr1,25\n");
        var logs = new RecordingLoggerFactory();
        using var host = BuildHost(
            new()
            {
                ["SiddhiGen:Variables:DATA"] = dir.Path,
                ["SiddhiGen:Apps:HostedApp:Sources:0:Stream"] = "Readings",
                ["SiddhiGen:Apps:HostedApp:Sources:0:Type"] = "file",
                ["SiddhiGen:Apps:HostedApp:Sources:0:Options:file.uri"] = "${DATA}/readings.csv",
                ["SiddhiGen:Apps:HostedApp:Sources:0:Options:tailing"] = "false",
                ["SiddhiGen:Apps:HostedApp:Sources:0:Options:action.after.process"] = "keep",
                ["SiddhiGen:Apps:HostedApp:Sources:0:Map:Type"] = "csv",
                ["SiddhiGen:Apps:HostedApp:Sinks:0:Stream"] = "Averages",
                ["SiddhiGen:Apps:HostedApp:Sinks:0:Type"] = "file",
                ["SiddhiGen:Apps:HostedApp:Sinks:0:Options:file.uri"] = "${DATA}/averages.txt",
                ["SiddhiGen:Apps:HostedApp:Sinks:0:Map:Type"] = "text",
                ["SiddhiGen:Apps:HostedApp:Sinks:0:Map:Payload"] = "{{room}}={{avgTemp}}",
                ["SiddhiGen:Apps:HostedApp:Sinks:1:Stream"] = "Averages",
                ["SiddhiGen:Apps:HostedApp:Sinks:1:Type"] = "log",
                ["SiddhiGen:Apps:HostedApp:Sinks:1:Enabled"] = "false",
            },
            logs,
            o => o.StopHostWhenSourcesComplete = true);

        var app = host.Services.GetRequiredService<HostedApp>();
        await host.RunAsync().WaitAsync(Wait.Timeout);

        Assert.That(System.IO.File.ReadAllLines(dir.File("averages.txt")), Is.EqualTo(new[] { "r1=26", "r1=26.5", "r1=26.333333333333332", "r1=26" }));
        Assert.That(logs.Lines("SiddhiGen.LogSink"), Has.Count.EqualTo(4), "the declared log sink writes through the host's logging");
        Assert.That(logs.Lines("SiddhiGen.LogSink")[1], Does.StartWith("AVG : Event{").And.Contain("data=[r1, 26.5]"));
        Assert.That(logs.Entries.Select(e => e.Message).Where(m => m.StartsWith("Siddhi app 'HostedApp' stopped", StringComparison.Ordinal)), Is.EqualTo(new[] { "Siddhi app 'HostedApp' stopped: 4 event(s) received, 8 published, 0 error(s)." }), "4 averages to each of the two sinks");
        Assert.That(app.IsRunning, Is.False);
    }

    [Test]
    public async Task HealthAndMetricsFollowTheApp()
    {
        var measurements = new ConcurrentQueue<(string Instrument, long Value, string? Stream)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ConnectorMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? stream = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "siddhi.stream")
                {
                    stream = tag.Value as string;
                }
            }

            measurements.Enqueue((instrument.Name, value, stream));
        });
        listener.Start();

        var logs = new RecordingLoggerFactory();
        using var host = BuildHost([], logs, o => o
            .AddSource("Readings", new ConnectorSpec("inMemory", [new("topic", "${TOPIC}")], new MapperSpec("json")))
            .AddSink("Averages", new ConnectorSpec("inMemory", [new("topic", "hosting.averages")], new MapperSpec("csv")))
            .Variables["TOPIC"] = "hosting.readings");
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var app = host.Services.GetRequiredService<HostedApp>();
        var averages = new ConcurrentQueue<object>();
        using var subscription = InMemoryBroker.Subscribe("hosting.averages", averages.Enqueue);

        Assert.That((await health.CheckHealthAsync()).Status, Is.EqualTo(HealthStatus.Unhealthy), "not started yet");
        await host.StartAsync();
        InMemoryBroker.Publish("hosting.readings", """[{"room":"a","temp":1},{"room":"a","temp":3}]""");
        InMemoryBroker.Publish("hosting.readings", "oops");

        var report = await health.CheckHealthAsync();
        Assert.That(report.Status, Is.EqualTo(HealthStatus.Healthy));
        Assert.That(report.Entries["siddhi-HostedApp"].Data["inMemory source of 'Readings'"], Is.EqualTo("Running, 2 events, 1 errors, last error: The message is not valid JSON: 'o' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0."));
        Assert.That(averages, Is.EqualTo(new object[] { "a,2\n" }), "one chunk in, one aggregate row out");

        await host.StopAsync();
        Assert.That((await health.CheckHealthAsync()).Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(app.GetConnectors().All.Select(c => c.State), Is.All.EqualTo(ConnectorState.Stopped));

        listener.RecordObservableInstruments();
        Assert.That(measurements.Where(m => m.Instrument == "siddhigen.stream.events.in" && m.Stream == "Readings").Sum(m => m.Value), Is.EqualTo(2));
        Assert.That(measurements.Where(m => m.Instrument == "siddhigen.stream.events.out" && m.Stream == "Averages").Sum(m => m.Value), Is.EqualTo(2), "the declared log sink and the attached inMemory sink");
        Assert.That(measurements.Where(m => m.Instrument == "siddhigen.stream.errors" && m.Stream == "Readings").Sum(m => m.Value), Is.EqualTo(1));
    }

    [Test]
    public void AConfiguredConnectorOfAnUnknownTypeFailsTheStart()
    {
        using var host = BuildHost(
            new()
            {
                ["SiddhiGen:Apps:HostedApp:Sources:0:Stream"] = "Readings",
                ["SiddhiGen:Apps:HostedApp:Sources:0:Type"] = "carrierPigeon",
            },
            new RecordingLoggerFactory());
        var ex = Assert.ThrowsAsync<ConnectorConfigurationException>(() => host.StartAsync());
        Assert.That(ex!.Message, Does.Contain("Source type 'carrierPigeon' is not registered"));
    }

    private sealed class RecordingProvider(RecordingLoggerFactory logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logs.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
