using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.frequent(k [, attr...])</c> (deprecated in Siddhi): Misra–Gries top-<c>k</c> over a key (the given
/// attributes, or all of them). A known key counts up and its event is emitted CURRENT (the window keeps the
/// latest event per key). A new key with room is added and emitted. A new key when <c>k</c> keys are held
/// decrements every count; keys reaching 0 leave and are emitted EXPIRED, and if that made room the new event
/// enters and is emitted CURRENT after them, otherwise it is dropped (emitted not at all).
/// </summary>
/// <typeparam name="T">The event payload.</typeparam>
/// <typeparam name="TKey">The key; Siddhi concatenates the attributes' string forms, a value tuple works as well.</typeparam>
/// <typeparam name="TKeyOf">Reads the key from an event.</typeparam>
/// <remarks>Siddhi iterates a hash map, so its expired order is arbitrary; we expire in key insertion order.
/// Siddhi: <c>FrequentWindowProcessor</c>.</remarks>
[DebuggerDisplay("frequent({_capacity}), Keys = {_table.Count}")]
public sealed class FrequentWindow<T, TKey, TKeyOf> : IWindow<T>, IStatePart<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
{
    /// <summary>Where "now" comes from for re-stamping.</summary>
    private readonly AppClock _clock;

    /// <summary>The number of keys tracked (k).</summary>
    private readonly int _capacity;

    /// <summary>Keys with their counts and latest events.</summary>
    private readonly KeyedEventTable<T, TKey> _table;

    /// <param name="clock">The app clock (expired events are stamped with its time).</param>
    /// <param name="count">The number of most frequent keys to track.</param>
    public FrequentWindow(AppClock clock, int count)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _clock = clock;
        _capacity = count;
        _table = new KeyedEventTable<T, TKey>(Math.Min(count, 1024));
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => _table.Events;

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
            var key = TKeyOf.Get(in e.Data);
            var held = new StreamEvent<T>(e.Timestamp, e.Data, EventKind.Expired);
            var slot = _table.Find(key);
            if (slot >= 0)
            {
                _table.EventAt(slot) = held;
                _table.CountAt(slot)++;
                output.Add(e.Timestamp, in e.Data, EventKind.Current);
                continue;
            }

            if (_table.Count >= _capacity)
            {
                // No room: decrement every key, evicting those that reach zero.
                var evicted = false;
                for (var i = 0; i < _table.Count; i++)
                {
                    if (--_table.CountAt(i) == 0)
                    {
                        output.Add(now, in _table.EventAt(i).Data, EventKind.Expired);
                        _table.MarkRemoved(i);
                        evicted = true;
                    }
                }

                if (evicted)
                {
                    _table.Compact();
                }

                if (_table.Count >= _capacity)
                {
                    continue; // Siddhi drops the event silently.
                }
            }

            _table.Add(key, in held, count: 1, bucket: 0);
            output.Add(e.Timestamp, in e.Data, EventKind.Current);
        }

        output.CloseChunk();
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Count-based: no timers.
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec) => _table.WriteState(writer, codec);

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec) => _table.ReadState<TKeyOf>(reader, codec);
}
