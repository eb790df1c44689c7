using System.Diagnostics;
using SiddhiGen.Conformance.Cases;
using SiddhiGen.Conformance.Compile;
using SiddhiGen.Conformance.Execution;

namespace SiddhiGen.Conformance.Tests;

[Explicit]
public class ScratchSpeed
{
    [Test]
    public void CorpusWithFakeApps()
    {
        var cases = CaseReader.ReadFiles([TestPaths.Corpus!]).Select(c => c with { App = "PASS", Error = null }).ToList();
        var watch = Stopwatch.StartNew();
        var runner = new ConformanceRunner(new RunnerSettings { BatchSize = int.Parse(Environment.GetEnvironmentVariable("BS") ?? "64"), Jobs = int.Parse(Environment.GetEnvironmentVariable("JOBS") ?? "2"), Progress = TestContext.Out }, FakeGenerator.Generate, new BatchCompiler(References.All));
        var results = runner.Run(cases);
        TestContext.Out.WriteLine($"{watch.Elapsed} " + string.Join(", ", runner.PhaseTimes.Select(p => $"{p.Key} {p.Value}")));
        foreach (var g in results.GroupBy(r => r.Status)) TestContext.Out.WriteLine($"{g.Key} {g.Count()} {g.First().Detail}");
    }
}
