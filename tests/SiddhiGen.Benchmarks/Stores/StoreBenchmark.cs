using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SiddhiGen.Runtime;
using Memory = SiddhiGen.Benchmarks.Apps.MemoryTableJoin;
using Sqlite = SiddhiGen.Benchmarks.Apps.SqliteTableJoin;

namespace SiddhiGen.Benchmarks.Stores;

/// <summary>
/// <c>--store</c>: a keyed table in SQLite (a temp file, <c>@store(type='rdbms')</c>) against the same table in memory.
/// Lines <c>bench store-insert &lt;table&gt; &lt;rows/s&gt;</c> (one event a send, then 64-event chunks: one
/// transaction each) and <c>bench store-join &lt;table&gt; &lt;lookups/s&gt;</c> (a stream event joined with the
/// table on its key, every probe matching one row). Separate from the quick mode, whose lines it does not change.
/// </summary>
internal static class StoreBenchmark
{
    private const int Rows = 20_000;
    private const int Probes = 50_000;
    private const int Chunk = 64;

    public static int Run()
    {
        var folder = Path.Combine(Path.GetTempPath(), "siddhigen-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var options = new SiddhiAppOptions
            {
                LoggerFactory = NullLoggerFactory.Instance,
                Variables = new Dictionary<string, string> { ["BENCH_DB"] = Path.Combine(folder, "single.db") },
            };
            var chunkedOptions = new SiddhiAppOptions
            {
                LoggerFactory = NullLoggerFactory.Instance,
                Variables = new Dictionary<string, string> { ["BENCH_DB"] = Path.Combine(folder, "chunked.db") },
            };

            using var memory = new Memory.MemoryTableJoin(new SiddhiAppOptions { LoggerFactory = NullLoggerFactory.Instance });
            using var sqlite = new Sqlite.SqliteTableJoin(options);
            using var sqliteChunked = new Sqlite.SqliteTableJoin(chunkedOptions);
            memory.Start();
            sqlite.Start();
            sqliteChunked.Start();

            Line("store-insert", "memory", Rows, Time(() => { for (var i = 0; i < Rows; i++) memory.Rows.Send(new Memory.RowsEvent(Symbol(i), i, i)); }));
            Line("store-insert", "sqlite", Rows, Time(() => { for (var i = 0; i < Rows; i++) sqlite.Rows.Send(new Sqlite.RowsEvent(Symbol(i), i, i)); }));
            var chunk = new Sqlite.RowsEvent[Chunk];
            Line("store-insert", "sqlite-chunk64", Rows, Time(() =>
            {
                for (var i = 0; i < Rows; i += Chunk)
                {
                    for (var j = 0; j < Chunk; j++)
                    {
                        chunk[j] = new Sqlite.RowsEvent(Symbol(i + j), i + j, i + j);
                    }

                    sqliteChunked.Rows.Send(chunk);
                }
            }));

            long memoryMatches = 0, sqliteMatches = 0;
            memory.Matched.Subscribe(_ => memoryMatches++);
            sqlite.Matched.Subscribe(_ => sqliteMatches++);
            Line("store-join", "memory", Probes, Time(() => { for (var i = 0; i < Probes; i++) memory.Probes.Send(new Memory.ProbesEvent(Symbol(i % Rows))); }));
            Line("store-join", "sqlite", Probes, Time(() => { for (var i = 0; i < Probes; i++) sqlite.Probes.Send(new Sqlite.ProbesEvent(Symbol(i % Rows))); }));
            if (memoryMatches != Probes || sqliteMatches != Probes)
            {
                Console.WriteLine($"error store-join: {memoryMatches} matches in memory and {sqliteMatches} in SQLite, expected {Probes} each");
                return 1;
            }

            memory.Shutdown();
            sqlite.Shutdown();
            sqliteChunked.Shutdown();
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Symbol(int i) => "S" + i.ToString(CultureInfo.InvariantCulture);

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static void Line(string scenario, string table, int operations, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench {scenario} {table} {operations / elapsed.TotalSeconds:0} ops/s"));
}
