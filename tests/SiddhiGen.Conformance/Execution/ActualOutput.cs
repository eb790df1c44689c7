using SiddhiGen.Runtime;

namespace SiddhiGen.Conformance.Execution;

/// <summary>
/// What our engine produced for one case: the rows delivered to each expected stream and query, the
/// rows of each query step, and the error that stopped it. Callbacks may run on a case thread that
/// the runner abandoned after a timeout, so every access takes the lock.
/// </summary>
public sealed class ActualOutput
{
    private readonly object _lock = new();
    private readonly List<(string Name, List<object?[]> Rows)> _streams = [];
    private readonly List<(string Name, List<object?[]> In, List<object?[]> Removed)> _queries = [];
    private readonly List<List<object?[]>> _results = [];
    private readonly Dictionary<string, StreamSchema?> _schemas = new(StringComparer.Ordinal);

    /// <summary>An output for an app that never ran: the generator or the compiler stopped it.</summary>
    public static ActualOutput Rejected(string error) => new() { Error = error, CreationFailed = true };

    /// <summary>Our diagnostic or exception text, or null when the case ran to its end.</summary>
    public string? Error { get; set; }

    /// <summary>True when creating or starting the app failed (the app was rejected).</summary>
    public bool CreationFailed { get; set; }

    /// <summary>How many events the app dropped because processing them threw.</summary>
    public long ProcessingErrors { get; set; }

    /// <summary>The first error the app logged, if any.</summary>
    public string? FirstLoggedError { get; set; }

    public void AddStream(string name, StreamSchema? schema)
    {
        lock (_lock)
        {
            _streams.Add((name, []));
            _schemas[name] = schema;
        }
    }

    public void AddQuery(string name)
    {
        lock (_lock)
        {
            _queries.Add((name, [], []));
        }
    }

    public void RecordStream(string name, object?[] row)
    {
        lock (_lock)
        {
            _streams.First(s => s.Name == name).Rows.Add(row);
        }
    }

    public void RecordQuery(string name, IEnumerable<object?[]> current, IEnumerable<object?[]> expired)
    {
        lock (_lock)
        {
            var query = _queries.First(q => q.Name == name);
            query.In.AddRange(current);
            query.Removed.AddRange(expired);
        }
    }

    public void RecordResult(IEnumerable<object?[]> rows)
    {
        lock (_lock)
        {
            _results.Add([.. rows]);
        }
    }

    public StreamSchema? SchemaOf(string stream)
    {
        lock (_lock)
        {
            return _schemas.GetValueOrDefault(stream);
        }
    }

    /// <summary>The rows of each subscribed stream, in subscription order (a snapshot).</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<object?[]> Rows)> Streams
    {
        get
        {
            lock (_lock)
            {
                return [.. _streams.Select(s => (s.Name, (IReadOnlyList<object?[]>)[.. s.Rows]))];
            }
        }
    }

    /// <summary>The current and expired rows of each subscribed query (a snapshot).</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<object?[]> In, IReadOnlyList<object?[]> Removed)> Queries
    {
        get
        {
            lock (_lock)
            {
                return [.. _queries.Select(q => (q.Name, (IReadOnlyList<object?[]>)[.. q.In], (IReadOnlyList<object?[]>)[.. q.Removed]))];
            }
        }
    }

    /// <summary>The rows each query step returned, in step order (a snapshot).</summary>
    public IReadOnlyList<IReadOnlyList<object?[]>> Results
    {
        get
        {
            lock (_lock)
            {
                return [.. _results.Select(r => (IReadOnlyList<object?[]>)[.. r])];
            }
        }
    }
}
