using System.Globalization;

namespace SiddhiGen.Runtime;

/// <summary>
/// Siddhi's built-in functions where they need more than a C# operator (feature catalog section 4).
/// <c>convert</c> follows Java: numbers narrow by truncation, strings parse (null when they cannot),
/// bools become 1/0, and anything becomes a string through Java's <c>toString()</c>.
/// </summary>
public static class SiddhiFunctions
{
    public static int? ConvertToInt(object? value) => value switch
    {
        null => null,
        int i => i,
        long l => unchecked((int)l),
        float f => JavaNarrowToInt(f),
        double d => JavaNarrowToInt(d),
        bool b => b ? 1 : 0,
        string s => int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var r) ? r : null,
        _ => null,
    };

    public static long? ConvertToLong(object? value) => value switch
    {
        null => null,
        int i => i,
        long l => l,
        float f => JavaNarrowToLong(f),
        double d => JavaNarrowToLong(d),
        bool b => b ? 1L : 0L,
        string s => long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var r) ? r : null,
        _ => null,
    };

    public static float? ConvertToFloat(object? value) => value switch
    {
        null => null,
        int i => i,
        long l => l,
        float f => f,
        double d => (float)d,
        bool b => b ? 1f : 0f,
        string s => float.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? r : null,
        _ => null,
    };

    public static double? ConvertToDouble(object? value) => value switch
    {
        null => null,
        int i => i,
        long l => l,
        float f => f,
        double d => d,
        bool b => b ? 1d : 0d,
        string s => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? r : null,
        _ => null,
    };

    /// <summary>Java's <c>Boolean.parseBoolean</c> for strings, <c>== 1</c> for numbers; null gives false, as in Siddhi.</summary>
    public static bool? ConvertToBool(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => string.Equals(s, "true", StringComparison.OrdinalIgnoreCase),
        int i => i == 1,
        long l => l == 1,
        float f => f == 1,
        double d => d == 1,
        _ => false,
    };

    public static string? ConvertToString(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => JavaText.Format(d),
        float f => JavaText.Format(f),
        bool b => JavaText.Format(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// <c>cast</c> relabels a value without converting it. Siddhi passes the object on unchanged; a typed
    /// event must hold the declared type, so numbers take it (as the untyped value would print) and any
    /// other mismatch fails where it is used, as in Siddhi.
    /// </summary>
    public static T? Cast<T>(object? value)
        where T : struct => value switch
        {
            null => null,
            T t => t,
            int or long or float or double when typeof(T) == typeof(int) => (T)(object)ConvertToInt(value)!.Value,
            int or long or float or double when typeof(T) == typeof(long) => (T)(object)ConvertToLong(value)!.Value,
            int or long or float or double when typeof(T) == typeof(float) => (T)(object)ConvertToFloat(value)!.Value,
            int or long or float or double when typeof(T) == typeof(double) => (T)(object)ConvertToDouble(value)!.Value,
            _ => throw new InvalidCastException($"cast: the value {value} is {value.GetType().Name}, not {typeof(T).Name}."),
        };

    public static string? CastToString(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => throw new InvalidCastException($"cast: the value {value} is {value.GetType().Name}, not String."),
    };

    public static T? Maximum<T>(params T?[] values)
        where T : struct, IComparable<T>
    {
        T? best = null;
        foreach (var v in values)
        {
            if (v is { } x && (best is null || x.CompareTo(best.Value) > 0))
            {
                best = x;
            }
        }

        return best;
    }

    public static T? Minimum<T>(params T?[] values)
        where T : struct, IComparable<T>
    {
        T? best = null;
        foreach (var v in values)
        {
            if (v is { } x && (best is null || x.CompareTo(best.Value) < 0))
            {
                best = x;
            }
        }

        return best;
    }

    public static string Uuid() => Guid.NewGuid().ToString();

    /// <summary><c>#pol2Cart</c>: x = rho·cos(theta), y = rho·sin(theta), theta in degrees; null in, null out.</summary>
    public static (double? X, double? Y) PolarToCartesian(double? thetaDegrees, double? rho)
    {
        if (thetaDegrees is not { } theta || rho is not { } r)
        {
            return (null, null);
        }

        // Java's Math.toRadians: degrees / 180 * PI.
        var radians = theta / 180.0 * Math.PI;
        return (r * Math.Cos(radians), r * Math.Sin(radians));
    }

    public static object CreateSet(object? value) => new HashSet<object?> { value };

    public static int SizeOfSet(object? value) => value switch
    {
        null => 0,
        HashSet<object?> set => set.Count,
        System.Collections.ICollection collection => collection.Count,
        _ => throw new InvalidCastException($"sizeOfSet: the value {value} is not a set."),
    };

    // Java's (int) cast of a floating value: NaN gives 0, out-of-range values saturate.
    private static int JavaNarrowToInt(double d) =>
        double.IsNaN(d) ? 0 : d >= int.MaxValue ? int.MaxValue : d <= int.MinValue ? int.MinValue : (int)d;

    private static long JavaNarrowToLong(double d) =>
        double.IsNaN(d) ? 0 : d >= long.MaxValue ? long.MaxValue : d <= long.MinValue ? long.MinValue : (long)d;
}
