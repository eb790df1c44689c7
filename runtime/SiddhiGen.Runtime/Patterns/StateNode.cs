namespace SiddhiGen.Runtime.Patterns;

/// <summary>
/// The shape of a pattern or sequence as the generated code describes it to <see cref="StateMachine"/>: Siddhi's
/// state elements, each event element naming its match slot, its stream (an index the operator assigns) and its
/// condition (generated code reading the match, the candidate already in its slot).
/// </summary>
public abstract class StateNode
{
    private protected StateNode()
    {
    }
}

/// <summary><c>e1=A[c]</c>: one event.</summary>
public sealed class StreamNode : StateNode
{
    public StreamNode(int slot, int stream, System.Func<PatternMatch, bool>? filter)
    {
        Slot = slot;
        Stream = stream;
        Filter = filter;
    }

    public int Slot { get; }

    public int Stream { get; }

    public System.Func<PatternMatch, bool>? Filter { get; }
}

/// <summary><c>not A[c] for t</c> (a wait of -1 for a <c>not A[c]</c> inside <c>and</c>).</summary>
public sealed class AbsentNode : StateNode
{
    public AbsentNode(int slot, int stream, System.Func<PatternMatch, bool>? filter, long waitMilliseconds)
    {
        Slot = slot;
        Stream = stream;
        Filter = filter;
        WaitMilliseconds = waitMilliseconds;
    }

    public int Slot { get; }

    public int Stream { get; }

    public System.Func<PatternMatch, bool>? Filter { get; }

    public long WaitMilliseconds { get; }
}

/// <summary><c>e1=A[c]&lt;min:max&gt;</c>; a max of -1 is no maximum.</summary>
public sealed class CountNode : StateNode
{
    public CountNode(StreamNode element, int min, int max)
    {
        Element = element;
        Min = min;
        Max = max;
    }

    public StreamNode Element { get; }

    public int Min { get; }

    public int Max { get; }
}

/// <summary><c>left and right</c>, <c>left or right</c>: each side one event or one absent element.</summary>
public sealed class LogicalNode : StateNode
{
    public LogicalNode(StateNode left, bool isAnd, StateNode right)
    {
        Left = left;
        IsAnd = isAnd;
        Right = right;
    }

    public StateNode Left { get; }

    public bool IsAnd { get; }

    public StateNode Right { get; }
}

/// <summary><c>every inner</c>: each time <c>inner</c> completes (or, for a single event, each event) it starts again.</summary>
public sealed class EveryNode : StateNode
{
    public EveryNode(StateNode inner) => Inner = inner;

    public StateNode Inner { get; }
}

/// <summary><c>current -&gt; next</c> in a pattern, <c>current, next</c> in a sequence.</summary>
public sealed class NextNode : StateNode
{
    public NextNode(StateNode current, StateNode next)
    {
        Current = current;
        Next = next;
    }

    public StateNode Current { get; }

    public StateNode Next { get; }
}
