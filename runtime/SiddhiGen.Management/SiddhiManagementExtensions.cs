using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SiddhiGen.Management;

/// <summary>
/// The opt-in management API and page: <c>services.AddSiddhiManagement(...)</c>, then
/// <c>app.MapSiddhi("/siddhi")</c> on an ASP.NET Core host that runs apps registered with <c>AddSiddhiApp</c>.
/// </summary>
public static class SiddhiManagementExtensions
{
    /// <summary>Registers what the endpoints read: the apps, the per-stream rates (a meter listener) and the recent errors (a logger provider).</summary>
    public static IServiceCollection AddSiddhiManagement(this IServiceCollection services, Action<SiddhiManagementOptions>? configure = null)
    {
        var options = new SiddhiManagementOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton<AppDirectory>();
        services.TryAddSingleton(sp => new StreamRates(sp.GetService<TimeProvider>()));
        services.TryAddSingleton<RecentErrors>();
        services.AddSingleton<ILoggerProvider>(sp => sp.GetRequiredService<RecentErrors>());
        return services;
    }

    /// <summary>
    /// Maps the REST API and the page under <paramref name="prefix"/>:
    /// <c>GET apps</c>, <c>GET apps/{app}</c>, <c>GET apps/{app}/streams</c>, <c>POST apps/{app}/streams/{stream}</c>,
    /// <c>POST apps/{app}/query</c>, <c>GET errors</c>, <c>GET metrics</c> (when enabled) and the page at the prefix itself.
    /// </summary>
    public static RouteGroupBuilder MapSiddhi(this IEndpointRouteBuilder endpoints, string prefix = "/siddhi")
    {
        var services = endpoints.ServiceProvider;
        var options = services.GetService<SiddhiManagementOptions>()
            ?? throw new InvalidOperationException("Call services.AddSiddhiManagement() before MapSiddhi().");
        var directory = services.GetRequiredService<AppDirectory>();
        var rates = services.GetRequiredService<StreamRates>();
        var handlers = new ManagementEndpoints(directory, rates, services.GetRequiredService<RecentErrors>());

        // Uptime counts from the moment the host finished starting its apps.
        services.GetService<IHostApplicationLifetime>()?.ApplicationStarted.Register(directory.Observe);

        var group = endpoints.MapGroup(prefix.TrimEnd('/'));
        group.AddEndpointFilter(new BasicAuthentication(options));
        group.MapGet("/apps", handlers.ListApps);
        group.MapGet("/apps/{app}", handlers.GetApp);
        group.MapGet("/apps/{app}/streams", handlers.ListStreams);
        group.MapPost("/apps/{app}/streams/{stream}", (string app, string stream, HttpRequest request) => handlers.SendAsync(app, stream, request));
        group.MapPost("/apps/{app}/query", (string app, HttpRequest request) => handlers.QueryAsync(app, request));
        group.MapGet("/errors", handlers.RecentErrors);
        if (options.PrometheusEndpoint)
        {
            group.MapGet("/metrics", () => Results.Text(PrometheusText.Write(directory, rates), "text/plain; version=0.0.4"));
        }

        ManagementPage.Map(group);
        return group;
    }
}
