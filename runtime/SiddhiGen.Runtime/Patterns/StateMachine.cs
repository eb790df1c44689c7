using System.Collections.Generic;
using System.Linq;

namespace SiddhiGen.Runtime.Patterns;

/// <summary>
/// The state machine of one pattern or sequence query, as Siddhi 5.1 runs it: each event element is a step with an
/// entry (<see cref="PreState"/>) and an exit (<see cref="PostState"/>) wired the way Siddhi's
/// <c>StateInputStreamParser</c> wires them, so that absent elements, <c>every</c> anywhere, counts and logical steps
/// combine with Siddhi's semantics. Generated operators describe the query as <see cref="StateNode"/>s and hand each
/// event of an input stream to <see cref="Receive"/>; each completed match goes to the operator's selector.
/// </summary>
/// <remarks>
/// Before each event, matches past <c>within</c> are dropped (re-arming an enclosing <c>every</c> once), then the steps of
/// that event's stream take the matches that reached them; in a sequence every step starts over from what the previous
/// event advanced. The event is offered to its stream's steps from the last to the first. Absent steps keep their
/// deadlines on the app's clock, one timer per deadline.
/// </remarks>
public sealed class StateMachine
{
    private readonly System.Action<PatternMatch> _complete;
    private readonly List<PreState> _all = new();
    private readonly List<PreState> _started = new();
    private readonly List<PreState>[] _byStream;
    private readonly List<PatternMatch> _completed = new();
    private readonly InnerState _root;
    private readonly int _slots;

    /// <param name="clock">The app's clock: deadlines of absent steps.</param>
    /// <param name="isSequence">A sequence (<c>,</c>) rather than a pattern (<c>-&gt;</c>).</param>
    /// <param name="slots">The number of event slots of a match.</param>
    /// <param name="streams">The number of input streams (the indexes the nodes name).</param>
    /// <param name="withinMilliseconds">The <c>within</c> time, or -1.</param>
    /// <param name="root">The query's state elements.</param>
    /// <param name="complete">Receives each completed match.</param>
    public StateMachine(AppClock clock, bool isSequence, int slots, int streams, long withinMilliseconds, StateNode root, System.Action<PatternMatch> complete)
    {
        Clock = clock;
        IsSequence = isSequence;
        Within = withinMilliseconds;
        _slots = slots;
        _complete = complete;
        _byStream = Enumerable.Range(0, streams).Select(_ => new List<PreState>()).ToArray();
        _root = Parse(root, null, null, isStart: true, _all);
        _root.MarkLast();
        _root.Setup(this);
        StartSlots = _all.Where(p => p.IsStart).Select(p => p.Slot).ToArray();
        _root.First.ThisLast = _root.Last;
    }

    public AppClock Clock { get; }

    public bool IsSequence { get; }

    internal long Within { get; }

    /// <summary>The slots of the steps a match starts with: <c>within</c> counts from their events.</summary>
    internal int[] StartSlots { get; }

    /// <summary>Matches an absent step's arrival ends (not completions); reused.</summary>
    internal List<PatternMatch> Discarded { get; } = new();

    /// <summary>Partial matches held by all steps (waiting or just arrived): what <c>within</c> and the deadlines bound.</summary>
    public int PendingMatches => _all.Sum(p => p.Pending.Count + p.Arrived.Count);

    /// <summary>Arms the start steps and the deadlines of leading absent steps; call when the app starts.</summary>
    public void Start()
    {
        _root.Init();
        foreach (var pre in _started)
        {
            pre.OnStarted(Clock.Now);
        }
    }

    /// <summary>One event of input stream <paramref name="stream"/>.</summary>
    public void Receive(int stream, long timestamp, object data)
    {
        var steps = _byStream[stream];
        foreach (var pre in _all)
        {
            pre.ExpireEvents(timestamp);
        }

        if (IsSequence)
        {
            _root.Reset();
            _root.Update();
        }
        else
        {
            foreach (var pre in steps)
            {
                pre.UpdateState();
            }
        }

        for (var i = steps.Count - 1; i >= 0; i--)
        {
            steps[i].ProcessAndReturn(timestamp, data, _completed);
            if (_completed.Count != 0)
            {
                foreach (var match in _completed)
                {
                    _complete(match);
                }

                _completed.Clear();
            }
        }
    }

    internal PatternMatch NewMatch() => new(_slots);

    internal void Complete(PatternMatch match) => _complete(match);

    internal void AddStep(int stream, PreState pre) => _byStream[stream].Add(pre);

    private InnerState Parse(StateNode node, PreState? pre, PostState? post, bool isStart, List<PreState> steps)
    {
        switch (node)
        {
            case StreamNode stream:
                return Leaf(stream.Slot, stream.Stream, stream.Filter, pre ?? new PreState(this, stream.Slot), post ?? new PostState(stream.Slot), isStart, steps);

            case AbsentNode absent:
                if (pre is null)
                {
                    pre = new AbsentPreState(this, absent.Slot, absent.WaitMilliseconds);
                    _started.Add(pre);
                }

                return Leaf(absent.Slot, absent.Stream, absent.Filter, pre, post ?? new AbsentPostState(absent.Slot), isStart, steps);

            case NextNode next:
                var current = Parse(next.Current, pre, post, isStart, steps);
                var following = Parse(next.Next, pre, post, false, steps);
                current.Last.Next = following.First;
                return new NextState(current, following);

            case EveryNode every:
                var inside = new List<PreState>();
                var body = Parse(every.Inner, pre, post, isStart, inside);
                body.Last.NextEvery = body.First;
                foreach (var step in inside)
                {
                    step.WithinEvery = body.First;
                }

                steps.AddRange(inside);
                return new EveryState(body);

            case LogicalNode logical:
                var (pre1, post1) = Side(logical.Left, logical.IsAnd);
                var (pre2, post2) = Side(logical.Right, logical.IsAnd);
                post1.PartnerPre = pre2;
                post2.PartnerPre = pre1;
                post1.PartnerPost = post2;
                post2.PartnerPost = post1;
                pre1.Partner = pre2;
                pre2.Partner = pre1;
                var right = Parse(logical.Right, pre2, post2, isStart, steps);
                var left = Parse(logical.Left, pre1, post1, isStart, steps);
                return new LogicalState(left, right);

            case CountNode count:
                var max = count.Max < 0 ? int.MaxValue : count.Max;
                var countPre = new CountPreState(this, count.Element.Slot, count.Min, max);
                var countPost = new CountPostState(count.Element.Slot, count.Min, max);
                countPre.CountPost = countPost;
                return Parse(count.Element, countPre, countPost, isStart, steps);

            default:
                throw new System.ArgumentException("Unknown state element " + node.GetType().Name, nameof(node));
        }
    }

    private (LogicalPreState Pre, LogicalPostState Post) Side(StateNode side, bool isAnd)
    {
        switch (side)
        {
            case AbsentNode absent:
                var pre = new AbsentLogicalPreState(this, absent.Slot, isAnd, absent.WaitMilliseconds);
                _started.Add(pre);
                return (pre, new AbsentLogicalPostState(absent.Slot, isAnd));
            case StreamNode stream:
                return (new LogicalPreState(this, stream.Slot, isAnd), new LogicalPostState(stream.Slot, isAnd));
            default:
                throw new System.ArgumentException("A logical element's side is one event or one absent event.", nameof(side));
        }
    }

    private static InnerState Leaf(int slot, int stream, System.Func<PatternMatch, bool>? filter, PreState pre, PostState post, bool isStart, List<PreState> steps)
    {
        pre.Filter = filter;
        pre.IsStart = isStart;
        post.ThisPre = pre;
        pre.ThisPost = post;
        pre.ThisLast = post;
        steps.Add(pre);
        return new LeafState(pre, post, stream);
    }

    /// <summary>Siddhi's <c>InnerStateRuntime</c>: a state element's first entry and last exit, and the order its parts start, reset and update in.</summary>
    private abstract class InnerState
    {
        protected InnerState(PreState first, PostState last)
        {
            First = first;
            Last = last;
        }

        public PreState First { get; }

        public PostState Last { get; }

        public abstract void MarkLast();

        public abstract void Setup(StateMachine machine);

        public abstract void Init();

        public virtual void Reset() => First.ResetState();

        public virtual void Update() => First.UpdateState();
    }

    private sealed class LeafState(PreState pre, PostState post, int stream) : InnerState(pre, post)
    {
        public override void MarkLast() => Last.IsLast = true;

        public override void Setup(StateMachine machine) => machine.AddStep(stream, First);

        public override void Init() => First.Init();
    }

    private sealed class NextState(InnerState current, InnerState next) : InnerState(current.First, next.Last)
    {
        public override void MarkLast() => next.MarkLast();

        public override void Setup(StateMachine machine)
        {
            current.Setup(machine);
            next.Setup(machine);
        }

        public override void Init()
        {
            current.Init();
            next.Init();
        }

        public override void Reset()
        {
            next.Reset();
            current.Reset();
        }

        public override void Update()
        {
            current.Update();
            next.Update();
        }
    }

    private sealed class EveryState(InnerState inner) : InnerState(inner.First, inner.Last)
    {
        public override void MarkLast() => inner.MarkLast();

        public override void Setup(StateMachine machine) => inner.Setup(machine);

        public override void Init() => inner.Init();
    }

    private sealed class LogicalState(InnerState left, InnerState right) : InnerState(left.First, right.Last)
    {
        public override void MarkLast()
        {
            right.MarkLast();
            left.MarkLast();
        }

        public override void Setup(StateMachine machine)
        {
            right.Setup(machine);
            left.Setup(machine);
        }

        public override void Init()
        {
            right.Init();
            left.Init();
        }

        public override void Reset() => right.Reset();

        public override void Update() => right.Update();
    }
}
