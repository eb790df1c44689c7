namespace SiddhiGen.Runtime.Connectors.File;

/// <summary>Reads <c>file:</c> URIs (<c>file:/a/b</c>, <c>file:///a/b</c>) and plain paths; other schemes (ftp, sftp) are not supported.</summary>
internal static class FilePaths
{
    public static string FromUri(string uri, string option)
    {
        var value = uri.Trim();
        if (value.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var parsed) && parsed.IsFile)
            {
                return parsed.LocalPath;
            }

            value = value[5..];
            while (value.StartsWith("//", StringComparison.Ordinal))
            {
                value = value[1..];
            }

            return value;
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            throw new ConnectorConfigurationException($"Option '{option}' is '{uri}': only file: URIs and paths are supported (ftp and sftp are not).");
        }

        return value;
    }
}
