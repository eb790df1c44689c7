using System.Diagnostics;
using SiddhiGen.Generator;
using SiddhiGen.Generator.Binding;
using SiddhiGen.Generator.Model;
using SiddhiGen.Runtime.Evaluator;

namespace SiddhiGen.Runtime;

/// <summary>
/// The condition of an <c>expression(attr)</c> or <c>expressionBatch(attr, ...)</c> window whose condition is a string
/// attribute: each event carries SiddhiQL text such as <c>count() &lt;= 3</c>. When an event carries a different text
/// than the one in use (<see cref="HasChanged"/>), the text is parsed and bound with the generator's own parser and
/// binder against the window's stream (<c>first</c>/<c>last</c>, sliding aggregators, exactly as a constant condition),
/// and from then on interpreted (<see cref="ExpressionCompiler"/>); the window then re-evaluates what it holds.
/// </summary>
/// <typeparam name="T">The stream's event type (generated).</typeparam>
/// <remarks>
/// <para>A text that does not compile is an error of the event carrying it: <see cref="HasChanged"/> throws a
/// <see cref="SiddhiQLException"/> with the diagnostics, so the app's error handling logs it and drops the event (as
/// Siddhi does), and so it does for every later event carrying the same text. The window is left as it was.</para>
/// <para>Not on the hot path of constant conditions, which the generator compiles to C#. Rows are built with the
/// generated <c>ToRow()</c> only for the events the condition reads.</para>
/// </remarks>
public readonly struct DynamicWindowExpression<T> : IWindowExpression<T>, IStatePart
{
    private readonly DynamicWindowCondition<T> _condition;

    /// <param name="app">The app (its clock serves <c>currentTimeMillis()</c>).</param>
    /// <param name="window"><c>expression</c> or <c>expressionBatch</c>, for messages.</param>
    /// <param name="schema">The window's input stream.</param>
    /// <param name="toRow">The event as a positional row (the generated <c>ToRow()</c>).</param>
    /// <param name="conditionOf">Reads the condition text from an event.</param>
    public DynamicWindowExpression(SiddhiApp app, string window, StreamSchema schema, Func<T, object?[]> toRow, Func<T, string?> conditionOf)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(toRow);
        ArgumentNullException.ThrowIfNull(conditionOf);
        _condition = new DynamicWindowCondition<T>(app, window, schema, toRow, conditionOf);
    }

    /// <summary>The condition text in use, or null before the first event.</summary>
    public string? Text => _condition.Text;

    /// <inheritdoc />
    public bool Evaluate(EventKind kind, in StreamEvent<T> current, in StreamEvent<T> first, in StreamEvent<T> last) =>
        _condition.Evaluate(kind, in current, in first, in last);

    /// <inheritdoc />
    public void Reset() => _condition.Reset();

    /// <inheritdoc />
    /// <exception cref="SiddhiQLException">The event's condition text does not compile.</exception>
    public bool HasChanged(in StreamEvent<T> e) => _condition.HasChanged(in e);

    /// <summary>The condition text in use and its aggregators (the text is parsed again on restore).</summary>
    public void WriteState(StateWriter writer) => _condition.WriteState(writer);

    public void ReadState(StateReader reader) => _condition.ReadState(reader);

    /// <inheritdoc />
    public bool IncludeTriggeringEvent(in StreamEvent<T> e) => false;
}

/// <summary>The state behind <see cref="DynamicWindowExpression{T}"/>: the condition in use and its aggregators.</summary>
[DebuggerDisplay("{Text}")]
internal sealed class DynamicWindowCondition<T>
{
    /// <summary>Bound conditions by text, so a window that switches between a few conditions parses each once.</summary>
    private const int MaxCachedConditions = 16;

    private readonly AppClock _clock;
    private readonly string _window;
    private readonly StreamSpec _stream;
    private readonly string[] _names;
    private readonly Func<T, object?[]> _toRow;
    private readonly Func<T, string?> _conditionOf;
    private readonly Dictionary<string, WindowExpressionSpec> _bound = new(StringComparer.Ordinal);
    private readonly EvaluationFrame _frame = new();

    /// <summary>True once an event has set <see cref="Text"/>.</summary>
    private bool _started;

    /// <summary>The error of the text in use, when it does not compile.</summary>
    private SiddhiQLException? _error;

    private Func<EvaluationFrame, bool>? _condition;
    private (Func<EvaluationFrame, object?>? Argument, IDynamicAggregator Aggregator)[] _aggregators = [];
    private RowUse _uses;

    public DynamicWindowCondition(SiddhiApp app, string window, StreamSchema schema, Func<T, object?[]> toRow, Func<T, string?> conditionOf)
    {
        _clock = app.Clock;
        _window = window;
        _toRow = toRow;
        _conditionOf = conditionOf;
        _names = schema.Attributes.Select(a => a.Name).ToArray();
        var attributes = schema.Attributes.Select(a => new AttributeSpec(a.Name, Values.ToAttributeType(a.Type), a.Name));
        _stream = new StreamSpec(schema.Name, "Event", "Event", new EquatableArray<AttributeSpec>(attributes), IsInferred: false, IsQueryTarget: false, DefinitionText: null);
    }

    public string? Text { get; private set; }

    public bool HasChanged(in StreamEvent<T> e)
    {
        var text = _conditionOf(e.Data);
        if (_started && string.Equals(text, Text, StringComparison.Ordinal))
        {
            return _error is null ? false : throw new SiddhiQLException(_error.Message, _error.Errors);
        }

        _started = true;
        Text = text;
        _condition = null;
        _error = null;
        try
        {
            Compile(text);
        }
        catch (SiddhiQLException ex)
        {
            _error = ex;
            throw;
        }

        return true;
    }

    public bool Evaluate(EventKind kind, in StreamEvent<T> current, in StreamEvent<T> first, in StreamEvent<T> last)
    {
        var condition = _condition ?? throw new InvalidOperationException($"Window '{_window}' has no condition: no event has carried one yet.");
        var frame = _frame;
        frame.Input = (_uses & RowUse.Input) != 0 ? _toRow(current.Data) : [];
        frame.Timestamp = current.Timestamp;
        frame.First = (_uses & RowUse.First) != 0 ? _toRow(first.Data) : null;
        frame.FirstTimestamp = first.Timestamp;
        frame.Last = (_uses & RowUse.Last) != 0 ? _toRow(last.Data) : null;
        frame.LastTimestamp = last.Timestamp;
        foreach (var (argument, aggregator) in _aggregators)
        {
            var value = argument?.Invoke(frame);
            if (kind == EventKind.Current)
            {
                aggregator.Add(value);
            }
            else
            {
                aggregator.Remove(value);
            }
        }

        return condition(frame);
    }

    public void Reset()
    {
        foreach (var (_, aggregator) in _aggregators)
        {
            aggregator.Reset();
        }
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteBoolean(_started);
        writer.WriteString(Text);
        writer.WriteCount(_aggregators.Length);
        foreach (var (_, aggregator) in _aggregators)
        {
            aggregator.WriteState(writer);
        }
    }

    public void ReadState(StateReader reader)
    {
        _started = reader.ReadBoolean();
        Text = reader.ReadString();
        _condition = null;
        _error = null;
        _aggregators = [];
        if (_started)
        {
            try
            {
                Compile(Text);
            }
            catch (SiddhiQLException ex)
            {
                // The condition did not compile before the snapshot either: events carrying it keep failing.
                _error = ex;
            }
        }

        if (reader.ReadCount() != _aggregators.Length)
        {
            throw new SnapshotException($"The snapshot's condition of window '{_window}' has another number of aggregators: it is of another app version.");
        }

        foreach (var (_, aggregator) in _aggregators)
        {
            aggregator.ReadState(reader);
        }
    }

    private void Compile(string? text)
    {
        if (text is null)
        {
            throw new SiddhiQLException($"The condition of window '{_window}' is null: each event must carry one.");
        }

        if (!_bound.TryGetValue(text, out var spec))
        {
            spec = Bind(text);
            if (_bound.Count >= MaxCachedConditions)
            {
                _bound.Clear();
            }

            _bound[text] = spec;
        }

        var compiler = new ExpressionCompiler(_names, null, _clock);
        var condition = compiler.CompileCondition(spec.Condition);
        var aggregators = spec.Aggregators
            .OrderBy(a => a.Index)
            .Select(a => (a.Argument is null ? null : compiler.Compile(a.Argument), DynamicAggregators.Create(a)))
            .ToArray();
        _frame.Aggregators = aggregators.Select(a => a.Item2).ToArray();
        _aggregators = aggregators;
        _uses = compiler.Uses;
        _condition = condition;
    }

    /// <summary>Parses and binds <paramref name="text"/> exactly as the generator binds a constant condition.</summary>
    private WindowExpressionSpec Bind(string text)
    {
        var context = new BindingContext("condition", text);
        var binder = new WindowExpressionBinder(context, new ExpressionBinder(context));
        var spec = binder.BindText(_window, text, new ExpressionScope(_stream, null, "condition of window '" + _window + "'"));
        if (spec is null || context.HasErrors)
        {
            throw SiddhiQLException.From($"The condition of window '{_window}'", text, context.Diagnostics);
        }

        return spec;
    }
}
