using System.Globalization;

namespace SiddhiGen.Benchmarks.Harness;

/// <summary>
/// The quick mode of design.md section 6: per scenario and contender, a warm-up run, then the median of
/// <see cref="Workload.TimedRuns"/> timed runs of <see cref="Workload.EventsPerRun"/> events on this thread, and one
/// line <c>bench &lt;scenario&gt; &lt;contender&gt; &lt;events/s&gt; ev/s &lt;bytes per event&gt; B/ev</c>. Every contender
/// feeds a checksum sink; a contender whose checksum differs from the hand-written reference fails the run.
/// </summary>
internal static class QuickMode
{
    public static int Run(IReadOnlyList<string> scenarioNames)
    {
        var scenarios = scenarioNames.Count == 0 ? Scenario.All : scenarioNames.Select(Scenario.Find).ToArray();
        var failed = false;
        foreach (var scenario in scenarios)
        {
            failed |= !RunScenario(scenario);
        }

        return failed ? 1 : 0;
    }

    private static bool RunScenario(Scenario scenario)
    {
        if (Environment.GetEnvironmentVariable("SIDDHIGEN_BENCH_ONLY") is { Length: > 0 } only)
        {
            // Development (profiling one contender): no reference, so no checksum comparison.
            Measure(scenario, only, out var single);
            Console.WriteLine(single);
            return true;
        }

        const long totalEvents = Workload.EventsPerRun * (Workload.TimedRuns + 1);
        var ok = true;
        var results = new Dictionary<string, string>();

        // The reference: the hand-written query, measured first; then, for chunked sends of aggregating
        // queries, the same per-event output sampled per chunk (one row per group, its last).
        var reference = Measure(scenario, "handwritten", out var line);
        results["handwritten"] = line;
        var batchReference = reference;
        if (!scenario.ChunksKeepEveryRow)
        {
            var sampled = new ChecksumSink();
            sampled.SampleChunks(Workload.ChunkSize);
            using var replay = scenario.Create("handwritten", sampled);
            replay.Run(totalEvents);
            batchReference = sampled.Checksum;
        }

        foreach (var contender in Scenario.Contenders.Where(c => c != "handwritten"))
        {
            try
            {
                var checksum = Measure(scenario, contender, out line);
                var expected = contender == "siddhigen-batch" ? batchReference : reference;
                if (checksum != expected)
                {
                    line = $"error {scenario.Name} {contender}: checksum {checksum:X16} differs from the hand-written reference {expected:X16}";
                    ok = false;
                }
            }
            catch (Exception ex)
            {
                line = $"error {scenario.Name} {contender}: {ex.GetType().Name}: {ex.Message}";
                ok = false;
            }

            results[contender] = line;
        }

        foreach (var contender in Scenario.Contenders)
        {
            Console.WriteLine(results[contender]);
        }

        return ok;
    }

    /// <summary>Warms the contender up, times it, and returns the checksum of everything it output.</summary>
    private static long Measure(Scenario scenario, string contenderName, out string line)
    {
        var sink = new ChecksumSink();
        using var contender = scenario.Create(contenderName, sink);
        contender.Run(Workload.EventsPerRun);

        var runs = new (double Seconds, long Bytes)[Workload.TimedRuns];
        for (var i = 0; i < runs.Length; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var started = RunClock.Now();
            contender.Run(Workload.EventsPerRun);
            var seconds = RunClock.Now() - started;
            runs[i] = (seconds, GC.GetAllocatedBytesForCurrentThread() - allocated);
        }

        contender.Verify();
        Array.Sort(runs);
        var median = runs[runs.Length / 2];
        var eventsPerSecond = Workload.EventsPerRun / median.Seconds;
        var bytesPerEvent = median.Bytes / (double)Workload.EventsPerRun;
        line = string.Create(
            CultureInfo.InvariantCulture,
            $"bench {scenario.Name} {contenderName} {eventsPerSecond:0} ev/s {bytesPerEvent:0.###} B/ev");
        return sink.Checksum;
    }
}
