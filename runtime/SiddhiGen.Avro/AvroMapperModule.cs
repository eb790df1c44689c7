using SiddhiGen.Avro;
using SiddhiGen.Runtime.Connectors;

[assembly: ConnectorModule(typeof(AvroMapperModule))]

namespace SiddhiGen.Avro;

/// <summary>Registers the <c>avro</c> source and sink mappers (Apache.Avro). Loaded by name on first use of <c>@map(type='avro')</c>.</summary>
public sealed class AvroMapperModule : IConnectorModule
{
    public void Register(ConnectorRegistry registry)
    {
        registry.AddSourceMapper("avro", static c => new AvroSourceMapper(c));
        registry.AddSinkMapper("avro", static c => new AvroSinkMapper(c));
    }
}
