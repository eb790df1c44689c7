using System.Collections.Generic;

namespace SiddhiGen.Runtime.Patterns;

/// <summary>
/// The entry of one step of a pattern or sequence (Siddhi's <c>StreamPreStateProcessor</c>): the partial matches
/// waiting for this step's event (<see cref="Pending"/>), and those that reached it since the last event of its stream
/// (<see cref="Arrived"/>, Siddhi's new-and-every list), which join the waiting ones only before that stream's next event.
/// </summary>
internal class PreState
{
    public PreState(StateMachine machine, int slot) 
    {
        Machine = machine;
        Slot = slot;
    }

    public StateMachine Machine { get; }

    /// <summary>The match slot this step fills.</summary>
    public int Slot { get; }

    public bool IsStart { get; set; }

    public bool IsSequence => Machine.IsSequence;

    /// <summary>The step's condition, read with the candidate event already in its slot.</summary>
    public System.Func<PatternMatch, bool>? Filter { get; set; }

    /// <summary>The first step of the <c>every</c> this step is inside, which a match dropped by <c>within</c> re-arms.</summary>
    public PreState? WithinEvery { get; set; }

    public PostState ThisPost { get; set; } = null!;

    /// <summary>The exit whose "returned" flag says a match completed the query (the first step's is the last step's).</summary>
    public PostState ThisLast { get; set; } = null!;

    public List<PatternMatch> Pending { get; } = new();

    public List<PatternMatch> Arrived { get; } = new();

    public bool StateChanged { get; set; }

    protected bool Initialized { get; set; }

    protected bool Started { get; set; }

    /// <summary>Arms a start step: a fresh, empty match waits for its first event.</summary>
    public virtual void Init()
    {
        if (IsStart && (!Initialized || ThisPost.NextEvery is not null || (IsSequence && ThisPost.Next is IAbsentState)))
        {
            AddState(Machine.NewMatch());
            Initialized = true;
        }
    }

    public void AddState(PatternMatch match) => AddStateCore(match);

    protected virtual void AddStateCore(PatternMatch match)
    {
        if (!IsSequence || Arrived.Count == 0)
        {
            Arrived.Add(match);
        }
    }

    /// <summary><c>every</c>: a copy of the match, emptied from this step on, starts over here.</summary>
    public virtual void AddEveryState(PatternMatch match)
    {
        Arrived.Add(CopyFromHere(match));
    }

    protected PatternMatch CopyFromHere(PatternMatch match)
    {
        var copy = match.Copy();
        copy.Expired = false;
        for (var i = Slot; i < copy.Events.Length; i++)
        {
            copy.Events[i] = null;
        }

        return copy;
    }

    public virtual void ResetState()
    {
        Pending.Clear();
        if (IsStart && Arrived.Count == 0)
        {
            if (IsSequence && ThisPost.NextEvery is null && ThisPost.Next is { Pending.Count: > 0 })
            {
                return;
            }

            Init();
        }
    }

    public virtual void UpdateState() => MoveArrivedToPending();

    public void MoveArrivedToPending()
    {
        if (Arrived.Count == 0)
        {
            return;
        }

        SortByTime(Arrived);
        Pending.AddRange(Arrived);
        Arrived.Clear();
    }

    /// <summary>Stable sort by time, matches that have seen nothing (-1) last, as Siddhi's comparator.</summary>
    private static void SortByTime(List<PatternMatch> list)
    {
        if (list.Count < 2)
        {
            return;
        }

        var sorted = true;
        for (var i = 1; i < list.Count && sorted; i++)
        {
            sorted = Compare(list[i - 1], list[i]) <= 0;
        }

        if (sorted)
        {
            return;
        }

        var keyed = new List<(PatternMatch Match, int Order)>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            keyed.Add((list[i], i));
        }

        keyed.Sort((a, b) => Compare(a.Match, b.Match) is var c && c != 0 ? c : a.Order.CompareTo(b.Order));
        for (var i = 0; i < list.Count; i++)
        {
            list[i] = keyed[i].Match;
        }
    }

    private static int Compare(PatternMatch a, PatternMatch b) =>
        a.Timestamp == -1 ? (b.Timestamp == -1 ? 0 : 1) : b.Timestamp == -1 ? -1 : a.Timestamp.CompareTo(b.Timestamp);

    /// <summary><c>within</c>: a match whose start event is older than the limit.</summary>
    protected bool IsExpired(PatternMatch match, long now)
    {
        if (Machine.Within < 0)
        {
            return false;
        }

        foreach (var start in Machine.StartSlots)
        {
            var e = match.Events[start];
            if (e is not null && System.Math.Abs(e.Timestamp - now) > Machine.Within)
            {
                return true;
            }
        }

        return false;
    }

    public void ExpireEvents(long now)
    {
        if (Machine.Within < 0)
        {
            return;
        }

        // Waiting matches are in time order: the expired ones are a prefix, removed at once.
        PatternMatch? expired = null;
        var dropped = 0;
        while (dropped < Pending.Count && IsExpired(Pending[dropped], now))
        {
            var match = Pending[dropped++];
            if (!match.Expired)
            {
                match.Expired = true;
                expired = match;
            }
        }

        Pending.RemoveRange(0, dropped);

        // Arrivals come in time order too: past the first one still within the limit, none has expired.
        dropped = 0;
        while (dropped < Arrived.Count && IsExpired(Arrived[dropped], now))
        {
            var match = Arrived[dropped++];
            if (!match.Expired)
            {
                match.Expired = true;
                expired = match;
            }
        }

        Arrived.RemoveRange(0, dropped);
        if (expired is not null && WithinEvery is not null)
        {
            WithinEvery.AddEveryState(expired);
            WithinEvery.UpdateState();
        }
    }

    /// <summary>Runs the step's condition over a match holding the candidate; a passing match goes to the exit.</summary>
    protected void Process(PatternMatch match)
    {
        StateChanged = false;
        if (Filter is null || Filter(match))
        {
            ThisPost.Process(match);
        }
    }

    /// <summary>Offers one event of this step's stream to every waiting match; returns the matches it completed.</summary>
    public virtual void ProcessAndReturn(long timestamp, object data, List<PatternMatch> completed)
    {
        for (var i = 0; i < Pending.Count; i++)
        {
            var match = Pending[i];
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
                    if (RemoveOnNoStateChange)
                    {
                        Pending.RemoveAt(i--);
                    }

                    ThisPost.CallbackCount?.StartStateReset();
                }
            }
        }
    }

    protected virtual bool RemoveOnNoStateChange => IsSequence;

    /// <summary>The app (or partition instance) started: a leading absent step starts its wait.</summary>
    public virtual void OnStarted(long now)
    {
    }

    /// <summary>
    /// Hands on a match whose absent wait is over: it completes at the last step, goes to the next step, and restarts
    /// an enclosing <c>every</c>. Returns whether a start step must stop waiting (no <c>every</c> re-arms it).
    /// </summary>
    protected bool ForwardFromAbsent(PatternMatch match)
    {
        if (ThisPost.IsLast)
        {
            Machine.Complete(match);
        }

        ThisPost.Next?.AddState(match);
        if (ThisPost.NextEvery is { } every)
        {
            every.AddEveryState(match);
            return false;
        }

        return IsStart;
    }
}

/// <summary>A step whose deadline the clock tracks (<c>not A for t</c>).</summary>
internal interface IAbsentState
{
    void UpdateLastArrivalTime(long timestamp);
}

/// <summary>
/// The exit of one step (Siddhi's <c>StreamPostStateProcessor</c>): a match that passed the step's condition moves on
/// to the next step, restarts an enclosing <c>every</c>, or, at the last step, completes.
/// </summary>
internal class PostState
{
    public PostState(int slot) => Slot = slot;

    public int Slot { get; }

    public PreState ThisPre { get; set; } = null!;

    public virtual PreState? Next { get; set; }

    public virtual PreState? NextEvery { get; set; }

    /// <summary>True at the query's end: completed matches go to the selector.</summary>
    public bool IsLast { get; set; }

    /// <summary>A leading optional count of a sequence (<c>e1=A*, ...</c>), re-armed when this step passes.</summary>
    public CountPreState? CallbackCount { get; set; }

    public bool IsEventReturned { get; set; }

    public virtual void Process(PatternMatch match)
    {
        ThisPre.StateChanged = true;
        match.Timestamp = match.Events[Slot]!.Timestamp;
        if (IsLast)
        {
            IsEventReturned = true;
        }

        Next?.AddState(match);
        NextEvery?.AddEveryState(match);
        CallbackCount?.StartStateReset();
    }
}
