using System.Diagnostics;
using System.Globalization;
using SiddhiGen.Benchmarks.SnapshotWindows;
using SiddhiGen.Runtime;

namespace SiddhiGen.Benchmarks.Harness;

/// <summary>
/// <c>--snapshot</c>: fills a length window and a time window with 500 000 events each (1 M events held), then times
/// <c>Snapshot()</c> and <c>Restore()</c> into a fresh instance (median of 5) and prints one line:
/// <c>snapshot windows-1m &lt;ms&gt; ms &lt;bytes&gt; B restore &lt;ms&gt; ms</c>. The quick mode's lines are not touched.
/// </summary>
internal static class SnapshotMode
{
    private const int Events = 500_000;

    public static int Run()
    {
        var clock = new VirtualClock(Workload.StartTimestamp);
        var app = new SnapshotWindowsApp(new SiddhiAppOptions { Clock = clock });
        app.Start();
        var symbols = Enumerable.Range(0, 16).Select(i => "S" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var random = new Random(42);
        for (var i = 0; i < Events; i++)
        {
            // 1 ms apart: the hour-long time window keeps all of them, each with its pending expiry.
            app.S.Send(Workload.StartTimestamp + i, new SEvent(symbols[i % 16], random.NextDouble() * 100, i));
        }

        byte[] snapshot = app.Snapshot();
        var snapshotTimes = new List<double>();
        var restoreTimes = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            snapshot = app.Snapshot();
            snapshotTimes.Add(watch.Elapsed.TotalMilliseconds);

            var fresh = new SnapshotWindowsApp(new SiddhiAppOptions { Clock = new VirtualClock(Workload.StartTimestamp) });
            watch.Restart();
            fresh.Restore(snapshot);
            restoreTimes.Add(watch.Elapsed.TotalMilliseconds);
            if (fresh.Snapshot().Length != snapshot.Length)
            {
                Console.Error.WriteLine("snapshot: the restored instance's snapshot differs in size from the original's");
                return 1;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"snapshot windows-1m {Median(snapshotTimes):0.0} ms {snapshot.Length} B restore {Median(restoreTimes):0.0} ms"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
