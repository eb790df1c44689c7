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

    /// <summary>
    /// The state of an expression window's condition (its aggregators). The condition is a generic struct, so it is
    /// boxed once per snapshot, never per event.
    /// </summary>
    internal static void WriteExpression<TExpression>(StateWriter writer, TExpression expression)
    {
        if (expression is not IStatePart part)
        {
            throw new SnapshotException($"the condition of an expression window ({typeof(TExpression).Name}) has no snapshot support yet.");
        }

        part.WriteState(writer);
    }

    internal static TExpression ReadExpression<TExpression>(StateReader reader, TExpression expression)
    {
        if (expression is not IStatePart part)
        {
            throw new SnapshotException($"the condition of an expression window ({typeof(TExpression).Name}) has no snapshot support yet.");
        }

        part.ReadState(reader);
        return (TExpression)part;
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

    /// <summary>Each key's latest row, in order of first appearance; the keys are read from the rows again on restore.</summary>
    internal static void WriteLatest<T, TKey>(StateWriter writer, InsertionOrderedMap<TKey, StreamEvent<T>> latest, IStateCodec<T> codec)
        where TKey : notnull
    {
        latest.Sweep();
        writer.WriteCount(latest.Count);
        for (var i = 0; i < latest.Count; i++)
        {
            writer.WriteEvent(in latest.ValueAt(i), codec);
        }
    }

    internal static void ReadLatest<T, TKey, TKeyOf>(StateReader reader, InsertionOrderedMap<TKey, StreamEvent<T>> latest, IStateCodec<T> codec)
        where TKey : notnull
        where TKeyOf : IAttributeAccessor<T, TKey>
    {
        latest.Clear();
        for (int i = 0, count = reader.ReadCount(); i < count; i++)
        {
            var row = reader.ReadEvent(codec);
            latest.GetOrAdd(TKeyOf.Get(in row.Data), out _) = row;
        }
    }

    /// <summary>
    /// The codec of a group key, for limiters that keep keys without rows: the generated key accessor is also the
    /// key's codec (boxed once per snapshot).
    /// </summary>
    internal static IStateCodec<TKey> KeyCodec<TKey, TKeyOf>() =>
        default(TKeyOf) as IStateCodec<TKey>
        ?? throw new SnapshotException($"the group key accessor {typeof(TKeyOf).Name} of a rate limiter has no snapshot codec.");

    internal static void WriteKeyed<TKey, TValue, TKeyOf>(StateWriter writer, Dictionary<TKey, TValue> map)
        where TKey : notnull
    {
        var keys = KeyCodec<TKey, TKeyOf>();
        writer.WriteCount(map.Count);
        foreach (var (key, value) in map)
        {
            keys.Write(writer, in key);
            writer.WriteValue(value);
        }
    }

    internal static void ReadKeyed<TKey, TValue, TKeyOf>(StateReader reader, Dictionary<TKey, TValue> map)
        where TKey : notnull
    {
        var keys = KeyCodec<TKey, TKeyOf>();
        map.Clear();
        for (int i = 0, count = reader.ReadCount(); i < count; i++)
        {
            var key = keys.Read(reader);
            map[key] = reader.ReadValue<TValue>();
        }
    }

    private static SnapshotException Unsupported(object limiter)
    {
        var name = limiter.GetType().Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return new SnapshotException($"output rate limiter '{(tick < 0 ? name : name[..tick])}' has no snapshot support yet.");
    }
}
