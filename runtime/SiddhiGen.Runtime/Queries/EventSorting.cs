namespace SiddhiGen.Runtime;

/// <summary>
/// Sorting an output chunk for <c>order by</c>. Stable, as Java's list sort is, so rows with equal keys
/// keep their arrival order; insertion sort, since chunks are small and usually nearly sorted.
/// </summary>
public static class EventSorting
{
    public static void StableSort<T>(Span<StreamEvent<T>> events, Comparison<StreamEvent<T>> comparison)
    {
        for (var i = 1; i < events.Length; i++)
        {
            var item = events[i];
            var j = i - 1;
            while (j >= 0 && comparison(events[j], item) > 0)
            {
                events[j + 1] = events[j];
                j--;
            }

            events[j + 1] = item;
        }
    }

    /// <summary>Compares two nullable values; null sorts first, as Siddhi's comparator does.</summary>
    public static int Compare<TValue>(TValue? a, TValue? b)
        where TValue : struct, IComparable<TValue> =>
        a.HasValue ? (b.HasValue ? a.GetValueOrDefault().CompareTo(b.GetValueOrDefault()) : 1) : (b.HasValue ? -1 : 0);

    public static int Compare(string? a, string? b) => string.CompareOrdinal(a, b);

    /// <summary>Keeps <paramref name="limit"/> rows after skipping <paramref name="offset"/> (per chunk).</summary>
    public static void ApplyOffsetAndLimit<T>(EventBuffer<T> events, long offset, long limit)
    {
        var start = (int)Math.Min(Math.Max(offset, 0), events.Count);
        if (start > 0)
        {
            events.RemoveRange(0, start);
        }

        if (limit < events.Count)
        {
            events.Truncate((int)Math.Max(limit, 0));
        }
    }
}
