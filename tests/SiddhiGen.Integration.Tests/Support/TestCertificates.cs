using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SiddhiGen.Integration.Tests;

/// <summary>A self-signed server certificate made for a test, written as PKCS#12 (with key) and PEM (certificate only, the truststore).</summary>
public sealed class TestCertificates : IDisposable
{
    public const string Password = "test-pass";
    private readonly TempFolder _dir = new();

    /// <summary>A certificate for the DNS name <paramref name="dnsName"/> only (no IP), so a call to 127.0.0.1 fails hostname verification.</summary>
    public TestCertificates(string dnsName = "localhost")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        Certificate = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        KeystoreFile = _dir.File("server.p12");
        System.IO.File.WriteAllBytes(KeystoreFile, certificate.Export(X509ContentType.Pkcs12, Password));
        TruststoreFile = _dir.File("trust.pem");
        System.IO.File.WriteAllText(TruststoreFile, certificate.ExportCertificatePem());
    }

    /// <summary>The public certificate (what a client trusts).</summary>
    public X509Certificate2 Certificate { get; }

    public string KeystoreFile { get; }

    public string TruststoreFile { get; }

    /// <summary>An HttpClient that trusts only this certificate (hostname not checked).</summary>
    public HttpClient TrustingClient() => new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, c, _, _) => c is not null && c.GetCertHashString() == Certificate.GetCertHashString() },
    }) { Timeout = TimeSpan.FromSeconds(20) };

    public void Dispose()
    {
        Certificate.Dispose();
        _dir.Dispose();
    }
}
