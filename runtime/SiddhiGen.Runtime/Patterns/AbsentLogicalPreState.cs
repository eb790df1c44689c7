using System.Collections.Generic;

namespace SiddhiGen.Runtime.Patterns;

/// <summary>
/// The absent side of a logical step: <c>not A for t and B</c>, <c>not A for t or B</c>, <c>not A and B</c>
/// (Siddhi's <c>AbsentLogicalPreStateProcessor</c>). With <c>for t</c> the side holds once <c>t</c> passed with no
/// matching A (a clock timer); without it, the side holds as long as no A came before B.
/// </summary>
internal sealed class AbsentLogicalPreState : LogicalPreState, IAbsentState
{
    private readonly PatternScheduler _scheduler;
    private long _lastArrivalTime;
    private bool _active = true;

    public AbsentLogicalPreState(StateMachine machine, int slot, bool isAnd, long waitingTime)
        : base(machine, slot, isAnd)
    {
        WaitingTime = waitingTime;
        _scheduler = new PatternScheduler(machine.Clock, OnTimer);
    }

    /// <summary>The <c>for</c> time; -1 without one.</summary>
    public long WaitingTime { get; }

    public void UpdateLastArrivalTime(long timestamp) => _lastArrivalTime = timestamp;

    protected override void AddStateCore(PatternMatch match)
    {
        if (!_active)
        {
            return;
        }

        base.AddStateCore(match);
        if (!IsStart && WaitingTime != -1)
        {
            _scheduler.NotifyAt(match.Timestamp + WaitingTime);
            if (Partner is AbsentLogicalPreState absent)
            {
                absent._scheduler.NotifyAt(match.Timestamp + absent.WaitingTime);
            }
        }
    }

    public override void AddEveryState(PatternMatch match)
    {
        var copy = match.Copy();
        copy.Expired = false;
        if (copy.Events[Slot] is { } own)
        {
            copy.Timestamp = own.Timestamp;
        }

        copy.Events[Slot] = null;
        copy.Events[Partner.Slot] = null;
        Arrived.Add(copy);
        Partner.Arrived.Add(copy);
    }

    private void OnTimer(long currentTime)
    {
        if (!_active)
        {
            return;
        }

        var passed = new List<PatternMatch>();
        var notProcessed = true;
        if (currentTime >= _lastArrivalTime + WaitingTime)
        {
            if (IsStart && IsSequence && Arrived.Count == 0 && Pending.Count == 0)
            {
                AddState(Machine.NewMatch());
            }
            else if (IsSequence && Arrived.Count != 0)
            {
                ResetState();
            }

            UpdateState();
            PatternMatch? expired = null;
            for (var i = 0; i < Pending.Count; i++)
            {
                var match = Pending[i];
                if (IsExpired(match, currentTime))
                {
                    expired = match;
                    Pending.RemoveAt(i--);
                    continue;
                }

                if (WaitingTimePassed(currentTime, match))
                {
                    Pending.RemoveAt(i--);
                    var partnerHolds = match.Events[Partner.Slot] is not null;
                    if (!IsAnd && !partnerHolds)
                    {
                        match.Add(Slot, new PatternEvent(-1, null));
                        passed.Add(match);
                    }
                    else if (IsAnd && partnerHolds)
                    {
                        passed.Add(match);
                    }
                    else if (IsAnd)
                    {
                        match.Add(Slot, new PatternEvent(-1, null));
                    }
                }
            }

            if (expired is not null && WithinEvery is not null)
            {
                WithinEvery.AddEveryState(expired);
                WithinEvery.UpdateState();
            }

            notProcessed = passed.Count == 0;
            foreach (var match in passed)
            {
                match.Timestamp = currentTime;
                SendEvent(match);
            }

            _lastArrivalTime = 0;
        }

        if (ThisPost.NextEvery is not null || (notProcessed && IsStart))
        {
            var nextBreak = _lastArrivalTime == 0 ? Machine.Clock.Now + WaitingTime : _lastArrivalTime + WaitingTime;
            _scheduler.NotifyAt(nextBreak);
        }
    }

    private bool WaitingTimePassed(long currentTime, PatternMatch match) =>
        match.Events[Slot] is { } own ? currentTime >= own.Timestamp + WaitingTime : currentTime >= match.Timestamp + WaitingTime;

    private void SendEvent(PatternMatch match)
    {
        if (ForwardFromAbsent(match))
        {
            _active = false;
            if (!IsAnd && Partner is AbsentLogicalPreState absent)
            {
                absent._active = false;
            }
        }

        ThisPost.CallbackCount?.StartStateReset();
    }

    public override void ProcessAndReturn(long timestamp, object data, List<PatternMatch> completed)
    {
        if (!_active)
        {
            return;
        }

        for (var i = 0; i < Pending.Count; i++)
        {
            var match = Pending[i];
            if (!IsAnd && match.Events[Partner.Slot] is not null)
            {
                Pending.RemoveAt(i--);
                continue;
            }

            var current = match.Events[Slot];
            match.Events[Slot] = new PatternEvent(timestamp, data);
            Process(match);
            if (WaitingTime != -1 || (IsSequence && IsAnd && ThisPost.NextEvery is not null))
            {
                match.Events[Slot] = current;
            }

            var removed = false;
            if (ThisLast.IsEventReturned)
            {
                ThisLast.IsEventReturned = false;
                Pending.RemoveAt(i--);
                removed = true;
                if (IsSequence)
                {
                    Partner.Pending.Remove(match);
                }
            }

            if (!StateChanged)
            {
                match.Events[Slot] = current;
                if (IsSequence && !removed)
                {
                    Pending.RemoveAt(i--);
                }
            }
        }
    }

    public override void OnStarted(long now)
    {
        if (!Started)
        {
            Started = true;
            if (IsStart && WaitingTime != -1 && _active)
            {
                _scheduler.NotifyAt(now + WaitingTime);
            }
        }
    }

    /// <summary>The other side of an <c>and</c> arrived: may it complete the step, given this absent side?</summary>
    public bool PartnerCanProceed(PatternMatch match)
    {
        if (IsSequence && ThisPost.NextEvery is null && _lastArrivalTime > 0)
        {
            return false;
        }

        if (WaitingTime == -1)
        {
            if (ThisPost.NextEvery is null)
            {
                return match.Events[Slot] is null;
            }

            if (_lastArrivalTime > 0)
            {
                _lastArrivalTime = 0;
                Init();
                return false;
            }

            return true;
        }

        return match.Events[Slot] is not null;
    }
}

/// <summary>The exit of an absent logical side: a matching event marks the side as broken (Siddhi's <c>AbsentLogicalPostStateProcessor</c>).</summary>
internal sealed class AbsentLogicalPostState : LogicalPostState
{
    public AbsentLogicalPostState(int slot, bool isAnd)
        : base(slot, isAnd)
    {
    }

    public override void Process(PatternMatch match)
    {
        ThisPre.StateChanged = true;
        IsEventReturned = true;
        ((IAbsentState)ThisPre).UpdateLastArrivalTime(match.Events[Slot]!.Timestamp);
    }
}
