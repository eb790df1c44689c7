namespace SiddhiGen.Runtime;

/// <summary>Sends a limiter's reusable output buffer as one chunk and empties it, also when a downstream receiver throws.</summary>
internal static class RateLimiterEmit
{
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
}
