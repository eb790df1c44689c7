using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// <see cref="System.Diagnostics.Metrics"/> instruments of the connectors, on the meter <c>SiddhiGen</c>:
/// events received per stream (<c>siddhigen.stream.events.in</c>), events published per stream
/// (<c>siddhigen.stream.events.out</c>) and errors (<c>siddhigen.stream.errors</c>, tagged with the kind:
/// mapping, processing, publish, connection, unavailable). Tags: <c>siddhi.app</c>, <c>siddhi.stream</c>,
/// <c>siddhi.connector</c>.
/// </summary>
public static class ConnectorMetrics
{
    public const string MeterName = "SiddhiGen";

    private static readonly Meter s_meter = new(MeterName);

    /// <summary>Events sources delivered into streams.</summary>
    public static readonly Counter<long> EventsIn = s_meter.CreateCounter<long>("siddhigen.stream.events.in", "{event}", "Events received by sources, per stream");

    /// <summary>Events sinks published from streams.</summary>
    public static readonly Counter<long> EventsOut = s_meter.CreateCounter<long>("siddhigen.stream.events.out", "{event}", "Events published by sinks, per stream");

    /// <summary>Messages or events that failed, by kind.</summary>
    public static readonly Counter<long> Errors = s_meter.CreateCounter<long>("siddhigen.stream.errors", "{error}", "Mapping, processing and publishing errors, per stream");

    internal static TagList Tags(ConnectorRuntime runtime) => new()
    {
        { "siddhi.app", runtime.AppName },
        { "siddhi.stream", runtime.Stream },
        { "siddhi.connector", runtime.Type },
    };

    internal static TagList Tags(ConnectorRuntime runtime, string kind)
    {
        var tags = Tags(runtime);
        tags.Add("siddhi.error.kind", kind);
        return tags;
    }
}
