using MQTTnet;
using MQTTnet.Protocol;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Mqtt;

/// <summary>
/// The options the mqtt source and sink share, with Siddhi's defaults: <c>url</c> (<c>tcp://host:port</c>, or
/// <c>ssl://host:port</c> for TLS with the system's trusted roots), <c>username</c>/<c>password</c>,
/// <c>client.id</c> (generated when absent), <c>quality.of.service</c> 0/1/2 (default 1), <c>clean.session</c>
/// (default true), <c>keep.alive</c> (s, 60) and <c>connection.timeout</c> (s, 30).
/// </summary>
internal static class MqttSettings
{
    public static MqttClientOptions ClientOptions(ConnectorOptions options)
    {
        var url = options.GetRequired("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("tcp" or "ssl" or "mqtt" or "mqtts"))
        {
            throw new ConnectorConfigurationException($"Option 'url' of {options.Owner} must be tcp://host:port or ssl://host:port, not '{url}'.");
        }

        var tls = uri.Scheme is "ssl" or "mqtts";
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port)
            .WithClientId(options.Get("client.id") is { Length: > 0 } id ? id : "siddhigen-" + Guid.NewGuid().ToString("N")[..16])
            .WithCleanSession(options.GetBool("clean.session", true))
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.GetInt("keep.alive", 60)))
            .WithTimeout(TimeSpan.FromSeconds(options.GetInt("connection.timeout", 30)));
        if (options.Get("username") is { Length: > 0 } user)
        {
            builder.WithCredentials(user, options.Get("password") ?? string.Empty);
        }

        if (tls)
        {
            builder.WithTlsOptions(o => o.UseTls());
        }

        return builder.Build();
    }

    public static MqttQualityOfServiceLevel QualityOfService(string? value, string owner) => value?.Trim() switch
    {
        null or "" or "1" => MqttQualityOfServiceLevel.AtLeastOnce,
        "0" => MqttQualityOfServiceLevel.AtMostOnce,
        "2" => MqttQualityOfServiceLevel.ExactlyOnce,
        _ => throw new ConnectorConfigurationException($"Option 'quality.of.service' of {owner} must be 0, 1 or 2, not '{value}'."),
    };
}
