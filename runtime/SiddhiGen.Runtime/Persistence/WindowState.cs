namespace SiddhiGen.Runtime;

/// <summary>
/// Saves and restores the runtime's windows for the generated operators: a window that has no snapshot form yet makes
/// the snapshot fail, naming it, instead of being skipped.
/// </summary>
public static class WindowState
{
    public static void Write<T>(IWindow<T> window, StateWriter writer, IStateCodec<T> codec)
    {
        if (window is not IStatePart<T> part)
        {
            throw Unsupported(window);
        }

        part.WriteState(writer, codec);
    }

    public static void Read<T>(IWindow<T> window, StateReader reader, IStateCodec<T> codec)
    {
        if (window is not IStatePart<T> part)
        {
            throw Unsupported(window);
        }

        part.ReadState(reader, codec);
    }

    /// <summary>A queue that may be absent (a window keeps some only when configured to): absent writes as empty.</summary>
    internal static void WriteQueue<T>(StateWriter writer, EventQueue<T>? queue, IStateCodec<T> codec) =>
        writer.WriteEvents(queue is null ? default : queue.Span, codec);

    internal static void ReadQueue<T>(StateReader reader, EventQueue<T>? queue, IStateCodec<T> codec)
    {
        if (queue is not null)
        {
            reader.ReadEvents(queue, codec);
        }
        else if (reader.ReadCount() != 0)
        {
            throw new SnapshotException("The snapshot holds events for a queue this window does not keep: it is of another app version.");
        }
    }

    private static SnapshotException Unsupported(object window)
    {
        var name = window.GetType().Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return new SnapshotException($"window '{(tick < 0 ? name : name[..tick])}' has no snapshot support yet.");
    }
}

/// <summary>Saves and restores the runtime's output rate limiters; one without a snapshot form yet fails the snapshot, naming it.</summary>
public static class RateLimiterState
{
    public static void Write<T>(IOutputRateLimiter<T> limiter, StateWriter writer, IStateCodec<T> codec)
    {
        if (limiter is not IStatePart<T> part)
        {
            throw Unsupported(limiter);
        }

        part.WriteState(writer, codec);
    }

    public static void Read<T>(IOutputRateLimiter<T> limiter, StateReader reader, IStateCodec<T> codec)
    {
        if (limiter is not IStatePart<T> part)
        {
            throw Unsupported(limiter);
        }

        part.ReadState(reader, codec);
    }

    internal static void ReadBuffer<T>(StateReader reader, EventBuffer<T> buffer, IStateCodec<T> codec)
    {
        buffer.Clear();
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            buffer.Add(reader.ReadEvent(codec));
        }
    }

    private static SnapshotException Unsupported(object limiter)
    {
        var name = limiter.GetType().Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return new SnapshotException($"output rate limiter '{(tick < 0 ? name : name[..tick])}' has no snapshot support yet.");
    }
}
