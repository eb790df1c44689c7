using SiddhiGen.Runtime;

namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary>Runs a generated app on a virtual clock and records what streams and queries output.</summary>
internal sealed class AppHarness : IDisposable
{
    public const long Base = 1_000_000;

    private readonly Dictionary<string, List<object?[]>> _streams = [];
    private readonly Dictionary<string, List<QueryResult>> _queries = [];

    public AppHarness(string siddhi, string[]? streams = null, string[]? queries = null)
    {
        Clock = new VirtualClock(Base);
        App = GeneratedApp.Create(siddhi, new SiddhiAppOptions { Clock = Clock, LoggerFactory = new TemperatureAppTests.RecordingLoggerFactory() });
        foreach (var stream in streams ?? [])
        {
            var rows = _streams[stream] = [];
            App.Subscribe(stream, e => rows.Add(e.Data));
        }

        foreach (var query in queries ?? [])
        {
            var results = _queries[query] = [];
            App.SubscribeQuery(query, results.Add);
        }

        App.Start();
    }

    public SiddhiApp App { get; }

    public VirtualClock Clock { get; }

    /// <summary>Moves the clock to <c>Base + t</c>, then sends one event stamped with it.</summary>
    public void Send(long t, string stream, params object?[] row)
    {
        Clock.AdvanceTo(Base + t);
        App.Send(stream, Base + t, row);
    }

    public void SendChunk(long t, string stream, params object?[][] rows)
    {
        Clock.AdvanceTo(Base + t);
        App.SendChunk(stream, Base + t, rows);
    }

    public void AdvanceTo(long t) => Clock.AdvanceTo(Base + t);

    public List<object?[]> Rows(string stream) => _streams[stream];

    public List<QueryResult> Results(string query) => _queries[query];

    public void Dispose() => App.Dispose();
}
