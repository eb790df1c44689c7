namespace SiddhiGen.Runtime;

/// <summary>
/// Snapshots of what an on-demand query reads, for the registrations generated apps make
/// (<c>RegisterQueryable</c>): the events a named window holds, copied to positional rows.
/// </summary>
public static class QueryableRows
{
    /// <summary>Copies <paramref name="events"/> (for example a window's <c>Contents</c>) to rows with their timestamps.</summary>
    public static DynamicEvent[] From<T>(ReadOnlySpan<StreamEvent<T>> events, Func<T, object?[]> toRow)
    {
        ArgumentNullException.ThrowIfNull(toRow);
        var rows = new DynamicEvent[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            rows[i] = new DynamicEvent(events[i].Timestamp, toRow(events[i].Data), IsExpired: false);
        }

        return rows;
    }
}
