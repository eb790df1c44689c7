using BenchmarkDotNet.Attributes;
using SiddhiGen.Benchmarks.Harness;

namespace SiddhiGen.Benchmarks.Detailed;

/// <summary>
/// The quick-mode scenarios under BenchmarkDotNet, for detailed numbers: one operation is one event (each
/// invocation feeds one pass over the dataset), with the memory diagnoser reporting allocations per event.
/// </summary>
[MemoryDiagnoser]
public class ScenarioBenchmarks
{
    private Contender _siddhiGen = null!;
    private Contender _siddhiGenBatch = null!;
    private Contender _handwritten = null!;
    private Contender _rx = null!;

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = "filter";

    public static IEnumerable<string> Scenarios => Harness.Scenario.All.Select(s => s.Name);

    [GlobalSetup]
    public void Setup()
    {
        var scenario = Harness.Scenario.Find(Scenario);
        _siddhiGen = scenario.Create("siddhigen", new ChecksumSink());
        _siddhiGenBatch = scenario.Create("siddhigen-batch", new ChecksumSink());
        _handwritten = scenario.Create("handwritten", new ChecksumSink());
        _rx = scenario.Create("rx", new ChecksumSink());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _siddhiGen.Dispose();
        _siddhiGenBatch.Dispose();
        _handwritten.Dispose();
        _rx.Dispose();
    }

    [Benchmark(Description = "siddhigen", OperationsPerInvoke = Workload.DatasetSize)]
    public void SiddhiGen() => _siddhiGen.RunPass();

    [Benchmark(Description = "siddhigen-batch", OperationsPerInvoke = Workload.DatasetSize)]
    public void SiddhiGenBatch() => _siddhiGenBatch.RunPass();

    [Benchmark(Baseline = true, Description = "handwritten", OperationsPerInvoke = Workload.DatasetSize)]
    public void Handwritten() => _handwritten.RunPass();

    [Benchmark(Description = "rx", OperationsPerInvoke = Workload.DatasetSize)]
    public void Rx() => _rx.RunPass();
}
