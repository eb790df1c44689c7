namespace SiddhiGen.Management;

/// <summary>
/// How the management API is protected. Basic auth works as on the <c>http</c> source
/// (<c>basic.auth.enabled</c>, <c>basic.auth.username</c>, <c>basic.auth.password</c>): off unless
/// <see cref="BasicAuthEnabled"/> is set, then every request must carry the credentials.
/// </summary>
public sealed class SiddhiManagementOptions
{
    /// <summary>Requires basic auth on every endpoint and on the page.</summary>
    public bool BasicAuthEnabled { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>How many recent warnings and errors the API keeps (default 100).</summary>
    public int RecentErrorCapacity { get; set; } = 100;

    /// <summary>Serves <c>/metrics</c> under the prefix in the Prometheus text format (off by default).</summary>
    public bool PrometheusEndpoint { get; set; }
}
