using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>count()</c> and <c>count(x)</c>: a LONG count of events, nulls included (the argument is never looked at).
/// Falls to 0 when everything has expired and after a reset; never null.
/// </summary>
public struct CountAggregator : IAttributeAggregator<object?, long>, IStatePart
{
    /// <summary>Events held.</summary>
    private long _count;

    /// <inheritdoc />
    public readonly long Value => _count;

    /// <summary>A CURRENT event.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add() => _count++;

    /// <summary>An EXPIRED event.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove() => _count--;

    /// <inheritdoc />
    public void Reset() => _count = 0;

    /// <inheritdoc />
    void IAttributeAggregator<object?, long>.Add(object? value) => Add();

    /// <inheritdoc />
    void IAttributeAggregator<object?, long>.Remove(object? value) => Remove();

    public readonly void WriteState(StateWriter writer)
    {
        writer.WriteInt64(_count);
    }

    public void ReadState(StateReader reader)
    {
        _count = reader.ReadInt64();
    }
}
