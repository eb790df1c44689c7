using System.Diagnostics;
using SiddhiGen.Generator.Binding;
using SiddhiGen.Generator.Model;
using SiddhiParser = SiddhiGen.Generator.Parsing.SiddhiParser;

namespace SiddhiGen.Runtime.Evaluator;

/// <summary>
/// Serves <see cref="SiddhiApp.Query"/>: binds on-demand query text against the app's definitions with the generator's
/// own parser and binder (<see cref="OnDemandQueries"/>; one grammar, one set of messages), compiles it for the
/// interpreter, and runs it: a find over a snapshot of the queryable source it reads (a named window, a table; an
/// aggregation registers the same way when it exists), an insert, delete or update on a registered table.
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

    public IReadOnlyList<object?[]> Run(string text)
    {
        var (query, source) = Compile(text);
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
        var modify => ((ModifyQuery)modify).Output,
    };

    private (object Query, Queryable Source) Compile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (_cache.TryGetValue(text, out var cached))
            {
                return (cached, _sources[cached is FindQuery find ? find.Store : ((ModifyQuery)cached).Store]);
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
            if (spec.Within is not null)
            {
                throw new NotSupportedException($"On-demand queries with 'within ... per' on aggregation '{spec.Store}' are not supported yet.");
            }

            if (!_sources.TryGetValue(spec.Store, out var source))
            {
                throw new NotSupportedException($"On-demand queries on {kind} '{spec.Store}' are not supported yet.");
            }

            object query;
            if (spec.Kind == OnDemandQueryKind.Find)
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

    /// <summary>A source on-demand queries read: its row schema, a snapshot of its rows, and for a table how to change it.</summary>
    private sealed record Queryable(StreamSchema Schema, Func<IEnumerable<DynamicEvent>> Snapshot, IOnDemandTable? Table);
}
