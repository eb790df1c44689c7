using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http;

/// <summary>
/// Loads the certificates the HTTP connectors name by file: PKCS#12 (<c>.p12</c>/<c>.pfx</c>, with its password)
/// or PEM (certificate and private key in one file). Siddhi's JKS stores are Java-only: convert them with
/// <c>keytool -importkeystore -deststoretype PKCS12</c>.
/// </summary>
internal static class Certificates
{
    /// <summary>A certificate with its private key (a server or client certificate).</summary>
    public static X509Certificate2 Load(string path, string? password, string owner)
    {
        var file = Existing(path, owner);
        try
        {
            return IsPem(file)
                ? X509Certificate2.CreateFromPemFile(file)
                : X509CertificateLoader.LoadPkcs12FromFile(file, password, X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException ex)
        {
            throw new ConnectorConfigurationException($"The certificate '{path}' of {owner} cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>The certificates of a truststore (PEM with one or more certificates, or PKCS#12).</summary>
    public static X509Certificate2Collection LoadCollection(string path, string? password, string owner)
    {
        var file = Existing(path, owner);
        try
        {
            var collection = new X509Certificate2Collection();
            if (IsPem(file))
            {
                collection.ImportFromPemFile(file);
            }
            else
            {
                collection.AddRange(X509CertificateLoader.LoadPkcs12CollectionFromFile(file, password));
            }

            return collection;
        }
        catch (CryptographicException ex)
        {
            throw new ConnectorConfigurationException($"The truststore '{path}' of {owner} cannot be read: {ex.Message}", ex);
        }
    }

    private static string Existing(string path, string owner)
    {
        var file = path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(path).LocalPath : path;
        return System.IO.File.Exists(file)
            ? file
            : throw new ConnectorConfigurationException($"The certificate file '{path}' of {owner} does not exist.");
    }

    private static bool IsPem(string file)
    {
        using var reader = new StreamReader(file);
        var buffer = new char[64];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).Contains("-----BEGIN", StringComparison.Ordinal);
    }
}
