// The WSO2 quick-start as a hosted worker. TemperatureApp.siddhi is the quick-start app unchanged: it has
// no source, so the file source reading tempReadings.csv (csv mapper) is attached from appsettings.json;
// the app's log sink prints the average of the last three readings for every reading, and the worker stops
// once the file has been read.
//
//   dotnet run --project samples/TemperatureMonitoring                   # the ten averages, then exit
//   dotnet run --project samples/TemperatureMonitoring -- --Serve=true   # also: POST readings as JSON to
//       http://127.0.0.1:8006/temperature, averages appended to averages.json; runs until Ctrl+C
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SiddhiGen.Hosting;
using SiddhiGen.Runtime.Connectors;
using TemperatureMonitoring;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory, // appsettings.json and tempReadings.csv sit next to the program
});
builder.Logging.AddConsole(o => o.FormatterName = PlainConsoleFormatter.Name);
// What AddConsoleFormatter<,>() does, minus binding the formatter's options from configuration by reflection (native AOT).
builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter, PlainConsoleFormatter>());

var serve = builder.Configuration.GetValue("Serve", false);
builder.Services.AddSiddhiApp<TemperatureApp>(options =>
{
    options.Variables["SAMPLE_DIR"] = AppContext.BaseDirectory;
    options.StopHostWhenSourcesComplete = !serve;
    if (serve)
    {
        options.AddSource("TempStream", new ConnectorSpec("http", [new("receiver.url", "${HTTP_URL}")], new MapperSpec("json")));
        options.AddSink("AverageTempStream", new ConnectorSpec("file", [new("file.uri", "${AVERAGES_FILE}")], new MapperSpec("json")));
    }
});

await builder.Build().RunAsync();
