using SiddhiGen.Http;
using SiddhiGen.Http.Call;
using SiddhiGen.Http.Service;
using SiddhiGen.Runtime.Connectors;

[assembly: ConnectorModule(typeof(HttpConnectorModule))]

namespace SiddhiGen.Http;

/// <summary>
/// Registers the HTTP connectors: <c>http</c> source (Kestrel) and sink (HttpClient), <c>http-call</c> sink with
/// its <c>http-call-response</c> source, <c>http-service</c> source with its <c>http-service-response</c> sink,
/// and Siddhi's older names for the last four (<c>http-request</c>, <c>http-response</c>). Loaded by name on first use.
/// </summary>
public sealed class HttpConnectorModule : IConnectorModule
{
    public void Register(ConnectorRegistry registry)
    {
        registry.AddSource("http", static () => new HttpSource());
        registry.AddSink("http", static () => new HttpSink());
        registry.AddSink("http-call", static () => new HttpCallSink());
        registry.AddSink("http-request", static () => new HttpCallSink());
        registry.AddSource("http-call-response", static () => new HttpCallResponseSource());
        registry.AddSource("http-response", static () => new HttpCallResponseSource());
        registry.AddSource("http-service", static () => new HttpServiceSource());
        registry.AddSource("http-request", static () => new HttpServiceSource());
        registry.AddSink("http-service-response", static () => new HttpServiceResponseSink());
        registry.AddSink("http-response", static () => new HttpServiceResponseSink());
    }
}
