using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// <c>#window.unique:length(key, n)</c>: a sliding window over the latest events with distinct keys. An event whose key
/// is held replaces the held one, which leaves EXPIRED (re-stamped with now) right before the newcomer; once n keys
/// have been seen, an event of a new key makes the oldest held event leave. Siddhi: <c>UniqueLengthWindowProcessor</c>.
/// </summary>
/// <remarks>
/// As in Siddhi, the count of keys only grows (an event that left for length keeps its key known): a later event of
/// that key expires the old event once more, and every new key after the first n pushes the oldest out.
/// </remarks>
[SiddhiWindow("unique:length")]
public sealed class UniqueLengthWindow<T, TKey, TKeyAccessor> : IWindow<T>
    where TKey : notnull
    where TKeyAccessor : IAttributeAccessor<T, TKey>
{
    private readonly AppClock _clock;
    private readonly int _length;
    private readonly Dictionary<TKey, StreamEvent<T>> _byKey = new();
    private readonly List<(TKey Key, StreamEvent<T> Event)> _held = new();
    private int _keysSeen;
    private StreamEvent<T>[]? _contents;

    public UniqueLengthWindow(AppClock clock, int length)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _clock = clock;
        _length = length;
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => _contents ??= _held.Select(h => h.Event).ToArray();

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
            var held = new StreamEvent<T>(e.Timestamp, e.Data, EventKind.Expired);
            var known = _byKey.TryGetValue(key, out var old);
            _byKey[key] = held;
            if (!known)
            {
                _keysSeen++;
            }

            if (known)
            {
                _held.RemoveAll(h => EqualityComparer<TKey>.Default.Equals(h.Key, key));
                _held.Add((key, held));
                output.Add(now, in old.Data, EventKind.Expired);
            }
            else if (_keysSeen > _length && _held.Count > 0)
            {
                var oldest = _held[0].Event;
                output.Add(now, in oldest.Data, EventKind.Expired);
                _held.RemoveAt(0);
                _held.Add((key, held));
            }
            else if (_keysSeen <= _length)
            {
                _held.Add((key, held));
            }
            else
            {
                // length(0): the event passes with its own expiry.
                output.Add(now, in e.Data, EventKind.Expired);
            }

            output.Add(e.Timestamp, in e.Data, EventKind.Current);
        }

        _contents = null;
        output.CloseChunk();
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Count-based: no timers.
    }
}
