using System.Numerics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>min(int|long|float|double)</c>: the smallest value held, of the argument's type; null when nothing is held.
/// Null values are ignored. Correct under any expiry order (see <see cref="ExtremumAggregator{TNum}"/>).
/// </summary>
/// <typeparam name="TNum">The argument type: <c>int</c>, <c>long</c>, <c>float</c> or <c>double</c>.</typeparam>
public sealed class MinAggregator<TNum> : ExtremumAggregator<TNum>
    where TNum : struct, INumber<TNum>
{
    /// <summary>An empty aggregate.</summary>
    public MinAggregator()
        : base(max: false)
    {
    }
}
