namespace SiddhiGen.Runtime.Tests;

/// <summary><c>count() &lt;= max</c>, written as the generator would emit it.</summary>
public struct CountAtMost(long max) : IWindowExpression<TestEvent>
{
    private CountAggregator _count;

    public bool Evaluate(EventKind kind, in StreamEvent<TestEvent> current, in StreamEvent<TestEvent> first, in StreamEvent<TestEvent> last)
    {
        if (kind == EventKind.Current)
        {
            _count.Add();
        }
        else
        {
            _count.Remove();
        }

        return _count.Value <= max;
    }

    public void Reset() => _count.Reset();

    public readonly bool HasChanged(in StreamEvent<TestEvent> e) => false;

    public readonly bool IncludeTriggeringEvent(in StreamEvent<TestEvent> e) => false;
}

/// <summary><c>sum(price) &lt; limit</c>.</summary>
public struct SumPriceBelow(double limit) : IWindowExpression<TestEvent>
{
    private SumDoubleAggregator _sum;

    public bool Evaluate(EventKind kind, in StreamEvent<TestEvent> current, in StreamEvent<TestEvent> first, in StreamEvent<TestEvent> last)
    {
        if (kind == EventKind.Current)
        {
            _sum.Add(current.Data.Price);
        }
        else
        {
            _sum.Remove(current.Data.Price);
        }

        return _sum.Value < limit;
    }

    public void Reset() => _sum.Reset();

    public readonly bool HasChanged(in StreamEvent<TestEvent> e) => false;

    public readonly bool IncludeTriggeringEvent(in StreamEvent<TestEvent> e) => false;
}

/// <summary><c>eventTimestamp(last) - eventTimestamp(first) &lt; span</c>.</summary>
public readonly struct SpanBelow(long span) : IWindowExpression<TestEvent>
{
    public bool Evaluate(EventKind kind, in StreamEvent<TestEvent> current, in StreamEvent<TestEvent> first, in StreamEvent<TestEvent> last)
        => last.Timestamp - first.Timestamp < span;

    public void Reset()
    {
    }

    public bool HasChanged(in StreamEvent<TestEvent> e) => false;

    public bool IncludeTriggeringEvent(in StreamEvent<TestEvent> e) => false;
}

/// <summary>
/// A dynamic expression: each event carries <c>sum(price) &lt; limit</c>'s limit in <see cref="TestEvent.Volume"/>
/// (standing in for an expression string attribute), and <see cref="TestEvent.Ts"/> = 1 asks to include the triggering event.
/// </summary>
public struct DynamicSumBelow : IWindowExpression<TestEvent>
{
    private SumDoubleAggregator _sum;
    private long? _limit;

    public bool Evaluate(EventKind kind, in StreamEvent<TestEvent> current, in StreamEvent<TestEvent> first, in StreamEvent<TestEvent> last)
    {
        if (kind == EventKind.Current)
        {
            _sum.Add(current.Data.Price);
        }
        else
        {
            _sum.Remove(current.Data.Price);
        }

        return _sum.Value < _limit;
    }

    public void Reset() => _sum.Reset();

    public bool HasChanged(in StreamEvent<TestEvent> e)
    {
        if (_limit == e.Data.Volume)
        {
            return false;
        }

        var first = _limit is null;
        _limit = e.Data.Volume;
        return !first;
    }

    public readonly bool IncludeTriggeringEvent(in StreamEvent<TestEvent> e) => e.Data.Ts == 1;
}

/// <summary>
/// A dynamic <c>eventTimestamp(last) - eventTimestamp(first) &lt; span</c>: the span comes from <see cref="TestEvent.Volume"/>
/// and <see cref="TestEvent.Ts"/> = 1 asks to include the triggering event.
/// </summary>
public struct DynamicSpanBelow : IWindowExpression<TestEvent>
{
    private long? _span;

    public readonly bool Evaluate(EventKind kind, in StreamEvent<TestEvent> current, in StreamEvent<TestEvent> first, in StreamEvent<TestEvent> last)
        => last.Timestamp - first.Timestamp < _span;

    public readonly void Reset()
    {
    }

    public bool HasChanged(in StreamEvent<TestEvent> e)
    {
        if (_span == e.Data.Volume)
        {
            return false;
        }

        var first = _span is null;
        _span = e.Data.Volume;
        return !first;
    }

    public readonly bool IncludeTriggeringEvent(in StreamEvent<TestEvent> e) => e.Data.Ts == 1;
}
