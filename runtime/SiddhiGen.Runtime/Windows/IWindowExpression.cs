namespace SiddhiGen.Runtime;

/// <summary>
/// The compiled boolean expression of an <c>expression(...)</c> or <c>expressionBatch(...)</c> window,
/// emitted by the generator as a mutable struct (it owns the state of the aggregators the expression uses,
/// e.g. <c>count()</c> or <c>sum(price)</c>). The window stores it in a field and calls it through the
/// struct constraint, so calls are direct and never box.
/// </summary>
/// <remarks>
/// The expression sees three events, as in Siddhi: the event being evaluated (<c>current</c>, the implicit
/// stream), <c>first</c> (the oldest event of the window or batch) and <c>last</c> (the newest). Aggregators in
/// the expression run in sliding mode: an evaluation with <see cref="EventKind.Current"/> adds the evaluated
/// event's values, one with <see cref="EventKind.Expired"/> removes them.
/// <example>
/// <code>
/// // expression('count() &lt;= 2 and eventTimestamp(last) - eventTimestamp(first) &lt; 3000')
/// struct Q1Expr : IWindowExpression&lt;S&gt;
/// {
///     CountAggregator _count;
///     public bool Evaluate(EventKind kind, in StreamEvent&lt;S&gt; current, in StreamEvent&lt;S&gt; first, in StreamEvent&lt;S&gt; last)
///     {
///         if (kind == EventKind.Current) _count.Add(); else _count.Remove();
///         return _count.Value &lt;= 2 &amp;&amp; last.Timestamp - first.Timestamp &lt; 3000;
///     }
///     public void Reset() =&gt; _count.Reset();
///     public bool HasChanged(in StreamEvent&lt;S&gt; e) =&gt; false;
///     public bool IncludeTriggeringEvent(in StreamEvent&lt;S&gt; e) =&gt; false;
/// }
/// </code>
/// </example>
/// </remarks>
public interface IWindowExpression<T>
{
    /// <summary>
    /// Evaluates the expression for <paramref name="current"/>, first updating the expression's aggregators
    /// (add for <see cref="EventKind.Current"/>, remove for <see cref="EventKind.Expired"/>).
    /// </summary>
    bool Evaluate(EventKind kind, in StreamEvent<T> current, in StreamEvent<T> first, in StreamEvent<T> last);

    /// <summary>Clears the aggregator state (Siddhi evaluates the expression with a RESET event).</summary>
    void Reset();

    /// <summary>
    /// For a window whose expression is a string attribute: true when <paramref name="e"/> carries a different
    /// expression than the one in use, after which the evaluator uses the new one and the window re-evaluates
    /// its contents from scratch. Evaluators of constant expressions return false.
    /// </summary>
    bool HasChanged(in StreamEvent<T> e);

    /// <summary>
    /// <c>expressionBatch</c>'s <c>include.triggering.event</c> when given as an attribute; evaluators for a
    /// constant (or absent) parameter return false and the window's constructor flag is used instead.
    /// </summary>
    bool IncludeTriggeringEvent(in StreamEvent<T> e);
}
