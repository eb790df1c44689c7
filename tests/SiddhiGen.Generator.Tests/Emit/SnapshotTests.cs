namespace SiddhiGen.Generator.Tests.Emit;

/// <summary>The generated C# is read by users: its exact text is reviewed through approved files.</summary>
public sealed class SnapshotTests
{
    [Test]
    public void TemperatureApp()
    {
        var text = File.ReadAllText(RepositoryPaths.Sample("TemperatureMonitoring/TemperatureApp.siddhi"));
        var result = GeneratedApp.Generate(text, "TemperatureApp.siddhi", "TemperatureMonitoring");
        Approved.Verify(result.Source!, "TemperatureApp");
        GeneratedApp.Compile(result.Source!);
    }

    [Test]
    public void FilterGroupByHavingOrderByLimit()
    {
        const string app = """
            @App:name('Trades')
            define stream Trades (symbol string, price double, volume long);
            @info(name = 'Busy')
            from Trades[price > 10 and volume >= 100L]#window.lengthBatch(4)
            select symbol, sum(volume) as total, max(price) as top
            group by symbol
            having total > 150
            order by total desc
            limit 2
            insert all events into BusySymbols;
            """;
        var source = GeneratedApp.Generate(app, "Trades.siddhi", "Samples").Source!;
        Approved.Verify(source, "FilterGroupByHavingOrderByLimit");
        GeneratedApp.Compile(source);
    }
}
