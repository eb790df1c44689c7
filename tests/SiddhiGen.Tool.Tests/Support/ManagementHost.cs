using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SiddhiGen.Hosting;
using SiddhiGen.Management;
using SiddhiGen.Runtime;
using SiddhiGen.Tool.Tests.Apps;

namespace SiddhiGen.Tool.Tests.Support;

/// <summary>A real ASP.NET Core host on 127.0.0.1 running the test apps with <c>MapSiddhi("/siddhi")</c>.</summary>
public sealed class ManagementHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ManagementHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary><c>http://127.0.0.1:port/siddhi/</c></summary>
    public Uri BaseUri { get; }

    public IServiceProvider Services => _app.Services;

    public T App<T>()
        where T : SiddhiApp => _app.Services.GetRequiredService<T>();

    public static async Task<ManagementHost> StartAsync(Action<SiddhiManagementOptions>? configure = null, string? httpSourceUrl = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["HTTP_URL"] = httpSourceUrl ?? $"http://127.0.0.1:{Ports.Free()}/readings" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSiddhiApp<StockApp>();
        builder.Services.AddSiddhiApp<HttpInApp>();
        builder.Services.AddSiddhiManagement(configure);
        var app = builder.Build();
        app.MapSiddhi("/siddhi");
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ManagementHost(app, new Uri(address + "/siddhi/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
