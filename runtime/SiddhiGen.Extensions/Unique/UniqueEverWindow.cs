using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// <c>#window.unique:ever(key, ...)</c>: holds the latest event of every key, forever. An event whose key is held
/// replaces the older one, which leaves as EXPIRED (re-stamped with now) right before the newcomer, in the same chunk.
/// Siddhi: <c>UniqueEverWindowProcessor</c>.
/// </summary>
/// <remarks>The key is the key attributes' values together; Siddhi joins their text, so ("a","bc") and ("ab","c") would be one key there.</remarks>
[SiddhiWindow("unique:ever")]
public sealed class UniqueEverWindow<T, TKey, TKeyAccessor> : IWindow<T>
    where TKey : notnull
    where TKeyAccessor : IAttributeAccessor<T, TKey>
{
    private readonly AppClock _clock;
    private readonly Dictionary<TKey, StreamEvent<T>> _latest = new();
    private StreamEvent<T>[]? _contents;

    public UniqueEverWindow(AppClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => _contents ??= _latest.Values.ToArray();

    /// <inheritdoc />
    public void Process(ReadOnlySpan<StreamEvent<T>> chunk, WindowOutput<T> output)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        var now = _clock.Now;
        foreach (ref readonly var e in chunk)
        {
            var key = TKeyAccessor.Get(in e.Data);
            if (_latest.TryGetValue(key, out var old))
            {
                output.Add(now, in old.Data, EventKind.Expired);
            }

            _latest[key] = new StreamEvent<T>(e.Timestamp, e.Data, EventKind.Expired);
            output.Add(e.Timestamp, in e.Data, EventKind.Current);
        }

        _contents = null;
        output.CloseChunk();
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Key-based: no timers.
    }
}
