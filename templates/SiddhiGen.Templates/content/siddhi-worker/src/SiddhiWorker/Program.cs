// A worker that runs the Siddhi app of App.siddhi, compiled to C# (SensorApp) at build time by SiddhiGen.
// Its source is attached from appsettings.json (SiddhiGen:Apps:SensorApp:Sources): here the file
// readings.csv next to the program; switch it to an 'http' or 'kafka' source (packages SiddhiGen.Http,
// SiddhiGen.Kafka) for a service that runs on. The app's 'log' sink prints every average.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SiddhiGen.Hosting;
using SiddhiWorker;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory, // appsettings.json and readings.csv sit next to the program
});

builder.Services.AddSiddhiApp<SensorApp>(options =>
{
    options.Variables["APP_DIR"] = AppContext.BaseDirectory;

    // A source that ends (a file read once) stops the worker; turn this off for sources that run on.
    options.StopHostWhenSourcesComplete = builder.Configuration.GetValue("Worker:StopWhenInputEnds", true);
});

await builder.Build().RunAsync();
