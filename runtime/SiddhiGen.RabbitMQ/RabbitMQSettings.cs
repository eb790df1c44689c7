using System.Net.Security;
using System.Security.Authentication;
using RabbitMQ.Client;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.RabbitMQ;

/// <summary>
/// What the rabbitmq source and sink share: the connection (<c>uri</c> <c>amqp://user:pass@host:5672/vhost</c>,
/// <c>heartbeat</c> s, default 60; <c>tls.enabled</c> or an <c>amqps://</c> uri for TLS with the system's trusted
/// roots and <c>tls.version</c>; a Java <c>tls.truststore.path</c> is refused at start), recovered automatically after a lost connection (every 2 s, topology and
/// consumers included), and the exchange the connector declares (<c>exchange.name</c>, <c>exchange.type</c>
/// direct/fanout/topic/headers, default direct, <c>exchange.durable.enabled</c>, <c>exchange.autodelete.enabled</c>,
/// both default false) — an existing exchange with other settings fails the start, as in RabbitMQ.
/// </summary>
internal static class RabbitMQSettings
{
    public static ConnectionFactory Factory(ConnectorOptions options, string clientName)
    {
        var uri = options.GetRequired("uri");
        var factory = new ConnectionFactory
        {
            RequestedHeartbeat = TimeSpan.FromSeconds(options.GetInt("heartbeat", 60)),
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
            ClientProvidedName = clientName,
        };
        try
        {
            factory.Uri = new Uri(uri);
        }
        catch (Exception ex) when (ex is UriFormatException or ArgumentException)
        {
            throw new ConnectorConfigurationException($"Option 'uri' of {options.Owner} must be amqp://user:password@host:port, not '{uri}': {ex.Message}", ex);
        }

        if (options.Get("tls.truststore.path") is { Length: > 0 })
        {
            throw new ConnectorConfigurationException($"Option 'tls.truststore.path' of {options.Owner} is not supported (Java truststores): add the broker's CA to the system's trusted roots.");
        }

        if (options.GetBool("tls.enabled", false) || factory.Ssl.Enabled)
        {
            factory.Ssl = new SslOption(factory.HostName) { Enabled = true, Version = Version(options.Get("tls.version")), AcceptablePolicyErrors = SslPolicyErrors.None };
        }

        return factory;
    }

    public static async Task DeclareExchangeAsync(IChannel channel, ConnectorOptions options, string exchange, CancellationToken cancellationToken)
    {
        if (exchange.Length == 0)
        {
            return; // the default exchange: routes by queue name, cannot be declared
        }

        var type = (options.Get("exchange.type") ?? "direct").Trim().ToLowerInvariant();
        if (type is not ("direct" or "fanout" or "topic" or "headers"))
        {
            throw new ConnectorConfigurationException($"Option 'exchange.type' of {options.Owner} must be direct, fanout, topic or headers, not '{type}'.");
        }

        await channel.ExchangeDeclareAsync(
            exchange,
            type,
            durable: options.GetBool("exchange.durable.enabled", false),
            autoDelete: options.GetBool("exchange.autodelete.enabled", false),
            arguments: null,
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>headers</c> as <c>'name:value','name:value'</c>, for a headers exchange's binding or a message.</summary>
    public static Dictionary<string, object?>? Headers(string? value)
    {
        var pairs = ConnectorOptions.ParsePairs(value);
        return pairs.Count == 0 ? null : pairs.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
    }

    private static SslProtocols Version(string? version) => version?.Trim().ToUpperInvariant() switch
    {
        "TLSV1.2" => SslProtocols.Tls12,
        "TLSV1.3" => SslProtocols.Tls13,
        _ => SslProtocols.None, // SSL, TLS, unset: what the system allows
    };
}
