using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime;

namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary>The quick-start app, compiled by the real generator, fed the sample's CSV.</summary>
public sealed class TemperatureAppTests
{
    private static readonly double[] s_expectedAverages =
    [
        26, 26.5, 26.333333333333332, 26, 25.666666666666668, 25.666666666666668, 26.333333333333332, 27, 27.666666666666668, 28.333333333333332,
    ];

    private static string AppText => File.ReadAllText(RepositoryPaths.Sample("TemperatureMonitoring/TemperatureApp.siddhi"));

    private static IEnumerable<object?[]> Readings() =>
        File.ReadLines(RepositoryPaths.Sample("TemperatureMonitoring/tempReadings.csv"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(f => new object?[] { f[0], f[1], double.Parse(f[2], CultureInfo.InvariantCulture) });

    [Test]
    public void TheTenAveragesAreThoseOfTheQuickStart()
    {
        using var app = GeneratedApp.Create(AppText, new SiddhiAppOptions { Clock = new VirtualClock(1000), LoggerFactory = new RecordingLoggerFactory() });
        var averages = new List<double?>();
        app.Subscribe("AverageTempStream", e => averages.Add((double?)e.Data[2]));
        app.Start();

        foreach (var row in Readings())
        {
            app.Send("TempStream", app.Clock.Now, row);
        }

        Assert.That(averages, Is.EqualTo(s_expectedAverages.Select(a => (double?)a)));
    }

    [Test]
    public void TheLogSinkPrintsOneLinePerEventWithRoundTripDoubles()
    {
        var logs = new RecordingLoggerFactory();
        using var app = GeneratedApp.Create(AppText, new SiddhiAppOptions { Clock = new VirtualClock(1000), LoggerFactory = logs });
        app.Start();
        foreach (var row in Readings())
        {
            app.Send("TempStream", 1000, row);
        }

        Assert.That(logs.Lines, Has.Count.EqualTo(10));
        Assert.That(logs.Lines[0], Is.EqualTo("TemperatureApp : AverageTempStream : Event{timestamp=1000, data=[NW106, LW100, 26], isExpired=false}"));
        Assert.That(logs.Lines[2], Does.Contain("data=[NW106, LW100, 26.333333333333332]"));
    }

    [Test]
    public void QueryCallbacksSeeTheCurrentEventsOfTheNamedQuery()
    {
        using var app = GeneratedApp.Create(AppText, new SiddhiAppOptions { Clock = new VirtualClock(1000), LoggerFactory = new RecordingLoggerFactory() });
        var results = new List<QueryResult>();
        app.SubscribeQuery("CalculateAvgTemp", results.Add);
        app.Start();
        foreach (var row in Readings().Take(4))
        {
            app.Send("TempStream", 1000, row);
        }

        Assert.That(results, Has.Count.EqualTo(4));
        Assert.That(results.All(r => r.Current.Length == 1 && r.Expired.IsEmpty), Is.True);
        Assert.That(results[3].Current[0][2], Is.EqualTo(26.0));
    }

    internal sealed class RecordingLoggerFactory : ILoggerFactory
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => _lines.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
