namespace SiddhiGen.Runtime.Tests.RateLimiting;

/// <summary>
/// The output row of the corpus's ratelimit apps (<c>select ip [, count() as total]</c>), shaped like a generated
/// row. <see cref="Key"/> stands for a hidden group-key field the generator adds when the key is not selected.
/// </summary>
public readonly record struct LimiterRow(string? Ip, long? Total = null, string? Key = null)
{
    /// <summary><c>ip</c>, <c>ip:total</c>, or just <c>total</c> when only the aggregate is selected (no ip).</summary>
    public override string ToString() => (Ip, Total) switch
    {
        (null, { } total) => total.ToString(System.Globalization.CultureInfo.InvariantCulture),
        (_, { } total) => $"{Ip ?? "null"}:{total}",
        _ => Ip ?? "null",
    };
}

/// <summary>Reads the group key <c>ip</c> (or the hidden key when set), as a generated accessor would.</summary>
public readonly struct LimiterRowKeyOf : IAttributeAccessor<LimiterRow, ValueTuple<string?>>
{
    public static ValueTuple<string?> Get(in LimiterRow e) => new(e.Key ?? e.Ip);
}

/// <summary>Matches on every visible attribute (Siddhi: <c>Arrays.equals</c> on the output data).</summary>
public readonly struct LimiterRowMatcher : ISnapshotRowMatcher<LimiterRow>
{
    public static bool Matches(in LimiterRow retained, in LimiterRow expired) =>
        retained.Ip == expired.Ip && retained.Total == expired.Total;
}

/// <summary><c>total</c> is the aggregate: match on <c>ip</c>, copy <c>total</c>.</summary>
public readonly struct LimiterRowAggregates : ISnapshotAggregates<LimiterRow>
{
    public static bool Matches(in LimiterRow retained, in LimiterRow expired) => retained.Ip == expired.Ip;

    public static LimiterRow WithAggregatesOf(in LimiterRow row, in LimiterRow aggregates) => row with { Total = aggregates.Total };
}
