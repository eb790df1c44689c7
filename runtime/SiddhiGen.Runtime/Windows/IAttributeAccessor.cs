namespace SiddhiGen.Runtime;

/// <summary>
/// Reads one attribute (or a composite key) of an event. The generator emits a small struct per use whose
/// static method is a direct field read, so a window calling <c>TAccessor.Get(in e)</c> compiles to it.
/// </summary>
/// <typeparam name="T">The event payload.</typeparam>
/// <typeparam name="TValue">The attribute's value type.</typeparam>
public interface IAttributeAccessor<T, TValue>
{
    /// <summary>The attribute's value in <paramref name="e"/>.</summary>
    static abstract TValue Get(in T e);
}

/// <summary>An accessor that can also produce a copy of the event with the attribute replaced.</summary>
public interface IAttributeUpdater<T, TValue> : IAttributeAccessor<T, TValue>
{
    /// <summary>A copy of <paramref name="e"/> whose attribute is <paramref name="value"/> (<c>e with { X = value }</c>).</summary>
    static abstract T With(in T e, TValue value);
}
