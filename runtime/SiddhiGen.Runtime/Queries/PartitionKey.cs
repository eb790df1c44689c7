using System.Globalization;

namespace SiddhiGen.Runtime;

/// <summary>
/// The key of a value partition: the attribute's value as Java's <c>String.valueOf</c> writes it, so values of
/// different streams (an int 7 and a long 7) meet in the same instance. Null has no key: the event is dropped.
/// </summary>
public static class PartitionKey
{
    public static string? Of(string? value) => value;

    public static string? Of(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Of(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Of(float? value) => value is { } v ? JavaText.Format(v) : null;

    public static string? Of(double? value) => value is { } v ? JavaText.Format(v) : null;

    public static string? Of(bool? value) => value is { } v ? JavaText.Format(v) : null;

    public static string? Of(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => JavaText.Format(d),
        float f => JavaText.Format(f),
        bool b => JavaText.Format(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
