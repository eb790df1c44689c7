namespace SiddhiGen.Runtime;

/// <summary>
/// <c>or(bool)</c>: true when at least one true value is held; false when empty and after a reset. A null argument
/// throws, as Siddhi's unboxing does.
/// </summary>
public struct OrAggregator : IAttributeAggregator<bool?, bool>, IStatePart
{
    /// <summary>True values held.</summary>
    private int _trueCount;

    /// <inheritdoc />
    public readonly bool Value => _trueCount > 0;

    /// <inheritdoc />
    public void Add(bool? value)
    {
        if (Require(value))
        {
            _trueCount++;
        }
    }

    /// <inheritdoc />
    public void Remove(bool? value)
    {
        if (Require(value))
        {
            _trueCount--;
        }
    }

    /// <inheritdoc />
    public void Reset() => _trueCount = 0;

    private static bool Require(bool? value) => value ?? throw new InvalidOperationException("or() received a null value.");

    public readonly void WriteState(StateWriter writer)
    {
        writer.WriteInt32(_trueCount);
    }

    public void ReadState(StateReader reader)
    {
        _trueCount = reader.ReadInt32();
    }
}
