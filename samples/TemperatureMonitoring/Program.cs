// The WSO2 quick-start: feed tempReadings.csv into TempStream; the app's log sink prints the
// average of the last three readings for every reading.
using System.Globalization;
using TemperatureMonitoring;

var csvPath = Path.Combine(AppContext.BaseDirectory, "tempReadings.csv");
using var app = new TemperatureApp();
app.Start();

foreach (var line in File.ReadLines(csvPath))
{
    if (string.IsNullOrWhiteSpace(line))
    {
        continue;
    }

    var fields = line.Split(',');
    app.TempStream.Send(new TempStreamEvent(fields[0], fields[1], double.Parse(fields[2], CultureInfo.InvariantCulture)));
}

app.Shutdown();
