using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// The operators generated code calls where Siddhi's semantics differ from C#'s lifted operators:
/// equality with a null side is false (so <c>!=</c> is true), and division or modulo by zero is null
/// for every numeric type, doubles included.
/// </summary>
public static class SiddhiOps
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(int? a, int? b) => a.HasValue && b.HasValue && a.GetValueOrDefault() == b.GetValueOrDefault();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(long? a, long? b) => a.HasValue && b.HasValue && a.GetValueOrDefault() == b.GetValueOrDefault();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(float? a, float? b) => a.HasValue && b.HasValue && a.GetValueOrDefault() == b.GetValueOrDefault();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(double? a, double? b) => a.HasValue && b.HasValue && a.GetValueOrDefault() == b.GetValueOrDefault();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(bool? a, bool? b) => a.HasValue && b.HasValue && a.GetValueOrDefault() == b.GetValueOrDefault();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.Ordinal);

    public static bool Equal(object? a, object? b) => a is not null && b is not null && a.Equals(b);

    public static int? Divide(int? a, int? b) =>
        a.HasValue && b.HasValue && b.GetValueOrDefault() != 0
            ? (b.GetValueOrDefault() == -1 ? unchecked(-a.GetValueOrDefault()) : a.GetValueOrDefault() / b.GetValueOrDefault())
            : null;

    public static long? Divide(long? a, long? b) =>
        a.HasValue && b.HasValue && b.GetValueOrDefault() != 0
            ? (b.GetValueOrDefault() == -1 ? unchecked(-a.GetValueOrDefault()) : a.GetValueOrDefault() / b.GetValueOrDefault())
            : null;

    public static float? Divide(float? a, float? b) =>
        a.HasValue && b.HasValue && b.GetValueOrDefault() != 0 ? a.GetValueOrDefault() / b.GetValueOrDefault() : null;

    public static double? Divide(double? a, double? b) =>
        a.HasValue && b.HasValue && b.GetValueOrDefault() != 0 ? a.GetValueOrDefault() / b.GetValueOrDefault() : null;

    // Java's remainder takes the dividend's sign, as C#'s does; MinValue % -1 is 0 in Java, an overflow in C#.
    public static int? Modulo(int? a, int? b) =>
        a.HasValue && b.HasValue && b.GetValueOrDefault() != 0
            ? (b.GetValueOrDefault() == -1 ? 0 : a.GetValueOrDefault() % b.GetValueOrDefault())
            : null;

    public static long? Modulo(long? a, long? b) =>
        a.HasValue && b.HasValue && b.GetValueOrDefault() != 0
            ? (b.GetValueOrDefault() == -1 ? 0 : a.GetValueOrDefault() % b.GetValueOrDefault())
            : null;

    public static float? Modulo(float? a, float? b) =>
        a.HasValue && b.HasValue && b.GetValueOrDefault() != 0 ? a.GetValueOrDefault() % b.GetValueOrDefault() : null;

    public static double? Modulo(double? a, double? b) =>
        a.HasValue && b.HasValue && b.GetValueOrDefault() != 0 ? a.GetValueOrDefault() % b.GetValueOrDefault() : null;
}
