using SiddhiGen.RabbitMQ;
using SiddhiGen.Runtime.Connectors;

[assembly: ConnectorModule(typeof(RabbitMQConnectorModule))]

namespace SiddhiGen.RabbitMQ;

/// <summary>Registers the <c>rabbitmq</c> source and sink (RabbitMQ.Client). Loaded by name on first use of type 'rabbitmq'.</summary>
public sealed class RabbitMQConnectorModule : IConnectorModule
{
    public void Register(ConnectorRegistry registry)
    {
        registry.AddSource("rabbitmq", static () => new RabbitMQSource());
        registry.AddSink("rabbitmq", static () => new RabbitMQSink());
    }
}
