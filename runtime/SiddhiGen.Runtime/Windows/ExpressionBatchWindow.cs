using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.expressionBatch(expr [, include.triggering.event] [, stream.current.event])</c>: collects events while a
/// boolean expression over the batch holds. When an arrival makes it false, the expression's aggregates are reset to
/// hold just that arrival and the window flushes one chunk <c>[previous batch EXPIRED, CURRENT batch]</c> (no RESET,
/// expired events always emitted); the arrival starts the next batch, or with <c>include.triggering.event</c> closes
/// the flushed one. A false expression on an empty batch emits the arrival as <c>[EXPIRED, CURRENT]</c>.
/// </summary>
/// <typeparam name="T">The event payload.</typeparam>
/// <typeparam name="TExpression">The generated evaluator (see <see cref="IWindowExpression{T}"/>).</typeparam>
/// <remarks>
/// <para>With <c>stream.current.event=true</c> every arrival is emitted CURRENT as its own chunk, and a false
/// expression expires the retained events in front of it.</para>
/// <para>Flushed events are re-stamped with now. <see cref="Contents"/> is the open batch (Siddhi's find).</para>
/// Siddhi: <c>ExpressionBatchWindowProcessor</c>.
/// </remarks>
[DebuggerDisplay("expressionBatch, Open = {_current.Count}")]
public sealed class ExpressionBatchWindow<T, TExpression> : IWindow<T>, IStatePart<T>
    where TExpression : struct, IWindowExpression<T>
{
    /// <summary>Where "now" comes from for re-stamping.</summary>
    private readonly AppClock _clock;

    /// <summary>Constant <c>include.triggering.event</c>.</summary>
    private readonly bool _includeTriggeringEvent;

    /// <summary>True for <c>stream.current.event</c>.</summary>
    private readonly bool _streamCurrentEvents;

    /// <summary>The evaluator; mutable, it owns the expression's aggregator state.</summary>
    private TExpression _expression;

    /// <summary>The open batch (streaming mode: events waiting to be emitted after a re-evaluation).</summary>
    private EventQueue<T> _current = new(16);

    /// <summary>The last flushed batch as expired events (streaming mode: the retained events).</summary>
    private EventQueue<T> _expired = new(16);

    /// <summary>Spare queue used while re-evaluating after an expression change.</summary>
    private EventQueue<T> _spare = new(16);

    /// <param name="clock">The app clock (flushed events are stamped with its time).</param>
    /// <param name="expression">The generated evaluator.</param>
    /// <param name="includeTriggeringEvent">Constant <c>include.triggering.event</c> (an attribute goes through
    /// <see cref="IWindowExpression{T}.IncludeTriggeringEvent"/>).</param>
    /// <param name="streamCurrentEvents">Siddhi's <c>stream.current.event</c>.</param>
    public ExpressionBatchWindow(AppClock clock, TExpression expression, bool includeTriggeringEvent = false, bool streamCurrentEvents = false)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _expression = expression;
        _includeTriggeringEvent = includeTriggeringEvent;
        _streamCurrentEvents = streamCurrentEvents;
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => _current.Span;

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

            if (_streamCurrentEvents)
            {
                AddStreaming(in e, now, output, emit: true);
            }
            else
            {
                AddBatch(in e, now, output);
            }
        }
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Expression-driven: no timers.
    }

    private bool Includes(in StreamEvent<T> e) => _includeTriggeringEvent || _expression.IncludeTriggeringEvent(in e);

    /// <summary>Batch mode (Siddhi's <c>processStreamEvent</c>).</summary>
    private void AddBatch(in StreamEvent<T> e, long now, WindowOutput<T> output)
    {
        var first = _current.IsEmpty ? e : _current.First;
        if (_expression.Evaluate(EventKind.Current, in e, in first, in e))
        {
            _current.Enqueue(e.Timestamp, in e.Data, EventKind.Current);
            return;
        }

        // The arrival starts the aggregates afresh.
        _expression.Reset();
        _expression.Evaluate(EventKind.Current, in e, in first, in e);

        output.AddRange(_expired.Span, EventKind.Expired, now);
        _expired.Clear();
        if (!_current.IsEmpty)
        {
            output.AddRange(_current.Span, EventKind.Current, now);
            _expired.EnqueueRange(_current.Span, EventKind.Expired);
            RestampAll(_expired, now);
            _current.Clear();
            if (Includes(in e))
            {
                output.Add(e.Timestamp, in e.Data, EventKind.Current);
                _expired.Enqueue(now, in e.Data, EventKind.Expired);
            }
            else
            {
                _current.Enqueue(e.Timestamp, in e.Data, EventKind.Current);
            }
        }
        else
        {
            output.Add(now, in e.Data, EventKind.Expired);
            output.Add(now, in e.Data, EventKind.Current);
        }

        output.CloseChunk();
    }

    /// <summary>Streaming mode (Siddhi's <c>processStreamEventAsStream</c>); <paramref name="emit"/> is false while re-evaluating.</summary>
    private void AddStreaming(in StreamEvent<T> e, long now, WindowOutput<T> output, bool emit)
    {
        var first = _expired.IsEmpty ? e : _expired.First;
        if (emit && !_current.IsEmpty)
        {
            // Events parked by a re-evaluation go out in front of this arrival.
            output.AddRange(_current.Span);
            _current.Clear();
        }

        if (_expression.Evaluate(EventKind.Current, in e, in first, in e))
        {
            _expired.Enqueue(e.Timestamp, in e.Data, EventKind.Expired);
            if (emit)
            {
                output.Add(in e);
                output.CloseChunk();
            }

            return;
        }

        _expression.Reset();
        _expression.Evaluate(EventKind.Current, in e, in first, in e);
        if (!_expired.IsEmpty)
        {
            RestampAll(_expired, now);
            if (Includes(in e))
            {
                if (emit)
                {
                    output.Add(in e);
                    output.AddRange(_expired.Span);
                    output.Add(now, in e.Data, EventKind.Expired);
                }
                else
                {
                    _current.EnqueueRange(_expired.Span, EventKind.Expired);
                    _current.Enqueue(e.Timestamp, in e.Data, EventKind.Expired);
                }

                _expired.Clear();
            }
            else
            {
                if (emit)
                {
                    output.AddRange(_expired.Span);
                    output.Add(in e);
                }
                else
                {
                    _current.EnqueueRange(_expired.Span, EventKind.Expired);
                }

                _expired.Clear();
                _expired.Enqueue(e.Timestamp, in e.Data, EventKind.Expired);
            }
        }
        else if (emit)
        {
            output.Add(now, in e.Data, EventKind.Expired);
            output.Add(now, in e.Data, EventKind.Current);
        }
        else
        {
            _current.Enqueue(in e);
        }

        if (emit)
        {
            output.CloseChunk();
        }
    }

    /// <summary>The expression changed: restart its state and run the retained events through it again.</summary>
    private void Reevaluate(long now, WindowOutput<T> output)
    {
        _expression.Reset();
        if (_streamCurrentEvents)
        {
            (_expired, _spare) = (_spare, _expired);
            foreach (ref readonly var held in _spare.Span)
            {
                AddStreaming(in held, now, output, emit: false);
            }
        }
        else
        {
            (_current, _spare) = (_spare, _current);
            foreach (ref readonly var held in _spare.Span)
            {
                AddBatch(in held, now, output);
            }
        }

        _spare.Clear();
    }

    private static void RestampAll(EventQueue<T> events, long now)
    {
        for (var i = 0; i < events.Count; i++)
        {
            events[i].Timestamp = now;
        }
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        writer.WriteEvents(_current.Span, codec);
        writer.WriteEvents(_expired.Span, codec);
        WindowState.WriteExpression(writer, _expression);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        reader.ReadEvents(_current, codec);
        reader.ReadEvents(_expired, codec);
        _spare.Clear();
        _expression = WindowState.ReadExpression(reader, _expression);
    }
}
