using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SiddhiGen.Hosting;
using SiddhiGen.Management;

namespace SiddhiGen.Tool.Run;

/// <summary>
/// <c>siddhigen run App.siddhi</c>: compiles the file in memory and hosts it (its declared sources and
/// sinks, connectors from the configuration's <c>SiddhiGen:Apps:&lt;App&gt;</c>), with the management API
/// and page on loopback, until Ctrl+C. Configuration: <c>--config appsettings.json</c>, then
/// <c>--set key=value</c> (a <c>${NAME}</c> placeholder reads key <c>NAME</c>).
/// </summary>
public static class RunCommand
{
    public const string DefaultUrl = "http://127.0.0.1:9390";

    public const string Usage = "siddhigen run <App.siddhi> [--config appsettings.json] [--set key=value]... [--urls " + DefaultUrl + "]\n" +
        "                 [--prefix /siddhi] [--no-management] [--user U --password P] [--prometheus]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken stop)
    {
        var arguments = Arguments.Parse(
            args,
            new HashSet<string> { "no-management", "prometheus" },
            new HashSet<string> { "config", "set", "urls", "prefix", "user", "password" });
        if (arguments.Positional.Count != 1)
        {
            throw new UsageException("run needs exactly one .siddhi file.");
        }

        var path = arguments.Positional[0];
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path}: error: file not found");
            return 1;
        }

        var appType = InMemoryApp.Compile(path, Console.Error);
        if (appType is null)
        {
            return 1;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetDirectoryName(Path.GetFullPath(path)) });
        // Only what the command line names: an appsettings.json that happens to sit beside the app is not read.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddEnvironmentVariables();
        if (arguments.Get("config") is { } config)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(config), optional: false);
        }

        builder.Configuration.AddInMemoryCollection(arguments.All("set").Select(ParseSetting));
        builder.WebHost.UseUrls(arguments.Get("urls") ?? DefaultUrl);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddConsole(o => o.FormatterName = PlainConsoleFormatter.Name).AddConsoleFormatter<PlainConsoleFormatter, ConsoleFormatterOptions>();

        InMemoryApp.AddSiddhiAppFor(appType).Invoke(null, [builder.Services, null]);
        var management = !arguments.Flag("no-management");
        if (management)
        {
            builder.Services.AddSiddhiManagement(o =>
            {
                o.BasicAuthEnabled = arguments.Get("user") is not null;
                o.Username = arguments.Get("user");
                o.Password = arguments.Get("password");
                o.PrometheusEndpoint = arguments.Flag("prometheus");
            });
        }

        var app = builder.Build();
        var prefix = "/" + (arguments.Get("prefix") ?? "/siddhi").Trim('/');
        if (management)
        {
            app.MapSiddhi(prefix);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.Error.WriteLine(management ? $"Management API and page: {address}{prefix}/" : $"Listening on {address}");
            }

            Console.Error.WriteLine("Press Ctrl+C to stop.");
        });

        try
        {
            await app.RunAsync(stop).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A connector that cannot start (a missing ${VARIABLE}, a port in use) is the user's to fix: the message, not a stack trace.
            Console.Error.WriteLine($"{path}: error: {ex.Message}");
            return 1;
        }
    }

    /// <summary><c>NAME=value</c> as a configuration entry.</summary>
    private static KeyValuePair<string, string?> ParseSetting(string setting)
    {
        var equals = setting.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? new(setting[..equals], setting[(equals + 1)..])
            : throw new UsageException($"--set needs key=value, not '{setting}'.");
    }
}
