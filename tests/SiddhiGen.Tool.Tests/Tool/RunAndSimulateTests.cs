using System.Globalization;
using System.Text.RegularExpressions;
using SiddhiGen.Tool.Tests.Support;

namespace SiddhiGen.Tool.Tests.Tool;

/// <summary>
/// <c>siddhigen run</c> and <c>siddhigen simulate</c> as real processes: the issue's acceptance check (the
/// WSO2 quick-start fed from its CSV prints the ten averages), other feeds, configuration, Ctrl+C.
/// </summary>
[Category("tool")]
[NonParallelizable]
public sealed partial class RunAndSimulateTests
{
    private static readonly string[] s_averages =
    [
        "26", "26.5", "26.333333333333332", "26", "25.666666666666668",
        "25.666666666666668", "26.333333333333332", "27", "27.666666666666668", "28.333333333333332",
    ];

    /// <summary>Starts <c>siddhigen run</c> on a free port and waits for its management address.</summary>
    private static async Task<(ToolProcess Run, string Url)> StartRunAsync(params string[] args)
    {
        var run = ToolProcess.Start(["run", .. args, "--urls", "http://127.0.0.1:0"]);
        string? url = null;
        await Wait.UntilAsync(
            () => (url = run.Errors.Select(l => ManagementLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value) is not null,
            "siddhigen run to print its management address",
            TimeSpan.FromSeconds(90));
        return (run, url!);
    }

    [Test]
    public async Task TheQuickStartFedByTheSimulatorFromItsCsvPrintsTheTenAveragesAndStopsOnCtrlC()
    {
        var (run, url) = await StartRunAsync("samples/TemperatureMonitoring/TemperatureApp.siddhi");
        using (run)
        {
            using var simulate = await ToolProcess.RunAsync("simulate", "--url", url, "--stream", "TempStream", "--csv", "samples/TemperatureMonitoring/tempReadings.csv");
            Assert.That(simulate.ExitCode, Is.EqualTo(0), string.Join("\n", simulate.Output.Concat(simulate.Errors)));
            Assert.That(simulate.Output.Last(), Does.StartWith("Sent 10 event(s) to TempStream"));

            await Wait.UntilAsync(() => Averages(run).Count >= 10, "the ten averages");
            Assert.That(Averages(run), Is.EqualTo(s_averages));
            Assert.That(run.Output, Has.Some.Match(@"^TemperatureApp : AverageTempStream : Event\{timestamp=\d+, data=\[NW106, LW100, 26\.5\], isExpired=false\}$"));

            run.Interrupt();
            await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(run.Output, Has.Some.Contains("Siddhi app 'TemperatureApp' stopped: "), "Ctrl+C stops the app gracefully");
        }
    }

    [Test]
    public async Task ASingleEventARandomFeedAndALoopedCsvWithATimestampColumnAreSentAndSummarised()
    {
        var dir = Directory.CreateTempSubdirectory("siddhigen-simulate-");
        try
        {
            var csv = Path.Combine(dir.FullName, "readings.csv");
            File.WriteAllText(csv, "time,temp,device,room\n1000,20,d1,r1\n1100,30,d1,r1\n");
            var (run, url) = await StartRunAsync("samples/TemperatureMonitoring/TemperatureApp.siddhi");
            using (run)
            {
                using (var single = await ToolProcess.RunAsync("simulate", "--url", url, "--stream", "TempStream", "--data", """["R1", "D1", 40]"""))
                {
                    Assert.That(single.ExitCode, Is.EqualTo(0), string.Join("\n", single.Output));
                }

                await Wait.UntilAsync(() => Averages(run).Count == 1, "the single event's average");
                Assert.That(Averages(run), Is.EqualTo(new[] { "40" }));

                // Header names map the attributes (roomNo, deviceID, temp) to columns; the loop replays the file twice, paced by the time column.
                using (var looped = await ToolProcess.RunAsync("simulate", "--url", url, "--stream", "TempStream", "--csv", csv, "--header", "--columns", "room,device,temp", "--timestamp-column", "time", "--loop", "2"))
                {
                    Assert.That(looped.ExitCode, Is.EqualTo(0), string.Join("\n", looped.Output));
                    Assert.That(looped.Output.Last(), Does.StartWith("Sent 4 event(s)"));
                }

                await Wait.UntilAsync(() => Averages(run).Count == 5, "the looped feed's averages");
                Assert.That(Averages(run).Skip(1), Is.EqualTo(new[] { "30", "30", "23.333333333333332", "26.666666666666668" }));

                using (var random = await ToolProcess.RunAsync("simulate", "--url", url, "--stream", "TempStream", "--random", "temp=10..20", "--random", "roomNo=A|B", "--rate", "50", "--count", "25", "--seed", "7"))
                {
                    Assert.That(random.ExitCode, Is.EqualTo(0), string.Join("\n", random.Output));
                    Assert.That(random.Output.Last(), Does.StartWith("Sent 25 event(s)"));
                }

                await Wait.UntilAsync(() => Averages(run).Count == 30, "the random feed's averages");
                var randomLines = run.Output.Where(l => l.Contains("AverageTempStream", StringComparison.Ordinal)).Skip(5).ToList();
                Assert.That(randomLines, Has.All.Match(@"data=\[[AB], "));
                // The first two averages still hold the csv feed's readings (window of three).
                Assert.That(Averages(run).Skip(7).Select(v => double.Parse(v, CultureInfo.InvariantCulture)), Has.All.InRange(10.0, 20.0));

                using var refused = await ToolProcess.RunAsync("simulate", "--url", url, "--stream", "NoStream", "--data", "[1]");
                Assert.That(refused.ExitCode, Is.EqualTo(1));
                Assert.That(refused.Output, Has.Some.Contains("App 'TemperatureApp' has no stream 'NoStream'"));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task RunReadsAppsettingsAndSetValuesAndTheSimulatorFeedsAnHttpSource()
    {
        var dir = Directory.CreateTempSubdirectory("siddhigen-run-");
        try
        {
            var port = Ports.Free();
            var app = Path.Combine(dir.FullName, "HttpApp.siddhi");
            File.WriteAllText(app, """
                @App:name('HttpApp')
                @source(type='http', receiver.url='${HTTP_URL}', @map(type='json'))
                define stream Readings (room string, temp double);
                @sink(type='log', prefix='${PREFIX}')
                define stream Hot (room string, temp double);
                from Readings[temp > 30] select room, temp insert into Hot;
                """);
            var settings = Path.Combine(dir.FullName, "appsettings.json");
            File.WriteAllText(settings, """{ "PREFIX": "from-appsettings", "HTTP_URL": "http://127.0.0.1:1/unused" }""");
            var (run, _) = await StartRunAsync(app, "--config", settings, "--set", $"HTTP_URL=http://127.0.0.1:{port}/readings");
            using (run)
            {
                using var simulate = await ToolProcess.RunAsync("simulate", "--http", $"http://127.0.0.1:{port}/readings", "--stream", "Readings", "--attributes", "room:string,temp:double", "--random", "temp=31..40", "--count", "3");
                Assert.That(simulate.ExitCode, Is.EqualTo(0), string.Join("\n", simulate.Output));
                await Wait.UntilAsync(() => run.Output.Count(l => l.StartsWith("from-appsettings : ", StringComparison.Ordinal)) == 3, "three hot readings through the http source");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task AnAppWithErrorsIsNotRunAndItsDiagnosticsArePrinted()
    {
        var file = Path.Combine(Path.GetTempPath(), $"siddhigen-bad-{Guid.NewGuid():N}.siddhi");
        File.WriteAllText(file, "define stream S (a int);\nfrom S select b insert into O;\n");
        try
        {
            using var run = await ToolProcess.RunAsync("run", file);
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Errors, Does.Contain(file + "(2,15): error SIDDHI031: Attribute 'b' is not defined in stream 'S'"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The avgTemp values the quick-start's log sink printed so far.</summary>
    private static List<string> Averages(ToolProcess run) =>
        [.. run.Output.Select(l => AverageLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"data=\[[^,]+, [^,]+, ([^\]]+)\]")]
    private static partial Regex AverageLine();

    [GeneratedRegex(@"Management API and page: (\S+)")]
    private static partial Regex ManagementLine();
}
