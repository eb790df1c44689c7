using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http.Client;

/// <summary>
/// The TLS and connection settings of the HTTP sinks, from Siddhi's options: <c>https.truststore.file</c> (+
/// <c>https.truststore.password</c>) replaces the system's trusted roots, <c>https.keystore.file</c> (+
/// <c>https.keystore.password</c>) is the client certificate, <c>ssl.verification.disabled='true'</c> accepts
/// any server certificate, <c>hostname.verification.enabled='false'</c> accepts a certificate issued for
/// another host, <c>ssl.protocol</c> picks the TLS version; <c>proxy.*</c> and
/// <c>client.bootstrap.configurations</c>' connect timeout apply to the connection.
/// </summary>
internal static class HttpClientTls
{
    /// <summary>A handler configured from <paramref name="options"/>.</summary>
    public static SocketsHttpHandler CreateHandler(ConnectorOptions options)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        var bootstrap = ConnectorOptions.ParsePairs(options.Get("client.bootstrap.configurations"));
        foreach (var (key, value) in bootstrap)
        {
            if (key == "client.bootstrap.connect.timeout" && long.TryParse(value, out var connectMs))
            {
                handler.ConnectTimeout = TimeSpan.FromMilliseconds(connectMs);
            }
        }

        if (options.Get("proxy.host") is { Length: > 0 } proxyHost)
        {
            var proxy = new WebProxy(proxyHost, options.GetInt("proxy.port", 80));
            if (options.Get("proxy.username") is { Length: > 0 } proxyUser)
            {
                proxy.Credentials = new NetworkCredential(proxyUser, options.Get("proxy.password") ?? string.Empty);
            }

            handler.Proxy = proxy;
            handler.UseProxy = true;
        }

        var ssl = handler.SslOptions;
        ssl.EnabledSslProtocols = Protocols(options.Get("ssl.protocol"), options.Owner);
        if (options.Get("https.keystore.file") is { Length: > 0 } keystore)
        {
            ssl.ClientCertificates = [Certificates.Load(keystore, options.Get("https.keystore.password") ?? options.Get("https.keystore.key.password"), options.Owner)];
        }

        var verificationDisabled = options.GetBool("ssl.verification.disabled", false);
        var checkHostName = options.GetBool("hostname.verification.enabled", true);
        var trusted = options.Get("https.truststore.file") is { Length: > 0 } truststore
            ? Certificates.LoadCollection(truststore, options.Get("https.truststore.password"), options.Owner)
            : null;
        if (verificationDisabled || !checkHostName || trusted is not null)
        {
            ssl.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                verificationDisabled || Accept(certificate as X509Certificate2, errors, trusted, checkHostName);
        }

        return handler;
    }

    /// <summary><c>ssl.protocol</c>: TLS (the default: what the system allows), TLSv1.2 or TLSv1.3.</summary>
    public static SslProtocols Protocols(string? protocol, string owner) => protocol?.Trim().ToUpperInvariant() switch
    {
        null or "" or "TLS" or "SSL" => SslProtocols.None,
        "TLSV1.2" => SslProtocols.Tls12,
        "TLSV1.3" => SslProtocols.Tls13,
        _ => throw new ConnectorConfigurationException($"Option 'ssl.protocol' of {owner} must be TLS, TLSv1.2 or TLSv1.3, not '{protocol}'."),
    };

    private static bool Accept(X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2Collection? trusted, bool checkHostName)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        if (checkHostName && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        if (trusted is null)
        {
            return (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0;
        }

        // The truststore replaces the system's roots: the chain must end in one of its certificates.
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
