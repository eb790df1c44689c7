using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// A dictionary key that may wrap null (Siddhi counts null as a value), compared with the default equality of
/// <typeparamref name="TValue"/>.
/// </summary>
internal readonly struct NullableKey<TValue>(TValue value) : IEquatable<NullableKey<TValue>>
{
    public TValue Value { get; } = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(NullableKey<TValue> other) => EqualityComparer<TValue>.Default.Equals(Value, other.Value);

    public override bool Equals(object? obj) => obj is NullableKey<TValue> other && Equals(other);

    public override int GetHashCode() => Value is null ? 0 : EqualityComparer<TValue>.Default.GetHashCode(Value);
}
