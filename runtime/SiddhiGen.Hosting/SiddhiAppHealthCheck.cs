using Microsoft.Extensions.Diagnostics.HealthChecks;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Hosting;

/// <summary>
/// Health of one hosted app: Unhealthy when the app is not running or a connector failed to start;
/// Degraded while a sink retries (connection lost, <c>on.error='WAIT'</c>); otherwise Healthy. The data holds
/// each connector's state and counters.
/// </summary>
public sealed class SiddhiAppHealthCheck<TApp>(TApp app) : IHealthCheck
    where TApp : SiddhiApp
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check(app));

    /// <summary>The health of <paramref name="app"/> (also usable without the health-check middleware).</summary>
    public static HealthCheckResult Check(SiddhiApp app)
    {
        var connectors = app.GetConnectors().All;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["app"] = app.Name,
            ["running"] = app.IsRunning,
            ["processingErrors"] = app.ProcessingErrors,
        };
        if (app.LastRevision is { } revision)
        {
            data["lastRevision"] = revision.Revision;
            data["lastRevisionAgeSeconds"] = Math.Round((DateTimeOffset.UtcNow - revision.At).TotalSeconds, 1);
        }

        foreach (var c in connectors)
        {
            data[c.Description] = $"{c.State}, {c.Events} events, {c.Errors} errors" + (c.LastError is null ? string.Empty : ", last error: " + c.LastError);
        }

        if (!app.IsRunning)
        {
            return HealthCheckResult.Unhealthy($"Siddhi app '{app.Name}' is not running.", data: data);
        }

        if (connectors.FirstOrDefault(c => c.State == ConnectorState.Failed) is { } failed)
        {
            return HealthCheckResult.Unhealthy($"The {failed.Description} failed: {failed.LastError}", data: data);
        }

        if (connectors.FirstOrDefault(c => c.State == ConnectorState.Retrying) is { } retrying)
        {
            return HealthCheckResult.Degraded($"The {retrying.Description} is retrying: {retrying.LastError}", data: data);
        }

        return HealthCheckResult.Healthy($"Siddhi app '{app.Name}' is running.", data);
    }
}
