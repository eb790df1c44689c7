using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Hosting;

/// <summary>Hosts generated apps in <c>Microsoft.Extensions.Hosting</c>.</summary>
public static class SiddhiHostingExtensions
{
    private static readonly Meter s_meter = new(ConnectorMetrics.MeterName);

    /// <summary>
    /// Registers <typeparamref name="TApp"/> as a singleton and a hosted service: created with the host's
    /// <see cref="ILoggerFactory"/> (the log sink and error policies write there) and <see cref="TimeProvider"/>,
    /// <c>${VAR}</c> values from <paramref name="configure"/>'s variables, then <see cref="IConfiguration"/>, then the
    /// environment; connectors attached from code and from the configuration section
    /// <c>SiddhiGen:Apps:&lt;AppName&gt;</c> (<c>Sources</c>/<c>Sinks</c> lists); a health check named
    /// <c>siddhi-&lt;AppName&gt;</c>; and metrics on the meter <c>SiddhiGen</c>.
    /// </summary>
    public static IServiceCollection AddSiddhiApp<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TApp>(this IServiceCollection services, Action<SiddhiAppHostOptions>? configure = null)
        where TApp : SiddhiApp
    {
        var options = new SiddhiAppHostOptions();
        configure?.Invoke(options);
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build();
            options.Persistence.Read(configuration.GetSection("SiddhiGen:Persistence"));
            var appOptions = new SiddhiAppOptions
            {
                PersistenceStore = options.Persistence.CreateStore(),
                LoggerFactory = sp.GetService<ILoggerFactory>(),
                TimeProvider = sp.GetService<TimeProvider>(),
                Variables = new ConfigurationVariables(options.Variables, configuration),
            };
            var app = (TApp)Activator.CreateInstance(typeof(TApp), appOptions)!;
            var connectors = app.GetConnectors();
            connectors.DrainTimeout = options.DrainTimeout;
            if (options.Registry is not null)
            {
                connectors.Registry = options.Registry;
            }

            var section = configuration.GetSection(options.ConfigurationSection ?? "SiddhiGen:Apps:" + app.Name);
            foreach (var (stream, spec) in options.Sinks.Concat(ConfiguredConnectors.Read(section, "Sinks")))
            {
                connectors.AttachSink(stream, spec);
            }

            foreach (var (stream, spec) in options.Sources.Concat(ConfiguredConnectors.Read(section, "Sources")))
            {
                connectors.AttachSource(stream, spec);
            }

            RegisterMetrics(app);
            return app;
        });
        services.AddSingleton<SiddhiApp>(sp => sp.GetRequiredService<TApp>()); // every hosted app, for the management API
        services.AddHostedService(sp => new SiddhiAppHostedService<TApp>(
            sp.GetRequiredService<TApp>(),
            options,
            sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<SiddhiAppHostedService<TApp>>>(),
            sp.GetService<TimeProvider>()));
        services.AddHealthChecks().AddCheck<SiddhiAppHealthCheck<TApp>>("siddhi-" + typeof(TApp).Name);
        return services;
    }

    /// <summary>Observable instruments per app: whether it runs and how many events its processing dropped.</summary>
    private static void RegisterMetrics(SiddhiApp app)
    {
        var weak = new WeakReference<SiddhiApp>(app);
        var tags = new KeyValuePair<string, object?>("siddhi.app", app.Name);
        s_meter.CreateObservableGauge("siddhigen.app.running", () => new Measurement<int>(weak.TryGetTarget(out var a) && a.IsRunning ? 1 : 0, tags), description: "1 while the app runs");
        s_meter.CreateObservableCounter("siddhigen.app.processing.errors", () => new Measurement<long>(weak.TryGetTarget(out var a) ? a.ProcessingErrors : 0, tags), "{event}", "Events dropped because processing them threw");
    }
}
