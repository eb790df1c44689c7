using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Hosting;

/// <summary>
/// Runs one app in the host: on start, attached sinks, then the app (with its declared sinks and sources),
/// then attached sources; on stop, every source first (in-flight messages are finished), then the app,
/// then its sinks (queues drained).
/// </summary>
public sealed class SiddhiAppHostedService<TApp> : IHostedService
    where TApp : SiddhiApp
{
    private readonly TApp _app;
    private readonly SiddhiAppHostOptions _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;
    private readonly PeriodicPersistence? _persistence;

    public SiddhiAppHostedService(TApp app, SiddhiAppHostOptions options, IHostApplicationLifetime lifetime, ILogger<SiddhiAppHostedService<TApp>> logger, TimeProvider? timeProvider = null)
    {
        _app = app;
        _options = options;
        _lifetime = lifetime;
        _logger = logger;
        _persistence = app.Options.PersistenceStore is null ? null : new PeriodicPersistence(app, options.Persistence, logger, timeProvider ?? TimeProvider.System);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _persistence?.RestoreOnStart();
        var connectors = _app.GetConnectors();
        await connectors.StartAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Siddhi app '{App}' started with {Sources} source(s) and {Sinks} sink(s).", _app.Name, connectors.Sources.Count(), connectors.Sinks.Count());
        _persistence?.Start();
        if (_options.StopHostWhenSourcesComplete)
        {
            _ = connectors.WhenSourcesCompleted().ContinueWith(
                _ =>
                {
                    _logger.LogInformation("Every finite source of Siddhi app '{App}' has delivered its input; stopping the host.", _app.Name);
                    _lifetime.StopApplication();
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_persistence is not null)
        {
            // The last revision is taken while the app still runs: a shut-down clock no longer holds the pending timers.
            await _persistence.StopAsync().ConfigureAwait(false);
        }

        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        var connectors = _app.GetConnectors();
        _logger.LogInformation(
            "Siddhi app '{App}' stopped: {In} event(s) received, {Out} published, {Errors} error(s).",
            _app.Name,
            connectors.Sources.Sum(s => s.Events),
            connectors.Sinks.Sum(s => s.Events),
            connectors.All.Sum(c => c.Errors) + _app.ProcessingErrors);
    }
}
