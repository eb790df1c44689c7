using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime;

namespace SiddhiGen.Hosting;

/// <summary>
/// The hosted app's persistence: the last revision restored before the app starts, a revision persisted every
/// <see cref="SiddhiPersistenceOptions.Interval"/> while it runs, and one more when the host stops gracefully. A failed
/// persist is logged and retried at the next interval; it never stops the app.
/// </summary>
internal sealed class PeriodicPersistence(SiddhiApp app, SiddhiPersistenceOptions options, ILogger logger, TimeProvider time)
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public void RestoreOnStart()
    {
        if (!options.RestoreOnStart)
        {
            return;
        }

        // A revision that cannot be restored (another app version, damage) stops the start: silently starting empty would lose state.
        var revision = app.RestoreLastRevision();
        if (revision is null)
        {
            logger.LogInformation("Siddhi app '{App}' has no persisted revision; it starts empty.", app.Name);
        }
        else
        {
            logger.LogInformation("Siddhi app '{App}' restored revision {Revision}.", app.Name, revision);
        }
    }

    public void Start()
    {
        if (options.Interval > TimeSpan.Zero)
        {
            _loop = RunAsync(_stop.Token);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        if (app.IsRunning)
        {
            TryPersist("shutdown");
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            TryPersist("interval");
        }
    }

    private void TryPersist(string why)
    {
        try
        {
            var revision = app.Persist();
            logger.LogInformation("Siddhi app '{App}' persisted revision {Revision} ({Why}).", app.Name, revision, why);
        }
        catch (Exception ex) when (ex is SnapshotException or IOException or InvalidOperationException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogError(ex, "Siddhi app '{App}' could not persist its state ({Why}); the previous revision stays the last one.", app.Name, why);
        }
    }
}
