namespace SiddhiGen.Runtime;

/// <summary>
/// Finds the retained row an EXPIRED row takes out of a windowed <c>output snapshot</c>. The generator emits a small
/// struct per query whose static method compares the visible output attributes, so the call compiles to field
/// comparisons.
/// </summary>
/// <remarks>
/// Siddhi compares output data arrays element by element with Java <c>equals</c> (null equals null; <c>Double</c>
/// and <c>Float</c> compare their bits, so NaN equals NaN and 0.0 differs from -0.0). Without aggregates every
/// attribute is compared (<c>WindowedPerSnapshotOutputRateLimiter</c>); with some aggregates the aggregate
/// attributes are skipped (<c>AggregationWindowedPerSnapshotOutputRateLimiter</c>). Hidden attributes the generator
/// adds to the row (group keys) are not part of Siddhi's output data and should not be compared.
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
public interface ISnapshotRowMatcher<T>
{
    /// <summary>True when <paramref name="expired"/> is the expiry of <paramref name="retained"/>.</summary>
    static abstract bool Matches(in T retained, in T expired);
}
