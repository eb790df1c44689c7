namespace SiddhiGen.Benchmarks.Harness;

/// <summary>
/// The workload of design.md section 6: stream <c>S (symbol string, price double, volume long)</c>, 16 distinct
/// symbols, prices uniform in [0, 100), event timestamps one millisecond apart. A fixed-seed dataset is generated
/// once and replayed; every contender sees exactly the same sequence of events and timestamps.
/// </summary>
internal static class Workload
{
    /// <summary>Events in the replayed dataset: a multiple of <see cref="ChunkSize"/>, small enough to stay in L2.</summary>
    public const int DatasetSize = 32 * 1024;

    /// <summary>Events per chunk for <c>siddhigen-batch</c>.</summary>
    public const int ChunkSize = 1024;

    /// <summary>Events per timed run: at least 10 million, a whole number of dataset passes.</summary>
    public const long EventsPerRun = 320L * DatasetSize;

    /// <summary>Timed runs per contender; the median is reported.</summary>
    public const int TimedRuns = 5;

    /// <summary>The timestamp of the first event (epoch milliseconds); each next event is one millisecond later.</summary>
    public const long StartTimestamp = 1_700_000_000_000;

    /// <summary>The 16 symbols; their first, second and last characters and length tell them apart (see <see cref="ChecksumSink"/>).</summary>
    public static readonly string[] Symbols =
    [
        "AAPL", "MSFT", "GOOG", "AMZN", "META", "NVDA", "TSLA", "ORCL",
        "INTC", "CSCO", "ADBE", "CRM", "IBM", "SAP", "AMD", "QCOM",
    ];

    /// <summary>The dataset, as columns; scenarios build their own event structs from it.</summary>
    public static readonly (string Symbol, double Price, long Volume)[] Rows = Generate();

    private static (string, double, long)[] Generate()
    {
        var random = new Random(20240610);
        var rows = new (string, double, long)[DatasetSize];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (Symbols[random.Next(Symbols.Length)], random.NextDouble() * 100.0, random.NextInt64(1, 1001));
        }

        return rows;
    }
}
