using System.Collections.Generic;

namespace SiddhiGen.Runtime.Patterns;

/// <summary>
/// An absent step <c>not A[c] for t</c> (Siddhi's <c>AbsentStreamPreStateProcessor</c>): a match that reaches it
/// passes on when <c>t</c> has gone by on the app's clock with no matching A; a matching A ends the match. The
/// deadline is a clock timer; a leading absent step starts its wait when the app starts.
/// </summary>
internal sealed class AbsentPreState : PreState, IAbsentState
{
    private readonly PatternScheduler _scheduler;
    private long _lastScheduledTime;

    /// <summary>False once a leading absent step without <c>every</c> has passed: the pattern never starts again.</summary>
    private bool _active = true;

    public AbsentPreState(StateMachine machine, int slot, long waitingTime)
        : base(machine, slot)
    {
        WaitingTime = waitingTime;
        _scheduler = new PatternScheduler(machine.Clock, OnTimer);
    }

    public long WaitingTime { get; }

    public void UpdateLastArrivalTime(long timestamp)
    {
        _lastScheduledTime = timestamp + WaitingTime;
        _scheduler.NotifyAt(_lastScheduledTime);
    }

    protected override void AddStateCore(PatternMatch match)
    {
        if (!_active)
        {
            return;
        }

        if (IsSequence)
        {
            Arrived.Clear();
        }

        Arrived.Add(match);
        if (!IsStart)
        {
            _lastScheduledTime = match.Timestamp + WaitingTime;
            _scheduler.NotifyAt(_lastScheduledTime);
        }
    }

    public override void AddEveryState(PatternMatch match)
    {
        Arrived.Add(CopyFromHere(match));
        _lastScheduledTime = match.Timestamp + WaitingTime;
        _scheduler.NotifyAt(_lastScheduledTime);
    }

    public override void ResetState()
    {
        Pending.Clear();
        if (IsStart)
        {
            if (IsSequence && ThisPost.NextEvery is null && ThisPost.Next is { Pending.Count: > 0 })
            {
                return;
            }

            Init();
        }
    }

    /// <summary>A deadline came: every match that has waited <c>t</c> with no matching event passes on.</summary>
    private void OnTimer(long currentTime)
    {
        if (!_active)
        {
            return;
        }

        var passed = new List<PatternMatch>();
        var initialize = IsStart && Arrived.Count == 0 && Pending.Count == 0;
        if (initialize && IsSequence && ThisPost.NextEvery is null && _lastScheduledTime > 0)
        {
            // A sequence without every whose start already saw an event.
            initialize = false;
        }

        if (initialize)
        {
            AddState(Machine.NewMatch());
        }
        else if (IsSequence && Arrived.Count != 0)
        {
            ResetState();
        }

        UpdateState();
        var kept = 0;
        for (var i = 0; i < Pending.Count; i++)
        {
            var match = Pending[i];
            if (IsExpired(match, currentTime))
            {
                if (WithinEvery is not null && ThisPost.NextEvery is { } every && every != this)
                {
                    every.AddEveryState(match);
                }

                continue;
            }

            if ((match.Timestamp == -1 && currentTime >= _lastScheduledTime) || (match.Timestamp != -1 && currentTime >= match.Timestamp + WaitingTime))
            {
                match.Timestamp = currentTime;
                passed.Add(match);
                continue;
            }

            Pending[kept++] = match;
        }

        Pending.RemoveRange(kept, Pending.Count - kept);
        WithinEvery?.UpdateState();
        foreach (var match in passed)
        {
            SendEvent(match);
        }

        var now = Machine.Clock.Now;
        if (now > WaitingTime + currentTime)
        {
            _lastScheduledTime = now + WaitingTime;
        }

        if (passed.Count == 0 && _lastScheduledTime < currentTime)
        {
            _lastScheduledTime = currentTime + WaitingTime;
            _scheduler.NotifyAt(_lastScheduledTime);
        }
    }

    private void SendEvent(PatternMatch match)
    {
        if (ForwardFromAbsent(match))
        {
            _active = false;
        }

        ThisPost.CallbackCount?.StartStateReset();
    }

    public override void ProcessAndReturn(long timestamp, object data, List<PatternMatch> completed)
    {
        if (!_active)
        {
            return;
        }

        // An arrival ends the matches it meets; it never completes one.
        base.ProcessAndReturn(timestamp, data, Machine.Discarded);
        Machine.Discarded.Clear();
    }

    protected override bool RemoveOnNoStateChange => false;

    public override void OnStarted(long now)
    {
        if (!Started)
        {
            Started = true;
            if (IsStart && _active)
            {
                _lastScheduledTime = now + WaitingTime;
                _scheduler.NotifyAt(_lastScheduledTime);
            }
        }
    }
}

/// <summary>The exit of an absent step: the matching event it saw restarts the wait (Siddhi's <c>AbsentStreamPostStateProcessor</c>).</summary>
internal sealed class AbsentPostState : PostState
{
    public AbsentPostState(int slot)
        : base(slot)
    {
    }

    public override void Process(PatternMatch match)
    {
        ThisPre.StateChanged = true;
        var e = match.Events[Slot]!;
        match.Timestamp = e.Timestamp;
        IsEventReturned = true;
        if (ThisPre.IsStart && NextEvery is not null && NextEvery == ThisPre)
        {
            NextEvery.AddEveryState(match);
        }

        ((IAbsentState)ThisPre).UpdateLastArrivalTime(e.Timestamp);
    }
}
