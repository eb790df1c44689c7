using System.Globalization;

namespace SiddhiGen.Runtime;

/// <summary>
/// Formats values as Java's <c>toString()</c> does, which is what Siddhi's <c>convert(x, 'string')</c>
/// returns: <c>26.0</c> rather than <c>26</c>, <c>1.0E7</c> for large doubles.
/// </summary>
public static class JavaText
{
    public static string Format(double value) => FormatFloating(value, value.ToString("R", CultureInfo.InvariantCulture));

    public static string Format(float value) => FormatFloating(value, value.ToString("R", CultureInfo.InvariantCulture));

    public static string Format(bool value) => value ? "true" : "false";

    private static string FormatFloating(double value, string shortest)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var magnitude = Math.Abs(value);
        if (magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e7))
        {
            var plain = decimal.TryParse(shortest, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d.ToString(CultureInfo.InvariantCulture)
                : shortest;
            if (value == 0 && double.IsNegative(value))
            {
                return "-0.0";
            }

            return plain.Contains('.', StringComparison.Ordinal) ? plain : plain + ".0";
        }

        // Java's computerized scientific notation: one digit, a fraction of at least one digit, E, exponent.
        var parts = value.ToString("E16", CultureInfo.InvariantCulture).Split('E');
        var exponent = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var digits = shortest.TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal);
        var eIndex = digits.IndexOfAny(['E', 'e']);
        if (eIndex >= 0)
        {
            digits = digits[..eIndex];
        }

        digits = digits.TrimStart('0').TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var mantissa = digits[..1] + "." + (digits.Length > 1 ? digits[1..] : "0");
        return (value < 0 ? "-" : string.Empty) + mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }
}
