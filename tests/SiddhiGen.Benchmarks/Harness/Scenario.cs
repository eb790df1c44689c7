namespace SiddhiGen.Benchmarks.Harness;

/// <summary>A query of the benchmark and its four implementations.</summary>
internal abstract class Scenario
{
    /// <summary>The contenders, in the order quick mode prints them.</summary>
    public static readonly string[] Contenders = ["siddhigen", "siddhigen-batch", "handwritten", "rx"];

    /// <summary>Every scenario, in the order quick mode runs them.</summary>
    public static readonly Scenario[] All =
    [
        new Scenarios.FilterScenario(),
        new Scenarios.LengthAvgGroupByScenario(),
        new Scenarios.TimeSumScenario(),
        new Scenarios.PatternScenario(),
        new Scenarios.AggregationScenario(),
    ];

    /// <summary>The name printed in the <c>bench</c> line.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// True when a chunk yields the same rows as its events sent one by one (no aggregation); otherwise a chunk
    /// yields one row per group (the group's last), and the batch reference is sampled per chunk.
    /// </summary>
    public abstract bool ChunksKeepEveryRow { get; }

    /// <summary>Creates a contender writing into <paramref name="sink"/>.</summary>
    public Contender Create(string contender, ChecksumSink sink) => contender switch
    {
        "siddhigen" => CreateSiddhiGen(sink, batch: false),
        "siddhigen-batch" => CreateSiddhiGen(sink, batch: true),
        "handwritten" => CreateHandwritten(sink),
        "rx" => CreateRx(sink),
        _ => throw new ArgumentException("Unknown contender " + contender, nameof(contender)),
    };

    public static Scenario Find(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException("Unknown scenario " + name, nameof(name));

    protected abstract Contender CreateSiddhiGen(ChecksumSink sink, bool batch);

    protected abstract Contender CreateHandwritten(ChecksumSink sink);

    protected abstract Contender CreateRx(ChecksumSink sink);
}
