namespace SiddhiGen.Runtime;

/// <summary>
/// The app clock's pending timers while a snapshot is taken, grouped by target. Each timer target claims its own;
/// a timer nobody claimed belongs to state the snapshot does not cover, so the snapshot fails instead of losing it.
/// </summary>
internal sealed class TimerCapture
{
    private readonly Dictionary<ITimerTarget, List<(long Due, long Sequence)>> _byTarget = new(ReferenceEqualityComparer.Instance);

    public TimerCapture(IEnumerable<PendingTimer> pending)
    {
        foreach (var timer in pending)
        {
            if (!_byTarget.TryGetValue(timer.Target, out var list))
            {
                _byTarget.Add(timer.Target, list = []);
            }

            list.Add((timer.Due, timer.Sequence));
        }
    }

    public IReadOnlyList<(long Due, long Sequence)> Claim(ITimerTarget target)
    {
        if (!_byTarget.Remove(target, out var list))
        {
            return [];
        }

        list.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return list;
    }

    /// <summary>Fails when a pending timer was not claimed by any operator's state.</summary>
    public void EnsureAllClaimed()
    {
        foreach (var target in _byTarget.Keys)
        {
            throw new SnapshotException($"A timer of '{target.GetType().Name}' is pending but that part of the app has no snapshot support yet, so a snapshot would lose it.");
        }
    }
}

/// <summary>The timers read back from a snapshot, put on the clock in their original order once every operator has read its state.</summary>
internal sealed class TimerRestore
{
    private readonly List<PendingTimer> _timers = [];

    public void Add(long due, long sequence, ITimerTarget target) => _timers.Add(new PendingTimer(due, sequence, target));

    public IReadOnlyList<PendingTimer> InOrder()
    {
        _timers.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return _timers;
    }
}

/// <summary>A timer waiting on a clock: when it is due, the order it was scheduled in, and whom it calls.</summary>
internal readonly record struct PendingTimer(long Due, long Sequence, ITimerTarget Target);
