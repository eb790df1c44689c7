using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SiddhiGen.Hosting;
using SiddhiGen.Integration.Tests.Apps.HostedApp;

namespace SiddhiGen.Integration.Tests.Persistence;

/// <summary><c>SiddhiGen:Persistence</c> in a real Generic Host: the state persisted at shutdown is restored by the next host.</summary>
[Category("persistence")]
[NonParallelizable]
public sealed class HostedPersistenceTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSiddhiApp<HostedApp>();
        return builder.Build();
    }

    [TestCase("file")]
    [TestCase("sqlite")]
    public async Task TheWindowPersistedAtShutdownIsRestoredWhenTheNextHostStarts(string store)
    {
        using var dir = new TempFolder();
        var settings = new Dictionary<string, string?>
        {
            ["SiddhiGen:Persistence:Store"] = store,
            ["SiddhiGen:Persistence:Path"] = dir.File("state"),
            ["SiddhiGen:Persistence:ConnectionString"] = "Data Source=" + dir.File("state.db"),
            ["SiddhiGen:Persistence:Interval"] = "00:00:00",
            ["SiddhiGen:Apps:HostedApp:Sinks:0:Stream"] = "Averages",
            ["SiddhiGen:Apps:HostedApp:Sinks:0:Type"] = "log",
            ["SiddhiGen:Apps:HostedApp:Sinks:0:Enabled"] = "false",
        };

        using (var first = BuildHost(settings))
        {
            await first.StartAsync();
            var app = first.Services.GetRequiredService<HostedApp>();
            app.Send("Readings", 1, ["r1", 20.0]);
            app.Send("Readings", 2, ["r1", 30.0]);
            await first.StopAsync();
            Assert.That(app.LastRevision, Is.Not.Null, "a revision is persisted on graceful shutdown");
        }

        using var second = BuildHost(settings);
        var restored = second.Services.GetRequiredService<HostedApp>();
        var averages = new List<object?[]>();
        restored.Subscribe("Averages", e => averages.Add(e.Data));
        await second.StartAsync();
        restored.Send("Readings", 3, ["r1", 40.0]);

        Assert.That(restored.IsRestored, Is.True);
        Assert.That(averages.Select(r => r[1]), Is.EqualTo(new object?[] { 30.0 }), "the average covers the two events of the first host");
        var health = SiddhiAppHealthCheck<HostedApp>.Check(restored);
        Assert.That(health.Data["lastRevision"], Is.EqualTo(restored.LastRevision!.Value.Revision));
        await second.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
