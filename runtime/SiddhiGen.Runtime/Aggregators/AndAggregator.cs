namespace SiddhiGen.Runtime;

/// <summary>
/// <c>and(bool)</c>: true when at least one true and no false value is held; false when empty and after a reset.
/// A null argument throws, as Siddhi's unboxing does (the event is then dropped by the app's error handling).
/// </summary>
public struct AndAggregator : IAttributeAggregator<bool?, bool>, IStatePart
{
    /// <summary>True values held.</summary>
    private int _trueCount;

    /// <summary>False values held.</summary>
    private int _falseCount;

    /// <inheritdoc />
    public readonly bool Value => _trueCount > 0 && _falseCount == 0;

    /// <inheritdoc />
    public void Add(bool? value)
    {
        if (Require(value))
        {
            _trueCount++;
        }
        else
        {
            _falseCount++;
        }
    }

    /// <inheritdoc />
    public void Remove(bool? value)
    {
        if (Require(value))
        {
            _trueCount--;
        }
        else
        {
            _falseCount--;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _trueCount = 0;
        _falseCount = 0;
    }

    private static bool Require(bool? value) => value ?? throw new InvalidOperationException("and() received a null value.");

    public readonly void WriteState(StateWriter writer)
    {
        writer.WriteInt32(_trueCount);
        writer.WriteInt32(_falseCount);
    }

    public void ReadState(StateReader reader)
    {
        _trueCount = reader.ReadInt32();
        _falseCount = reader.ReadInt32();
    }
}
