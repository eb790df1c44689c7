namespace SiddhiGen.Runtime.Patterns;

/// <summary>
/// One event held by a partial match: its time and its data (the stream's event struct, boxed once when it joins a
/// match). A counting slot holds a chain of them, oldest first.
/// </summary>
public sealed class PatternEvent
{
    public PatternEvent(long timestamp, object? data)
    {
        Timestamp = timestamp;
        Data = data;
    }

    public long Timestamp { get; }

    public object? Data { get; }

    /// <summary>The next event collected by the same counting slot.</summary>
    public PatternEvent? Next { get; internal set; }
}

/// <summary>
/// A partial (or complete) match of a pattern or sequence: Siddhi's <c>StateEvent</c>. One slot per event of the
/// query in Siddhi's order; a slot is empty until its step takes an event.
/// </summary>
/// <remarks>
/// A copy shares the slots' event chains with its original, as Siddhi's <c>StateEventCloner</c> does: a count that
/// goes on collecting after a copy was taken is seen by both.
/// </remarks>
public sealed class PatternMatch
{
    internal PatternMatch(int slots) => Events = new PatternEvent?[slots];

    /// <summary>The first event of each slot (a counting slot: the first of its chain).</summary>
    internal PatternEvent?[] Events { get; }

    /// <summary>The time of the event that last advanced the match; -1 for a start state that has seen nothing.</summary>
    public long Timestamp { get; internal set; } = -1;

    /// <summary>Dropped by <c>within</c>; such a match re-arms an enclosing <c>every</c> only once.</summary>
    internal bool Expired { get; set; }

    internal PatternMatch Copy()
    {
        var copy = new PatternMatch(Events.Length) { Timestamp = Timestamp, Expired = Expired };
        System.Array.Copy(Events, copy.Events, Events.Length);
        return copy;
    }

    /// <summary>
    /// The data of one event of a slot, or null: <paramref name="index"/> ≥ 0 counts from the first event,
    /// -1 is the last, -2 the one before it (<c>e1[last - 1]</c>), and so on.
    /// </summary>
    public object? At(int slot, int index)
    {
        var e = Events[slot];
        if (e is null)
        {
            return null;
        }

        if (index >= 0)
        {
            for (var i = 0; i < index && e is not null; i++)
            {
                e = e.Next;
            }

            return e?.Data;
        }

        var count = 0;
        for (var c = e; c is not null; c = c.Next)
        {
            count++;
        }

        var position = count + index;
        if (position < 0)
        {
            return null;
        }

        for (var i = 0; i < position; i++)
        {
            e = e!.Next;
        }

        return e!.Data;
    }

    /// <summary>The data of a slot's last event, or null when the slot is empty.</summary>
    public object? Last(int slot) => At(slot, -1);

    /// <summary>The data of every event a counting slot collected, oldest first.</summary>
    public System.Collections.Generic.IEnumerable<object?> All(int slot)
    {
        for (var e = Events[slot]; e is not null; e = e.Next)
        {
            yield return e.Data;
        }
    }

    internal void Add(int slot, PatternEvent e)
    {
        var last = Events[slot];
        if (last is null)
        {
            Events[slot] = e;
            return;
        }

        while (last.Next is not null)
        {
            last = last.Next;
        }

        last.Next = e;
    }

    internal void RemoveLast(int slot)
    {
        var e = Events[slot];
        if (e is null)
        {
            return;
        }

        if (e.Next is null)
        {
            Events[slot] = null;
            return;
        }

        while (e.Next!.Next is not null)
        {
            e = e.Next;
        }

        e.Next = null;
    }

    internal int CountOf(int slot)
    {
        var n = 0;
        for (var e = Events[slot]; e is not null; e = e.Next)
        {
            n++;
        }

        return n;
    }

    internal PatternEvent? LastEvent(int slot)
    {
        var e = Events[slot];
        while (e?.Next is not null)
        {
            e = e.Next;
        }

        return e;
    }
}
