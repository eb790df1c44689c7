namespace SiddhiGen.Runtime;

/// <summary>The rows a windowed <c>output snapshot</c> limiter keeps while they are in the window.</summary>
internal static class RetainedRows
{
    /// <summary>
    /// Removes the first row of <paramref name="retained"/> that <typeparamref name="TMatch"/> matches with
    /// <paramref name="expired"/>; false when none does (Siddhi then removes nothing).
    /// </summary>
    public static bool RemoveFirstMatch<T, TMatch>(EventBuffer<T> retained, in T expired)
        where TMatch : ISnapshotRowMatcher<T>
    {
        var rows = retained.Span;
        for (var i = 0; i < rows.Length; i++)
        {
            if (TMatch.Matches(in rows[i].Data, in expired))
            {
                retained.RemoveRange(i, 1);
                return true;
            }
        }

        return false;
    }
}
