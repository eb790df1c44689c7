namespace SiddhiGen.Runtime;

/// <summary>
/// <c>stdDev(int|long|float|double)</c>: the DOUBLE population standard deviation (Welford, <c>sqrt(M2 / n)</c>),
/// 0.0 for one value, null when empty. Nulls are ignored. The arithmetic follows Siddhi step by step (including
/// its removal update), so results match it bit for bit.
/// </summary>
public struct StdDevAggregator : IAttributeAggregator<double?, double?>, IStatePart
{
    /// <summary>Running mean.</summary>
    private double _mean;

    /// <summary>Sum of squared deviations (M2).</summary>
    private double _m2;

    /// <summary>Running total.</summary>
    private double _sum;

    /// <summary>Values held (Siddhi uses an int).</summary>
    private int _count;

    /// <inheritdoc />
    public readonly double? Value => _count switch
    {
        0 => null,
        1 => 0.0,
        _ => Math.Sqrt(_m2 / _count),
    };

    /// <inheritdoc />
    public void Add(double? value)
    {
        if (value is not { } v)
        {
            return;
        }

        _count++;
        if (_count == 1)
        {
            _sum = _mean = v;
            _m2 = 0.0;
        }
        else
        {
            var oldMean = _mean;
            _sum += v;
            _mean = _sum / _count;
            _m2 += (v - oldMean) * (v - _mean);
        }
    }

    /// <inheritdoc />
    public void Remove(double? value)
    {
        if (value is not { } v)
        {
            return;
        }

        _count--;
        if (_count == 0)
        {
            _sum = _mean = _m2 = 0.0;
        }
        else
        {
            var oldMean = _mean;
            _sum -= v;
            _mean = _sum / _count;
            _m2 -= (v - oldMean) * (v - _mean);
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _sum = _mean = _m2 = 0.0;
        _count = 0;
    }

    public readonly void WriteState(StateWriter writer)
    {
        writer.WriteDouble(_mean);
        writer.WriteDouble(_m2);
        writer.WriteDouble(_sum);
        writer.WriteInt32(_count);
    }

    public void ReadState(StateReader reader)
    {
        _mean = reader.ReadDouble();
        _m2 = reader.ReadDouble();
        _sum = reader.ReadDouble();
        _count = reader.ReadInt32();
    }
}
