using System.Diagnostics;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Runtime.Evaluator;

/// <summary>
/// A compiled on-demand find (<c>from W [on cond] select ... group by ... having ... order by ... limit ... offset</c>):
/// the rows matching <c>on</c> go through the selector as one chunk of current events, with the selector semantics
/// of the generated code (<c>SelectorEmitter</c>): without aggregators every row gives a row; with aggregators and no
/// <c>group by</c> the chunk gives one row (the last that passes <c>having</c>; none when nothing matched, so
/// <c>count()</c> over an empty window returns no rows, as in Siddhi); with <c>group by</c> one row per group, in the
/// order the groups first passed. Then <c>order by</c> (stable), <c>offset</c> and <c>limit</c>.
/// </summary>
/// <remarks>Immutable once built: every run has its own frame and aggregators, so runs may overlap.</remarks>
[DebuggerDisplay("from {Store}")]
internal sealed class FindQuery
{
    private readonly Func<EvaluationFrame, bool>? _on;
    private readonly Func<EvaluationFrame, object?>[] _projections;
    private readonly Func<EvaluationFrame, bool>? _having;
    private readonly Func<EvaluationFrame, object?>[] _groupBy;
    private readonly AggregatorSpec[] _aggregatorSpecs;
    private readonly Func<EvaluationFrame, object?>?[] _aggregatorArguments;
    private readonly (int Index, bool Descending)[] _orderBy;
    private readonly (Func<EvaluationFrame, object?> Key, bool Descending)[] _inputOrderBy;
    private readonly long? _limit;
    private readonly long? _offset;

    public FindQuery(OnDemandQuerySpec spec, StreamSchema schema, AppClock clock)
    {
        Store = spec.Store;
        var selector = spec.Selector;
        var outputNames = selector.Projections.Select(p => p.Attribute.Name).ToArray();
        var compiler = new ExpressionCompiler(schema.Attributes.Select(a => a.Name).ToArray(), outputNames, clock);
        _on = spec.On is null ? null : compiler.CompileCondition(spec.On);
        _projections = selector.Projections.Select(p => compiler.Compile(p.Expression)).ToArray();
        _having = selector.Having is null ? null : compiler.CompileCondition(selector.Having);
        _groupBy = selector.GroupBy.Select(g => compiler.Compile(g)).ToArray();
        _aggregatorSpecs = selector.Aggregators.OrderBy(a => a.Index).ToArray();
        _aggregatorArguments = _aggregatorSpecs.Select(a => a.Argument is null ? null : compiler.Compile(a.Argument)).ToArray();
        _orderBy = selector.OrderBy.Select(o => (Array.IndexOf(outputNames, o.Attribute.Name), o.Descending)).ToArray();
        _inputOrderBy = selector.InputOrderBy.Select(o => (compiler.Compile(o.Input), o.Descending)).ToArray();
        _limit = selector.Limit;
        _offset = selector.Offset;
        Output = new StreamSchema(spec.Store, [.. spec.Output.Select(a => new StreamAttribute(a.Name, Values.ToSiddhiType(a.Type)))]);
    }

    /// <summary>The table, window or aggregation read.</summary>
    public string Store { get; }

    /// <summary>The result's attributes (Siddhi's <c>getOnDemandQueryOutputAttributes</c>).</summary>
    public StreamSchema Output { get; }

    private bool Aggregating => _aggregatorSpecs.Length > 0 || _groupBy.Length > 0;

    public IReadOnlyList<object?[]> Run(IEnumerable<DynamicEvent> rows)
    {
        var frame = new EvaluationFrame();
        var matched = new List<DynamicEvent>();
        foreach (var row in rows)
        {
            frame.Input = row.Data;
            frame.Timestamp = row.Timestamp;
            if (_on is null || _on(frame))
            {
                matched.Add(row);
            }
        }

        if (_inputOrderBy.Length > 0)
        {
            matched = OrderInputs(frame, matched);
        }

        if (!Aggregating)
        {
            return OrderAndPage(SelectPlain(frame, matched));
        }

        if (_groupBy.Length == 0)
        {
            return SelectAggregate(frame, matched);
        }

        return OrderAndPage(SelectGrouped(frame, matched));
    }

    /// <summary><c>order by</c> on input attributes: the rows found, ordered (stable) before they are selected.</summary>
    private List<DynamicEvent> OrderInputs(EvaluationFrame frame, List<DynamicEvent> matched)
    {
        var keyed = new List<(object?[] Keys, DynamicEvent Row)>(matched.Count);
        foreach (var row in matched)
        {
            frame.Input = row.Data;
            frame.Timestamp = row.Timestamp;
            keyed.Add((_inputOrderBy.Select(o => o.Key(frame)).ToArray(), row));
        }

        return [.. keyed.OrderBy(k => k.Keys, Comparer<object?[]>.Create(CompareKeys)).Select(k => k.Row)];
    }

    private int CompareKeys(object?[] a, object?[] b)
    {
        for (var i = 0; i < _inputOrderBy.Length; i++)
        {
            var c = Values.Compare(a[i], b[i]);
            if (c != 0)
            {
                return _inputOrderBy[i].Descending ? -c : c;
            }
        }

        return 0;
    }

    private List<object?[]> SelectPlain(EvaluationFrame frame, List<DynamicEvent> matched)
    {
        var selected = new List<object?[]>(matched.Count);
        foreach (var row in matched)
        {
            if (Project(frame, row) is { } output)
            {
                selected.Add(output);
            }
        }

        return selected;
    }

    /// <summary>Aggregators without <c>group by</c>: the last row of the chunk, unless an offset or a zero limit drops it.</summary>
    private List<object?[]> SelectAggregate(EvaluationFrame frame, List<DynamicEvent> matched)
    {
        frame.Aggregators = DynamicAggregators.Create(_aggregatorSpecs);
        object?[]? last = null;
        foreach (var row in matched)
        {
            last = Aggregate(frame, row) ?? last;
        }

        return last is null || _offset is > 0 || _limit is <= 0 ? [] : [last];
    }

    /// <summary><c>group by</c>: each group's aggregators, and the last row of each group that passed <c>having</c>.</summary>
    private List<object?[]> SelectGrouped(EvaluationFrame frame, List<DynamicEvent> matched)
    {
        var groups = new Dictionary<GroupKey, Group>();
        var passed = new List<Group>();
        foreach (var row in matched)
        {
            frame.Input = row.Data;
            frame.Timestamp = row.Timestamp;
            var key = new GroupKey(_groupBy.Select(g => g(frame)).ToArray());
            if (!groups.TryGetValue(key, out var group))
            {
                group = new Group(DynamicAggregators.Create(_aggregatorSpecs));
                groups.Add(key, group);
            }

            frame.Aggregators = group.Aggregators;
            if (Aggregate(frame, row) is { } output)
            {
                group.Last = output;
                if (!group.Passed)
                {
                    group.Passed = true;
                    passed.Add(group);
                }
            }
        }

        return passed.Select(g => g.Last!).ToList();
    }

    /// <summary>Adds the row to the aggregators in the frame, then selects it.</summary>
    private object?[]? Aggregate(EvaluationFrame frame, DynamicEvent row)
    {
        frame.Input = row.Data;
        frame.Timestamp = row.Timestamp;
        for (var i = 0; i < _aggregatorSpecs.Length; i++)
        {
            frame.Aggregators[_aggregatorSpecs[i].Index].Add(_aggregatorArguments[i]?.Invoke(frame));
        }

        return Project(frame, row);
    }

    /// <summary>The selected row, or null when <c>having</c> drops it.</summary>
    private object?[]? Project(EvaluationFrame frame, DynamicEvent row)
    {
        frame.Input = row.Data;
        frame.Timestamp = row.Timestamp;
        var output = new object?[_projections.Length];
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = _projections[i](frame);
        }

        frame.Output = output;
        return _having is null || _having(frame) ? output : null;
    }

    private List<object?[]> OrderAndPage(List<object?[]> rows)
    {
        if (_orderBy.Length > 0)
        {
            // List.Sort is not stable: sort positions, with the position as the last key.
            var order = Enumerable.Range(0, rows.Count).ToArray();
            Array.Sort(order, (a, b) =>
            {
                foreach (var (index, descending) in _orderBy)
                {
                    var c = Values.Compare(rows[a][index], rows[b][index]);
                    if (c != 0)
                    {
                        return descending ? -c : c;
                    }
                }

                return a.CompareTo(b);
            });
            rows = order.Select(i => rows[i]).ToList();
        }

        if (_offset is not null || _limit is not null)
        {
            var start = (int)Math.Min(Math.Max(_offset ?? 0, 0), rows.Count);
            var count = (int)Math.Min(Math.Max(_limit ?? long.MaxValue, 0), rows.Count - start);
            rows = rows.GetRange(start, count);
        }

        return rows;
    }

    private sealed class Group(IDynamicAggregator[] aggregators)
    {
        public IDynamicAggregator[] Aggregators { get; } = aggregators;

        public object?[]? Last { get; set; }

        public bool Passed { get; set; }
    }

    /// <summary>The values of the <c>group by</c> attributes, compared by value (null equal to null).</summary>
    private readonly struct GroupKey(object?[] values) : IEquatable<GroupKey>
    {
        private readonly object?[] _values = values;

        public bool Equals(GroupKey other) => _values.AsSpan().SequenceEqual(other._values);

        public override bool Equals(object? obj) => obj is GroupKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var value in _values)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }
}
