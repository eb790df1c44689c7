using SiddhiGen.Kafka;
using SiddhiGen.Runtime.Connectors;

[assembly: ConnectorModule(typeof(KafkaConnectorModule))]

namespace SiddhiGen.Kafka;

/// <summary>Registers the <c>kafka</c> source and sink (Confluent.Kafka). Loaded by name on first use of type 'kafka'.</summary>
public sealed class KafkaConnectorModule : IConnectorModule
{
    public void Register(ConnectorRegistry registry)
    {
        registry.AddSource("kafka", static () => new KafkaSource());
        registry.AddSink("kafka", static () => new KafkaSink());
    }
}

/// <summary>Client settings shared by the source and the sink.</summary>
internal static class KafkaSettings
{
    /// <summary>Adds <c>optional.configuration</c> (<c>key:value,key:value</c>) to a client config.</summary>
    public static void AddOptional(Confluent.Kafka.ClientConfig config, ConnectorOptions options)
    {
        foreach (var (key, value) in ConnectorOptions.ParsePairs(options.Get("optional.configuration")))
        {
            config.Set(key, value);
        }
    }
}
