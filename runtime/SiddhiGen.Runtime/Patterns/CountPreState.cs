using System.Collections.Generic;

namespace SiddhiGen.Runtime.Patterns;

/// <summary>
/// A counting step <c>e=A[c]&lt;min:max&gt;</c> (also <c>+</c>, <c>*</c>, <c>?</c> in sequences; Siddhi's
/// <c>CountPreStateProcessor</c>): each matching event joins the slot's chain; at <c>min</c> events the match goes on,
/// yet it keeps collecting until <c>max</c> or until the next step takes it.
/// </summary>
internal sealed class CountPreState : PreState
{
    private bool _startStateReset;

    public CountPreState(StateMachine machine, int slot, int min, int max)
        : base(machine, slot)
    {
        Min = min;
        Max = max;
    }

    public int Min { get; }

    public int Max { get; }

    public CountPostState CountPost { get; set; } = null!;

    /// <summary>Set by the exit when the condition held for the last offered event.</summary>
    public bool SuccessCondition { get; set; }

    public override void ProcessAndReturn(long timestamp, object data, List<PatternMatch> completed)
    {
        for (var i = 0; i < Pending.Count; i++)
        {
            var match = Pending[i];
            if (NextStepTook(match, Slot + 1) || NextStepTook(match, Slot + 2))
            {
                Pending.RemoveAt(i--);
                continue;
            }

            match.Add(Slot, new PatternEvent(timestamp, data));
            SuccessCondition = false;
            Process(match);
            if (ThisLast.IsEventReturned)
            {
                ThisLast.IsEventReturned = false;
                completed.Add(match);
            }

            var removed = false;
            if (StateChanged)
            {
                Pending.RemoveAt(i--);
                removed = true;
            }

            if (!SuccessCondition)
            {
                match.RemoveLast(Slot);
                if (IsSequence && !removed)
                {
                    Pending.RemoveAt(i--);
                }
            }
        }
    }

    private static bool NextStepTook(PatternMatch match, int slot) => match.Events.Length > slot && match.Events[slot] is not null;

    protected override void AddStateCore(PatternMatch match)
    {
        base.AddStateCore(match);
        if (Min == 0 && match.Events[Slot] is null)
        {
            CountPost.ProcessMinCountReached(match);
        }
    }

    /// <summary>A leading optional count of a sequence starts over when the step after it passes.</summary>
    public void StartStateReset() => _startStateReset = true;

    public override void UpdateState()
    {
        if (_startStateReset)
        {
            _startStateReset = false;
            Init();
        }

        base.UpdateState();
    }
}

/// <summary>The exit of a counting step (Siddhi's <c>CountPostStateProcessor</c>).</summary>
internal sealed class CountPostState : PostState
{
    private PreState? _next;

    public CountPostState(int slot, int min, int max)
        : base(slot)
    {
        Min = min;
        Max = max;
    }

    public int Min { get; }

    public int Max { get; }

    public override PreState? Next
    {
        get => _next;
        set
        {
            _next = value;
            if (value is not null && ThisPre.IsStart && ThisPre.IsSequence && Min == 0)
            {
                value.ThisPost.CallbackCount = (CountPreState)ThisPre;
            }
        }
    }

    public override void Process(PatternMatch match)
    {
        var count = match.CountOf(Slot);
        var pre = (CountPreState)ThisPre;
        pre.SuccessCondition = true;
        match.Timestamp = match.LastEvent(Slot)!.Timestamp;
        if (count >= Min)
        {
            if (pre.IsSequence)
            {
                Next?.AddState(match);
                if (count != Max)
                {
                    pre.AddState(match);
                }
            }
            else if (count == Min)
            {
                ProcessMinCountReached(match);
            }

            if (count == Max)
            {
                pre.StateChanged = true;
            }
        }
    }

    public void ProcessMinCountReached(PatternMatch match)
    {
        if (IsLast)
        {
            ThisPre.StateChanged = true;
            IsEventReturned = true;
        }

        Next?.AddState(match);
        NextEvery?.AddEveryState(match);
    }
}
