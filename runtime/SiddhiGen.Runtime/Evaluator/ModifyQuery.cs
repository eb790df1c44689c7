using System.Diagnostics;
using SiddhiGen.Generator;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Runtime.Evaluator;

/// <summary>
/// A compiled on-demand <c>insert into</c>, <c>delete</c>, <c>update</c> or <c>update or insert into</c> a table: the
/// selector runs once over an empty event (<c>select 10 as id, 'x' as symbol</c>; no <c>select</c> gives an empty
/// row), then each selected row acts on the table as a query's output does (<c>TableActionEmitter</c>): conditions
/// and <c>set</c> values read the table row (<c>T.attr</c>) and the selected row. Returns no rows, as in Siddhi.
/// </summary>
[DebuggerDisplay("{_action} {Store}")]
internal sealed class ModifyQuery
{
    private static readonly StreamSchema s_nothing = new(string.Empty, []);

    private readonly FindQuery _select;
    private readonly OutputActionSpec _action;
    private readonly Func<EvaluationFrame, bool>? _on;
    private readonly (int Target, AttributeType Type, Func<EvaluationFrame, object?> Value)[] _set;

    public ModifyQuery(OnDemandQuerySpec spec, StreamSchema table, AppClock clock)
    {
        Store = spec.Store;
        _action = spec.Action ?? throw new InvalidOperationException("An on-demand " + spec.Kind + " query has no action.");
        _select = new FindQuery(spec with { On = null }, s_nothing, clock);
        Output = _select.Output;
        var names = table.Attributes.Select(a => a.Name).ToArray();
        var compiler = new ExpressionCompiler(names, spec.Selector.Projections.Select(p => p.Attribute.Name).ToArray(), clock);
        (ExpressionSpec? on, EquatableArray<SetAssignmentSpec> set) = _action switch
        {
            DeleteSpec delete => (delete.On, EquatableArray<SetAssignmentSpec>.Empty),
            UpdateSpec update => (update.On, update.Set),
            UpdateOrInsertSpec upsert => (upsert.On, upsert.Set),
            _ => ((ExpressionSpec?)null, EquatableArray<SetAssignmentSpec>.Empty),
        };
        _on = on is null ? null : compiler.CompileCondition(on);
        _set = set.Select(s => (Array.IndexOf(names, s.Target.Name), s.Target.Type, compiler.Compile(s.Value))).ToArray();
    }

    /// <summary>The table changed.</summary>
    public string Store { get; }

    /// <summary>The selected attributes.</summary>
    public StreamSchema Output { get; }

    public void Run(IOnDemandTable table, long now)
    {
        foreach (var selected in _select.Run([new DynamicEvent(now, [], IsExpired: false)]))
        {
            var frame = new EvaluationFrame { Output = selected, Timestamp = now };
            Func<object?[], bool> match = row =>
            {
                frame.Input = row;
                return _on is null || _on(frame);
            };
            switch (_action)
            {
                case InsertIntoTableSpec:
                    table.Insert(selected);
                    break;
                case DeleteSpec:
                    table.Delete(_on is null ? null : match);
                    break;
                case UpdateSpec:
                    table.Update(match, row => Updated(frame, row));
                    break;
                case UpdateOrInsertSpec:
                    table.UpdateOrInsert(match, row => Updated(frame, row), selected);
                    break;
            }
        }
    }

    /// <summary>The row with each <c>set</c> value, all computed from the row as it was (no <c>set</c>: unchanged).</summary>
    private object?[] Updated(EvaluationFrame frame, object?[] row)
    {
        frame.Input = row;
        var updated = (object?[])row.Clone();
        foreach (var (target, type, value) in _set)
        {
            updated[target] = Values.Convert(value(frame), type);
        }

        return updated;
    }
}
