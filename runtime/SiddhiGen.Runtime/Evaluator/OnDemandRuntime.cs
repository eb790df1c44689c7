using System.Diagnostics;
using SiddhiGen.Generator.Binding;
using SiddhiGen.Runtime.Aggregations;
using SiddhiGen.Generator.Model;
using SiddhiParser = SiddhiGen.Generator.Parsing.SiddhiParser;

namespace SiddhiGen.Runtime.Evaluator;

/// <summary>
/// Serves <see cref="SiddhiApp.Query"/>: binds on-demand query text against the app's definitions with the generator's
/// own parser and binder (<see cref="OnDemandQueries"/>; one grammar, one set of messages), compiles it for the
/// interpreter, and runs it: a find over a snapshot of the queryable source it reads (a named window, a table, or the
/// buckets of an aggregation that its <c>within ... per ...</c> selects), an insert, delete or update on a registered table.
/// </summary>
/// <remarks>
/// Compiled queries are cached by text. Binding happens under a private lock; a snapshot is taken under the app's
/// processing lock (so no event is half processed) and the find runs on it outside; a change runs under that lock.
/// </remarks>
[DebuggerDisplay("{_sources.Count} queryable sources")]
internal sealed class OnDemandRuntime
{
    private const int MaxCachedQueries = 256;

    private readonly SiddhiApp _app;
    private readonly Dictionary<string, Queryable> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string? _definitions;
    private OnDemandQueries? _binder;

    public OnDemandRuntime(SiddhiApp app) => _app = app;

    /// <summary>The app's definitions as SiddhiQL: what on-demand queries are bound against.</summary>
    public string? Definitions
    {
        get => _definitions;
        set
        {
            lock (_gate)
            {
                _definitions = value;
                _binder = null;
                _cache.Clear();
            }
        }
    }

    /// <summary>Makes <paramref name="name"/> readable (and, with <paramref name="table"/>, changeable) by queries.</summary>
    public void Register(string name, StreamSchema schema, Func<IEnumerable<DynamicEvent>> snapshot, IOnDemandTable? table = null)
    {
        lock (_gate)
        {
            _sources[name] = new Queryable(schema, snapshot, table);
            _cache.Clear();
        }
    }

    /// <summary>Makes aggregation <paramref name="name"/> readable: <paramref name="find"/> gives the rows a <c>within ... per ...</c> selects.</summary>
    public void RegisterAggregation(string name, StreamSchema schema, Func<AggregationWithin, IEnumerable<object?[]>> find)
    {
        lock (_gate)
        {
            _sources[name] = new Queryable(schema, () => [], null, find);
            _cache.Clear();
        }
    }

    public IReadOnlyList<object?[]> Run(string text)
    {
        var (query, source) = Compile(text);
        if (query is AggregationFind aggregationFind)
        {
            List<DynamicEvent> buckets;
            using (_app.ProcessingLock.Enter())
            {
                var now = _app.Clock.Now;
                buckets = [.. source.Find!(aggregationFind.Within()).Select(row => new DynamicEvent(now, row, IsExpired: false))];
            }

            return aggregationFind.Query.Run(buckets);
        }

        if (query is ModifyQuery modify)
        {
            using (_app.ProcessingLock.Enter())
            {
                modify.Run(source.Table!, _app.Clock.Now);
            }

            return [];
        }

        List<DynamicEvent> rows;
        using (_app.ProcessingLock.Enter())
        {
            rows = [.. source.Snapshot()];
        }

        return ((FindQuery)query).Run(rows);
    }

    /// <summary>The schema of what <paramref name="text"/> selects.</summary>
    public StreamSchema OutputOf(string text) => Compile(text).Query switch
    {
        FindQuery find => find.Output,
        AggregationFind find => find.Query.Output,
        var modify => ((ModifyQuery)modify).Output,
    };

    private (object Query, Queryable Source) Compile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (_cache.TryGetValue(text, out var cached))
            {
                var store = cached switch
                {
                    FindQuery find => find.Store,
                    AggregationFind find => find.Query.Store,
                    _ => ((ModifyQuery)cached).Store,
                };
                return (cached, _sources[store]);
            }

            var result = Binder().Bind(text);
            if (result.Query is not { } spec)
            {
                throw SiddhiQLException.From("On-demand query", text, result.Diagnostics);
            }

            var kind = spec.StoreKind switch
            {
                StoreKind.Table => "table",
                StoreKind.Aggregation => "aggregation",
                _ => "window",
            };
            if (!_sources.TryGetValue(spec.Store, out var source))
            {
                throw new NotSupportedException($"On-demand queries on {kind} '{spec.Store}' are not supported yet.");
            }

            object query;
            if (spec.Kind == OnDemandQueryKind.Find && spec.Within is { } within)
            {
                query = new AggregationFind(new FindQuery(spec, source.Schema, _app.Clock), WithinOf(within));
            }
            else if (spec.Kind == OnDemandQueryKind.Find)
            {
                query = new FindQuery(spec, source.Schema, _app.Clock);
            }
            else if (source.Table is null)
            {
                throw new NotSupportedException($"On-demand {Describe(spec.Kind)} queries on {kind} '{spec.Store}' are not supported yet: it is registered for reading only.");
            }
            else
            {
                query = new ModifyQuery(spec, source.Schema, _app.Clock);
            }

            if (_cache.Count >= MaxCachedQueries)
            {
                _cache.Clear();
            }

            _cache[text] = query;
            return (query, source);
        }
    }

    private OnDemandQueries Binder()
    {
        if (_binder is not null)
        {
            return _binder;
        }

        var definitions = _definitions ?? throw new NotSupportedException($"App '{_app.Name}' did not give its definitions: it cannot bind on-demand queries.");
        var path = _app.Name + ".siddhi";
        var parsed = SiddhiParser.ParseApp(path, definitions);

        // The definitions compiled when the app was generated; diagnostics about them (for example connectors
        // whose settings are resolved later) do not concern queries.
        _binder = OnDemandQueries.ForApp(new BindingContext(path, definitions), parsed.App, path);
        return _binder;
    }

    private static string Describe(OnDemandQueryKind kind) => kind switch
    {
        OnDemandQueryKind.Insert => "'insert into'",
        OnDemandQueryKind.Delete => "'delete'",
        OnDemandQueryKind.Update => "'update'",
        _ => "'update or insert into'",
    };

    /// <summary>
    /// <c>within ... per ...</c> of an on-demand query, evaluated when it runs (its values are constants or functions
    /// such as <c>currentTimeMillis()</c>: there is no event to read).
    /// </summary>
    private Func<AggregationWithin> WithinOf(AggregationWithinSpec within)
    {
        var compiler = new ExpressionCompiler([], null, _app.Clock);
        var start = compiler.Compile(within.Start);
        var end = within.End is null ? null : compiler.Compile(within.End);
        var per = compiler.Compile(within.Per);
        return () =>
        {
            var frame = new EvaluationFrame { Timestamp = _app.Clock.Now };
            return end is null
                ? AggregationWithin.Of(start(frame) as string, per(frame) as string)
                : AggregationWithin.Of(start(frame), end(frame), per(frame) as string);
        };
    }

    /// <summary>
    /// A source on-demand queries read: its row schema, a snapshot of its rows, for a table how to change it, and for an
    /// aggregation the rows of the buckets a <c>within ... per ...</c> selects.
    /// </summary>
    private sealed record Queryable(StreamSchema Schema, Func<IEnumerable<DynamicEvent>> Snapshot, IOnDemandTable? Table, Func<AggregationWithin, IEnumerable<object?[]>>? Find = null);

    /// <summary>A find on an aggregation: the buckets its <c>within ... per ...</c> selects, through the find.</summary>
    private sealed record AggregationFind(FindQuery Query, Func<AggregationWithin> Within);
}
