// Front-end throughput: parse + bind every app of the conformance corpus, single thread, no emission.
//   dotnet run -c Release --project tests/SiddhiGen.FrontEndBenchmark -- [--runs N] [--diagnostics] CASES.jsonl...
// Prints one line per measured stage: `frontend <stage> <apps/s> apps/s <µs/app> us/app (cpu: <apps/s> apps/s) <bytes/app> B/app`
// (median of N timed passes after one warm-up pass). --diagnostics also prints, per diagnostic ID (and per
// 'not supported yet' construct), how many accepted and rejected apps got it.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SiddhiGen.FrontEndBenchmark;

var runs = 7;
var showDiagnostics = false;
var files = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--diagnostics":
            showDiagnostics = true;
            break;
        default:
            files.Add(args[i]);
            break;
    }
}

if (files.Count == 0)
{
    Console.Error.WriteLine("usage: SiddhiGen.FrontEndBenchmark [--runs N] [--diagnostics] CASES.jsonl...");
    return 2;
}

var apps = new List<CorpusApp>();
foreach (var file in files)
{
    foreach (var line in File.ReadLines(file))
    {
        if (line.Length == 0)
        {
            continue;
        }

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var rejected = root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null;
        apps.Add(new CorpusApp(root.GetProperty("id").GetString()!, root.GetProperty("app").GetString()!, rejected));
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {apps.Count} apps, {apps.Sum(a => a.Text.Length)} characters"));

// Warm up both stages (JIT tiers, caches) before anything is timed.
for (var i = 0; i < 3; i++)
{
    apps.ForEach(app => FrontEnd.ParseAndBind(app));
}

Measure("parse", apps, runs, FrontEnd.Parse);
Measure("parse+bind", apps, runs, FrontEnd.ParseAndBind);

if (showDiagnostics)
{
    FrontEnd.PrintDiagnostics(apps);
}

return 0;

static void Measure(string stage, List<CorpusApp> apps, int runs, Func<CorpusApp, int> work)
{
    var sink = 0;
    foreach (var app in apps)
    {
        sink += work(app);
    }

    var seconds = new List<double>();
    var cpuSeconds = new List<double>();
    var bytes = new List<long>();
    using var process = Process.GetCurrentProcess();
    for (var run = 0; run < runs; run++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var app in apps)
        {
            sink += work(app);
        }

        watch.Stop();
        process.Refresh();
        seconds.Add(watch.Elapsed.TotalSeconds);
        cpuSeconds.Add((process.TotalProcessorTime - cpu).TotalSeconds);
        bytes.Add(GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    seconds.Sort();
    cpuSeconds.Sort();
    bytes.Sort();
    var median = seconds[seconds.Count / 2];
    var cpuMedian = cpuSeconds[cpuSeconds.Count / 2];

    // Wall-clock time suffers on a loaded machine; the process's CPU time shows the cost of the work itself.
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"frontend {stage} {apps.Count / median:F0} apps/s {median * 1e6 / apps.Count:F1} us/app (cpu: {apps.Count / cpuMedian:F0} apps/s) {bytes[bytes.Count / 2] / apps.Count} B/app (checksum {sink})"));
}
