using System.Collections.Generic;

namespace SiddhiGen.Runtime.Patterns;

/// <summary>
/// One side of a logical step <c>A and B</c> / <c>A or B</c> (Siddhi's <c>LogicalPreStateProcessor</c>): both sides
/// wait on the same matches; <c>and</c> passes when both sides hold an event, <c>or</c> when either does.
/// </summary>
internal class LogicalPreState : PreState
{
    public LogicalPreState(StateMachine machine, int slot, bool isAnd)
        : base(machine, slot) => IsAnd = isAnd;

    public bool IsAnd { get; }

    public LogicalPreState Partner { get; set; } = null!;

    protected override void AddStateCore(PatternMatch match)
    {
        if (IsStart || IsSequence)
        {
            if (Arrived.Count == 0)
            {
                Arrived.Add(match);
            }

            if (Partner.Arrived.Count == 0)
            {
                Partner.Arrived.Add(match);
            }
        }
        else
        {
            Arrived.Add(match);
            Partner.Arrived.Add(match);
        }
    }

    public override void AddEveryState(PatternMatch match)
    {
        var copy = CopyFromHere(match);
        Arrived.Add(copy);
        copy.Events[Partner.Slot] = null;
        Partner.Arrived.Add(copy);
    }

    public override void ResetState()
    {
        if (!IsAnd || Pending.Count == Partner.Pending.Count)
        {
            Pending.Clear();
            Partner.Pending.Clear();
            if (IsStart && Arrived.Count == 0)
            {
                if (IsSequence && ThisPost.NextEvery is null && ThisPost.Next is { Pending.Count: > 0 })
                {
                    return;
                }

                Init();
            }
        }
    }

    public override void UpdateState()
    {
        MoveArrivedToPending();
        Partner.MoveArrivedToPending();
    }

    public override void ProcessAndReturn(long timestamp, object data, List<PatternMatch> completed)
    {
        for (var i = 0; i < Pending.Count; i++)
        {
            var match = Pending[i];
            if (!IsAnd && match.Events[Partner.Slot] is not null)
            {
                // or: the other side already took the match.
                Pending.RemoveAt(i--);
                continue;
            }

            match.Events[Slot] = new PatternEvent(timestamp, data);
            Process(match);
            if (ThisLast.IsEventReturned)
            {
                ThisLast.IsEventReturned = false;
                completed.Add(match);
            }

            if (StateChanged)
            {
                Pending.RemoveAt(i--);
            }
            else
            {
                match.Events[Slot] = null;
                if (IsSequence)
                {
                    Pending.RemoveAt(i--);
                }
            }
        }
    }
}

/// <summary>The exit of one side of a logical step (Siddhi's <c>LogicalPostStateProcessor</c>).</summary>
internal class LogicalPostState : PostState
{
    private PreState? _next;
    private PreState? _nextEvery;

    public LogicalPostState(int slot, bool isAnd)
        : base(slot) => IsAnd = isAnd;

    public bool IsAnd { get; }

    public LogicalPreState PartnerPre { get; set; } = null!;

    public LogicalPostState PartnerPost { get; set; } = null!;

    /// <summary>Both sides go on to the same next step.</summary>
    public override PreState? Next
    {
        get => _next;
        set
        {
            _next = value;
            PartnerPost._next = value;
        }
    }

    public override PreState? NextEvery
    {
        get => _nextEvery;
        set
        {
            _nextEvery = value;
            PartnerPost._nextEvery = value;
        }
    }

    public override void Process(PatternMatch match)
    {
        if (IsAnd)
        {
            var proceed = PartnerPre is AbsentLogicalPreState absent ? absent.PartnerCanProceed(match) : match.Events[PartnerPre.Slot] is not null;
            if (proceed)
            {
                base.Process(match);
            }
            else
            {
                ThisPre.StateChanged = true;
            }

            return;
        }

        base.Process(match);
        if (PartnerPost.IsLast && ThisPre.ThisLast == PartnerPost)
        {
            PartnerPost.IsEventReturned = true;
        }
    }
}
