// SiddhiGen benchmarks.
//   --quick [scenario...]  the quick mode of design.md section 6: one `bench` line per scenario and contender.
//   --store                inserts/s and stream-table join lookups/s on SQLite against the in-memory table.
//   --snapshot             time and size of a snapshot (and its restore) of an app holding 1 M events in windows.
//   anything else          BenchmarkDotNet over the same scenarios and contenders (arguments go to BenchmarkDotNet,
//                          e.g. --filter '*' --job short).
using BenchmarkDotNet.Running;
using SiddhiGen.Benchmarks.Detailed;
using SiddhiGen.Benchmarks.Harness;

if (args.Length > 0 && args[0] == "--quick")
{
    return QuickMode.Run(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "--store")
{
    return SiddhiGen.Benchmarks.Stores.StoreBenchmark.Run();
}

if (args.Length > 0 && args[0] == "--snapshot")
{
    return SnapshotMode.Run();
}

var summaries = BenchmarkSwitcher.FromTypes([typeof(ScenarioBenchmarks)]).Run(args.Length == 0 ? ["--filter", "*"] : args);
return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
