using System.Text.Json;
using SiddhiGen.Runtime;

namespace SiddhiGen.Conformance.Values;

/// <summary>
/// Decides whether a value our engine produced equals the one the reference produced (FORMAT.md):
/// int/long exactly, float as the same 32-bit value, double exactly, strings exactly, null as null.
/// The actual value's type decides how the expected JSON is read, so a float output is equal when
/// <c>(float)expected == actual</c>. An integer literal never equals a float or double (Java wrote
/// <c>5.0</c> for those) and a fraction never equals an int or long. NaN equals NaN.
/// </summary>
public static class ValueComparer
{
    public static bool AreEqual(JsonElement expected, object? actual)
    {
        if (actual is null || expected.ValueKind == JsonValueKind.Null)
        {
            return actual is null && expected.ValueKind == JsonValueKind.Null;
        }

        return actual switch
        {
            string s => expected.ValueKind == JsonValueKind.String && expected.GetString() == s,
            bool b => expected.ValueKind == (b ? JsonValueKind.True : JsonValueKind.False),
            int i => IsInteger(expected, out var l) && l == i,
            long l => IsInteger(expected, out var e) && e == l,
            short s => IsInteger(expected, out var e) && e == s,
            byte b => IsInteger(expected, out var e) && e == b,
            float f => !InputValues.IsIntegerLiteral(expected) && InputValues.ToFloat(expected) is { } e && e.Equals(f),
            double d => !InputValues.IsIntegerLiteral(expected) && InputValues.ToDouble(expected) is { } e && e.Equals(d),
            _ => expected.ValueKind == JsonValueKind.String
                ? expected.GetString() == JsonValues.Format(actual)
                : expected.GetRawText() == JsonValues.Format(actual),
        };
    }

    /// <summary>
    /// Checks that a value fits the attribute type our app declared for it (an <c>int</c> attribute holds
    /// an <see cref="int"/>); returns a description of the mismatch, or null.
    /// </summary>
    public static string? CheckType(object? actual, SiddhiType type)
    {
        if (actual is null || type == SiddhiType.Object)
        {
            return null;
        }

        var fits = type switch
        {
            SiddhiType.String => actual is string,
            SiddhiType.Int => actual is int,
            SiddhiType.Long => actual is long,
            SiddhiType.Float => actual is float,
            SiddhiType.Double => actual is double,
            SiddhiType.Bool => actual is bool,
            _ => true,
        };
        return fits ? null : $"a {actual.GetType().Name} in a {type.ToString().ToLowerInvariant()} attribute";
    }

    private static bool IsInteger(JsonElement expected, out long value)
    {
        value = 0;
        return InputValues.IsIntegerLiteral(expected) && expected.TryGetInt64(out value);
    }
}
