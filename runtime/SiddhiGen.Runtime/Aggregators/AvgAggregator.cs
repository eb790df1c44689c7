using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>avg(int|long|float|double)</c>: a DOUBLE mean, accumulated as a double total over a count (arguments widened to
/// double). Null values are ignored; the result is null while no non-null value is held.
/// </summary>
public struct AvgAggregator : IAttributeAggregator<double?, double?>, IStatePart
{
    /// <summary>The running total and count.</summary>
    private DoubleTally _tally;

    /// <inheritdoc />
    public readonly double? Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _tally.Count == 0 ? null : _tally.Sum / _tally.Count;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double? value) => _tally.Add(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(double? value) => _tally.Remove(value);

    /// <inheritdoc />
    public void Reset() => _tally.Reset();

    public readonly void WriteState(StateWriter writer)
    {
        writer.WriteDouble(_tally.Sum);
        writer.WriteInt64(_tally.Count);
    }

    public void ReadState(StateReader reader)
    {
        _tally.Sum = reader.ReadDouble();
        _tally.Count = reader.ReadInt64();
    }
}
