using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.expression(expr)</c>: a sliding window that keeps events while a boolean expression over them holds.
/// After each arrival the expression is evaluated (its aggregates add the arrival); while it is false the oldest
/// events leave one by one (their values are removed from the aggregates), each emitted EXPIRED (re-stamped with
/// now) before the CURRENT arrival, until it is true again or the window is empty.
/// </summary>
/// <typeparam name="T">The event payload.</typeparam>
/// <typeparam name="TExpression">The generated evaluator (see <see cref="IWindowExpression{T}"/>).</typeparam>
/// <remarks>
/// When the expression is a string attribute and <see cref="IWindowExpression{T}.HasChanged"/> reports a new
/// expression, the evaluator is reset and the held events are re-evaluated from the oldest, expiring as needed.
/// Siddhi: <c>ExpressionWindowProcessor</c>.
/// </remarks>
[DebuggerDisplay("expression, Count = {_events.Count}")]
public sealed class ExpressionWindow<T, TExpression> : IWindow<T>, IStatePart<T>
    where TExpression : struct, IWindowExpression<T>
{
    /// <summary>Where "now" comes from for re-stamping.</summary>
    private readonly AppClock _clock;

    /// <summary>The evaluator; mutable, it owns the expression's aggregator state.</summary>
    private TExpression _expression;

    /// <summary>Held events, oldest first.</summary>
    private EventQueue<T> _events = new(16);

    /// <summary>Spare queue used while re-evaluating after an expression change.</summary>
    private EventQueue<T> _spare = new(16);

    /// <param name="clock">The app clock (expired events are stamped with its time).</param>
    /// <param name="expression">The generated evaluator.</param>
    public ExpressionWindow(AppClock clock, TExpression expression)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _expression = expression;
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => _events.Span;

    /// <inheritdoc />
    public void Process(ReadOnlySpan<StreamEvent<T>> chunk, WindowOutput<T> output)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        var now = _clock.Now;
        foreach (ref readonly var e in chunk)
        {
            if (_expression.HasChanged(in e))
            {
                Reevaluate(now, output);
            }

            Add(new StreamEvent<T>(e.Timestamp, e.Data, EventKind.Expired), now, output);
            output.Add(e.Timestamp, in e.Data, EventKind.Current);
        }

        output.CloseChunk();
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Expression-driven: no timers.
    }

    /// <summary>Adds one event and expires from the front while the expression is false.</summary>
    private void Add(in StreamEvent<T> e, long now, WindowOutput<T> output)
    {
        _events.Enqueue(in e);
        if (_expression.Evaluate(EventKind.Current, in e, in _events.First, in e))
        {
            return;
        }

        while (!_events.IsEmpty)
        {
            var expired = _events.First;
            _events.Dequeue();
            output.Add(now, in expired.Data, EventKind.Expired);
            ref readonly var first = ref _events.IsEmpty ? ref expired : ref _events.First;
            if (_expression.Evaluate(EventKind.Expired, in expired, in first, in e))
            {
                break;
            }
        }
    }

    /// <summary>The expression changed: restart its state and run the held events through it again.</summary>
    private void Reevaluate(long now, WindowOutput<T> output)
    {
        _expression.Reset();
        (_events, _spare) = (_spare, _events);
        foreach (ref readonly var held in _spare.Span)
        {
            Add(in held, now, output);
        }

        _spare.Clear();
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        writer.WriteEvents(_events.Span, codec);
        WindowState.WriteExpression(writer, _expression);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        reader.ReadEvents(_events, codec);
        _spare.Clear();
        _expression = WindowState.ReadExpression(reader, _expression);
    }
}
