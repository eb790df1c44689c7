using SiddhiGen.Http;
using SiddhiGen.Runtime.Connectors;

[assembly: ConnectorModule(typeof(HttpConnectorModule))]

namespace SiddhiGen.Http;

/// <summary>Registers the <c>http</c> source (Kestrel) and sink (HttpClient). Loaded by name on first use of type 'http'.</summary>
public sealed class HttpConnectorModule : IConnectorModule
{
    public void Register(ConnectorRegistry registry)
    {
        registry.AddSource("http", static () => new HttpSource());
        registry.AddSink("http", static () => new HttpSink());
    }
}
