namespace SiddhiGen.Runtime.Tests;

/// <summary>The tiny payload every window test uses, shaped like a generated event (nullable fields).</summary>
public readonly record struct TestEvent(string? Symbol, double? Price = null, long? Volume = null, long? Ts = null)
{
    public override string ToString() => Symbol ?? "null";
}

/// <summary>Reads and rewrites <see cref="TestEvent.Ts"/>, as a generated timestamp accessor would.</summary>
public readonly struct TsOf : IAttributeUpdater<TestEvent, long>
{
    public static long Get(in TestEvent e) => e.Ts ?? throw new InvalidOperationException("null timestamp");

    public static TestEvent With(in TestEvent e, long value) => e with { Ts = value };
}

/// <summary>Reads <see cref="TestEvent.Volume"/> as a <c>long</c> (a start.time attribute).</summary>
public readonly struct VolumeOf : IAttributeAccessor<TestEvent, long>
{
    public static long Get(in TestEvent e) => e.Volume ?? throw new InvalidOperationException("null volume");
}

/// <summary>Reads <see cref="TestEvent.Symbol"/> as a key.</summary>
public readonly struct SymbolOf : IAttributeAccessor<TestEvent, string>
{
    public static string Get(in TestEvent e) => e.Symbol ?? "null";
}

/// <summary><c>sort(n, price, 'asc')</c>.</summary>
public readonly struct PriceAscending : IComparer<TestEvent>
{
    public int Compare(TestEvent x, TestEvent y) => Nullable.Compare(x.Price, y.Price);
}

/// <summary><c>sort(n, price, 'desc', symbol)</c>.</summary>
public readonly struct PriceDescendingThenSymbol : IComparer<TestEvent>
{
    public int Compare(TestEvent x, TestEvent y)
    {
        var c = -Nullable.Compare(x.Price, y.Price);
        return c != 0 ? c : string.CompareOrdinal(x.Symbol, y.Symbol);
    }
}

/// <summary><c>sort(n, volume, 'asc', price, 'desc')</c>.</summary>
public readonly struct VolumeAscendingPriceDescending : IComparer<TestEvent>
{
    public int Compare(TestEvent x, TestEvent y)
    {
        var c = Nullable.Compare(x.Volume, y.Volume);
        return c != 0 ? c : -Nullable.Compare(x.Price, y.Price);
    }
}

/// <summary>The key of <c>frequent(k)</c> without attributes: every attribute.</summary>
public readonly struct AllAttributesOf : IAttributeAccessor<TestEvent, (string?, double?, long?, long?)>
{
    public static (string?, double?, long?, long?) Get(in TestEvent e) => (e.Symbol, e.Price, e.Volume, e.Ts);
}
