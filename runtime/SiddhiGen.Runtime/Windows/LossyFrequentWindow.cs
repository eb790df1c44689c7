using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.lossyFrequent(support [, error] [, attr...])</c> (deprecated in Siddhi): Lossy Counting with bucket
/// width <c>ceil(1/error)</c>. Every event is counted under its key (the window keeps the latest event per key);
/// it is emitted CURRENT only when its key's count is at least <c>(support - error) * N</c> for <c>N</c> events seen.
/// At each bucket boundary keys with <c>count + bucket &lt;= currentBucket</c> are pruned and emitted EXPIRED.
/// </summary>
/// <typeparam name="T">The event payload.</typeparam>
/// <typeparam name="TKey">The key (see <see cref="FrequentWindow{T, TKey, TKeyOf}"/>).</typeparam>
/// <typeparam name="TKeyOf">Reads the key from an event.</typeparam>
/// <remarks>Siddhi: <c>LossyFrequentWindowProcessor</c>; arithmetic follows its int/double mix exactly. Pruning
/// order is key insertion order (Siddhi: hash order).</remarks>
[DebuggerDisplay("lossyFrequent({_support}, {_error}), Keys = {_table.Count}")]
public sealed class LossyFrequentWindow<T, TKey, TKeyOf> : IWindow<T>, IStatePart<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
{
    /// <summary>Where "now" comes from for re-stamping.</summary>
    private readonly AppClock _clock;

    /// <summary>The support threshold (fraction of all events).</summary>
    private readonly double _support;

    /// <summary>The allowed error (fraction of all events).</summary>
    private readonly double _error;

    /// <summary>Events per bucket: <c>ceil(1 / error)</c>.</summary>
    private readonly double _windowWidth;

    /// <summary>Keys with their counts, buckets and latest events.</summary>
    private readonly KeyedEventTable<T, TKey> _table = new(16);

    /// <summary>Events seen (N).</summary>
    private int _totalCount;

    /// <summary>The current bucket id: <c>ceil(N / width)</c>.</summary>
    private double _currentBucketId = 1;

    /// <param name="clock">The app clock (expired events are stamped with its time).</param>
    /// <param name="support">The support threshold.</param>
    /// <param name="error">The error bound; defaults to <c>support / 10</c>.</param>
    public LossyFrequentWindow(AppClock clock, double support, double? error = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _support = support;
        _error = error ?? support / 10;
        _windowWidth = Math.Ceiling(1 / _error);
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
            _totalCount++;
            if (_totalCount != 1)
            {
                _currentBucketId = Math.Ceiling(_totalCount / _windowWidth);
            }

            var key = TKeyOf.Get(in e.Data);
            var held = new StreamEvent<T>(e.Timestamp, e.Data, EventKind.Expired);
            var slot = _table.Find(key);
            if (slot >= 0)
            {
                _table.EventAt(slot) = held;
                _table.CountAt(slot)++;
            }
            else
            {
                slot = _table.Add(key, in held, count: 1, bucket: (int)_currentBucketId - 1);
            }

            if (_table.CountAt(slot) >= (_support - _error) * _totalCount)
            {
                output.Add(e.Timestamp, in e.Data, EventKind.Current);
            }

            if (_totalCount % _windowWidth == 0)
            {
                Prune(now, output);
            }
        }

        output.CloseChunk();
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Count-based: no timers.
    }

    /// <summary>Drops the keys that cannot be frequent any more.</summary>
    private void Prune(long now, WindowOutput<T> output)
    {
        var pruned = false;
        for (var i = 0; i < _table.Count; i++)
        {
            if (_table.CountAt(i) + _table.BucketAt(i) <= _currentBucketId)
            {
                output.Add(now, in _table.EventAt(i).Data, EventKind.Expired);
                _table.MarkRemoved(i);
                pruned = true;
            }
        }

        if (pruned)
        {
            _table.Compact();
        }
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        _table.WriteState(writer, codec);
        writer.WriteInt32(_totalCount);
        writer.WriteDouble(_currentBucketId);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        _table.ReadState<TKeyOf>(reader, codec);
        _totalCount = reader.ReadInt32();
        _currentBucketId = reader.ReadDouble();
    }
}
