using SiddhiGen.Mqtt;
using SiddhiGen.Runtime.Connectors;

[assembly: ConnectorModule(typeof(MqttConnectorModule))]

namespace SiddhiGen.Mqtt;

/// <summary>Registers the <c>mqtt</c> source and sink (MQTTnet). Loaded by name on first use of type 'mqtt'.</summary>
public sealed class MqttConnectorModule : IConnectorModule
{
    public void Register(ConnectorRegistry registry)
    {
        registry.AddSource("mqtt", static () => new MqttSource());
        registry.AddSink("mqtt", static () => new MqttSink());
    }
}
