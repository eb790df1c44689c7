using SiddhiGen.Runtime;

namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary>
/// The fused operator of sliding <c>length</c>/<c>time</c> windows under aggregators (SlidingAggregationEmitter)
/// against the general path (runtime window, window output, selector): the same query with a post-window filter
/// that every event passes takes the general path, so both must output exactly the same rows, per event and per chunk.
/// </summary>
public sealed class FusedWindowTests
{
    private const string Stream = "define stream S (symbol string, price double, volume long);\n";

    [TestCase("from S#window.length(5){0} select symbol, avg(price) as ap, count() as n group by symbol insert into O;")]
    [TestCase("from S#window.length(1){0} select sum(volume) as total, max(price) as top insert into O;")]
    [TestCase("from S[volume > 3]#window.length(4){0} select symbol, sum(volume) as total group by symbol having total > 10 insert into O;")]
    [TestCase("from S#window.time(50){0} select sum(volume) as total, min(price) as low insert into O;")]
    [TestCase("from S#window.time(1 sec){0} select symbol, avg(price) as ap group by symbol insert into O;")]
    [TestCase("from S#window.time(30){0} select symbol, volume, count() as n group by symbol, volume insert into O;")]
    public void FusedAndGeneralPathsOutputTheSameRows(string query)
    {
        var fused = Run(string.Format(query, string.Empty));
        var general = Run(string.Format(query, "[price >= 0.0]"));
        Assert.That(fused, Is.Not.Empty);
        Assert.That(fused, Is.EqualTo(general));
    }

    [Test]
    public void TheFusedPathIsTheOneTaken()
    {
        var source = GeneratedApp.Generate(Stream + "from S#window.length(5) select symbol, avg(price) as ap group by symbol insert into O;").Source!;
        Assert.That(source, Does.Contain("EventRing<Held>"));
        Assert.That(source, Does.Not.Contain("WindowOutput"));
    }

    /// <summary>Sends a fixed pseudo-random workload one event at a time, then in chunks, and returns every output row.</summary>
    private static List<string> Run(string query)
    {
        using var app = GeneratedApp.Create(Stream + query, new SiddhiAppOptions { Clock = new VirtualClock(1000) });
        var rows = new List<string>();
        app.Subscribe("O", e => rows.Add(e.Timestamp + ":" + string.Join(",", e.Data.Select(v => v is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : v?.ToString() ?? "null"))));
        app.Start();

        var random = new Random(7);
        string[] symbols = ["A", "B", "C"];
        object?[] NextRow() => [random.Next(8) == 0 ? null : symbols[random.Next(symbols.Length)], random.NextDouble() * 10, (long)random.Next(1, 9)];

        var timestamp = 1000L;
        for (var i = 0; i < 300; i++)
        {
            timestamp += random.Next(0, 12);
            app.Send("S", timestamp, NextRow());
        }

        for (var chunk = 0; chunk < 40; chunk++)
        {
            timestamp += random.Next(0, 40);
            var events = Enumerable.Range(0, random.Next(1, 12)).Select(_ => NextRow()).ToList();
            app.SendChunk("S", timestamp, events);
        }

        Assert.That(app.ProcessingErrors, Is.Zero);
        return rows;
    }
}
