namespace SiddhiGen.Runtime;

/// <summary>Helpers limiters use to build and send their output chunks.</summary>
internal static class RateLimiterEmit
{
    /// <summary>Sends a limiter's reusable output buffer as one chunk and empties it, also when a downstream receiver throws.</summary>
    public static void EmitAndClear<T>(QueryOutput<T> output, EventBuffer<T> chunk)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        try
        {
            output.Emit(chunk);
        }
        finally
        {
            chunk.Clear();
        }
    }

    /// <summary>Appends the kept row of every key to <paramref name="chunk"/>, keys in order of first appearance.</summary>
    public static void AddAll<TKey, T>(EventBuffer<T> chunk, InsertionOrderedMap<TKey, StreamEvent<T>> latest)
        where TKey : notnull
    {
        for (var i = 0; i < latest.Count; i++)
        {
            chunk.Add(in latest.ValueAt(i));
        }
    }
}
