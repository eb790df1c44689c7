using System.Collections.Concurrent;
using System.Globalization;
using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// siddhi-execution-math 5.0 (<c>math:</c>). Numeric arguments of any numeric type widen to the parameter's type, as
/// Java's <c>convertToDouble</c> does; a null argument gives null. Results follow <c>java.lang.Math</c>:
/// <c>round</c> is Java's half-up rounding (<c>-2.5</c> → <c>-2</c>) returning INT for a FLOAT and LONG for a DOUBLE;
/// <c>hex</c>/<c>oct</c>/<c>bin</c> print two's complement digits like <c>Integer.toHexString</c>.
/// </summary>
public static class MathFunctions
{
    private static readonly ConcurrentDictionary<long, JavaRandom> s_seeded = new();

    [SiddhiFunction("math:abs")]
    public static double? Abs(double? p1) => p1 is { } v ? System.Math.Abs(v) : null;

    [SiddhiFunction("math:acos")]
    public static double? Acos(double? p1) => p1 is { } v ? System.Math.Acos(v) : null;

    [SiddhiFunction("math:asin")]
    public static double? Asin(double? p1) => p1 is { } v ? System.Math.Asin(v) : null;

    [SiddhiFunction("math:atan")]
    public static double? Atan(double? p1) => p1 is { } v ? System.Math.Atan(v) : null;

    /// <summary>The angle of the point (p2, p1): Java's <c>atan2(p1, p2)</c>.</summary>
    [SiddhiFunction("math:atan")]
    public static double? Atan(double? p1, double? p2) => p1 is { } y && p2 is { } x ? System.Math.Atan2(y, x) : null;

    [SiddhiFunction("math:bin")]
    public static string? Bin(int? p1) => p1 is { } v ? Convert.ToString(v, 2) : null;

    [SiddhiFunction("math:bin")]
    public static string? Bin(long? p1) => p1 is { } v ? Convert.ToString(v, 2) : null;

    [SiddhiFunction("math:cbrt")]
    public static double? Cbrt(double? p1) => p1 is { } v ? System.Math.Cbrt(v) : null;

    [SiddhiFunction("math:ceil")]
    public static double? Ceil(double? p1) => p1 is { } v ? System.Math.Ceiling(v) : null;

    /// <summary><paramref name="a"/> read in base <paramref name="fromBase"/> written in base <paramref name="toBase"/> (2–36, int range, as Java's Integer).</summary>
    [SiddhiFunction("math:conv")]
    public static string? Conv(string? a, int? fromBase, int? toBase)
    {
        if (a is null || fromBase is null || toBase is null)
        {
            return null;
        }

        if (fromBase is < 2 or > 36 || toBase is < 2 or > 36)
        {
            throw Fail.Because("math:conv", "Bases must be between 2 and 36, not " + fromBase + " and " + toBase);
        }

        return JavaNumbers.ToString(JavaNumbers.ParseInt(a, fromBase.Value, "math:conv"), toBase.Value);
    }

    [SiddhiFunction("math:copySign")]
    public static double? CopySign(double? magnitude, double? sign) => magnitude is { } m && sign is { } s ? System.Math.CopySign(m, s) : null;

    [SiddhiFunction("math:cos")]
    public static double? Cos(double? p1) => p1 is { } v ? System.Math.Cos(v) : null;

    [SiddhiFunction("math:cosh")]
    public static double? Cosh(double? p1) => p1 is { } v ? System.Math.Cosh(v) : null;

    [SiddhiFunction("math:e")]
    public static double E() => System.Math.E;

    [SiddhiFunction("math:exp")]
    public static double? Exp(double? p1) => p1 is { } v ? System.Math.Exp(v) : null;

    [SiddhiFunction("math:floor")]
    public static double? Floor(double? p1) => p1 is { } v ? System.Math.Floor(v) : null;

    /// <summary>The unbiased binary exponent (Java's <c>Math.getExponent(double)</c>: 1024 for NaN and infinities, -1023 for zero and subnormals).</summary>
    [SiddhiFunction("math:getExponent")]
    public static int? GetExponent(double? p1) => p1 is { } v ? (int)((BitConverter.DoubleToInt64Bits(v) >> 52) & 0x7FF) - 1023 : null;

    [SiddhiFunction("math:hex")]
    public static string? Hex(int? p1) => p1 is { } v ? v.ToString("x", CultureInfo.InvariantCulture) : null;

    [SiddhiFunction("math:hex")]
    public static string? Hex(long? p1) => p1 is { } v ? v.ToString("x", CultureInfo.InvariantCulture) : null;

    /// <summary>Java's <c>Float.toHexString</c> (<c>0x1.8p1</c> for 3.0).</summary>
    [SiddhiFunction("math:hex")]
    public static string? Hex(float? p1) => p1 is { } v ? JavaNumbers.HexFloat(v) : null;

    /// <summary>Java's <c>Double.toHexString</c>.</summary>
    [SiddhiFunction("math:hex")]
    public static string? Hex(double? p1) => p1 is { } v ? JavaNumbers.HexDouble(v) : null;

    [SiddhiFunction("math:isInfinite")]
    public static bool? IsInfinite(float? p1) => p1 is { } v ? float.IsInfinity(v) : null;

    [SiddhiFunction("math:isInfinite")]
    public static bool? IsInfinite(double? p1) => p1 is { } v ? double.IsInfinity(v) : null;

    [SiddhiFunction("math:isNan")]
    public static bool? IsNan(float? p1) => p1 is { } v ? float.IsNaN(v) : null;

    [SiddhiFunction("math:isNan")]
    public static bool? IsNan(double? p1) => p1 is { } v ? double.IsNaN(v) : null;

    [SiddhiFunction("math:ln")]
    public static double? Ln(double? p1) => p1 is { } v ? System.Math.Log(v) : null;

    /// <summary>The logarithm of <paramref name="number"/> in base <paramref name="logBase"/> (<c>ln(number) / ln(base)</c>, as Java computes it).</summary>
    [SiddhiFunction("math:log")]
    public static double? Log(double? number, double? logBase) => number is { } n && logBase is { } b ? System.Math.Log(n) / System.Math.Log(b) : null;

    [SiddhiFunction("math:log10")]
    public static double? Log10(double? p1) => p1 is { } v ? System.Math.Log10(v) : null;

    [SiddhiFunction("math:log2")]
    public static double? Log2(double? p1) => p1 is { } v ? System.Math.Log(v) / System.Math.Log(2.0) : null;

    [SiddhiFunction("math:max")]
    public static double? Max(double? p1, double? p2) => p1 is { } a && p2 is { } b ? System.Math.Max(a, b) : null;

    [SiddhiFunction("math:min")]
    public static double? Min(double? p1, double? p2) => p1 is { } a && p2 is { } b ? System.Math.Min(a, b) : null;

    [SiddhiFunction("math:oct")]
    public static string? Oct(int? p1) => p1 is { } v ? Convert.ToString(v, 8) : null;

    [SiddhiFunction("math:oct")]
    public static string? Oct(long? p1) => p1 is { } v ? Convert.ToString(v, 8) : null;

    /// <summary>Java's <c>Double.parseDouble</c> (leading and trailing white space allowed); malformed text fails.</summary>
    [SiddhiFunction("math:parseDouble")]
    public static double? ParseDouble(string? p1) => p1 is null ? null : JavaNumbers.ParseDouble(p1, "math:parseDouble");

    [SiddhiFunction("math:parseFloat")]
    public static float? ParseFloat(string? p1) => p1 is null ? null : (float)JavaNumbers.ParseDouble(p1, "math:parseFloat");

    /// <summary>Java's <c>Integer.parseInt</c>: an optional sign and decimal digits, nothing else.</summary>
    [SiddhiFunction("math:parseInt")]
    public static int? ParseInt(string? p1) => p1 is null ? null : JavaNumbers.ParseInt(p1, 10, "math:parseInt");

    [SiddhiFunction("math:parseLong")]
    public static long? ParseLong(string? p1) => p1 is null ? null : JavaNumbers.ParseLong(p1, "math:parseLong");

    [SiddhiFunction("math:pi")]
    public static double Pi() => System.Math.PI;

    [SiddhiFunction("math:power")]
    public static double? Power(double? value, double? toPower) => value is { } v && toPower is { } p ? System.Math.Pow(v, p) : null;

    /// <summary>A uniformly distributed double in [0, 1).</summary>
    [SiddhiFunction("math:rand")]
    public static double Rand() => Random.Shared.NextDouble();

    /// <summary>
    /// The next value of Java's <c>new Random(seed).nextDouble()</c> sequence. Java keeps one sequence per call in the
    /// query; here calls with the same seed share one sequence.
    /// </summary>
    [SiddhiFunction("math:rand")]
    public static double Rand([SiddhiConstant] long? seed)
    {
        var random = s_seeded.GetOrAdd(seed ?? 0L, static s => new JavaRandom(s));
        lock (random)
        {
            return random.NextDouble();
        }
    }

    /// <summary>Java's <c>Math.round(float)</c>: half up, an INT.</summary>
    [SiddhiFunction("math:round")]
    public static int? Round(float? p1) => p1 is { } v ? JavaNumbers.Round(v) : null;

    /// <summary>Java's <c>Math.round(double)</c>: half up, a LONG.</summary>
    [SiddhiFunction("math:round")]
    public static long? Round(double? p1) => p1 is { } v ? JavaNumbers.Round(v) : null;

    /// <summary>-1, 0 or 1 as an INT (0 for NaN).</summary>
    [SiddhiFunction("math:signum")]
    public static int? Signum(double? p1) => p1 is { } v ? (double.IsNaN(v) ? 0 : System.Math.Sign(v)) : null;

    [SiddhiFunction("math:sin")]
    public static double? Sin(double? p1) => p1 is { } v ? System.Math.Sin(v) : null;

    [SiddhiFunction("math:sinh")]
    public static double? Sinh(double? p1) => p1 is { } v ? System.Math.Sinh(v) : null;

    [SiddhiFunction("math:sqrt")]
    public static double? Sqrt(double? p1) => p1 is { } v ? System.Math.Sqrt(v) : null;

    [SiddhiFunction("math:tan")]
    public static double? Tan(double? p1) => p1 is { } v ? System.Math.Tan(v) : null;

    [SiddhiFunction("math:tanh")]
    public static double? Tanh(double? p1) => p1 is { } v ? System.Math.Tanh(v) : null;

    [SiddhiFunction("math:toDegrees")]
    public static double? ToDegrees(double? p1) => p1 is { } v ? v * (180.0 / System.Math.PI) : null;

    [SiddhiFunction("math:toRadians")]
    public static double? ToRadians(double? p1) => p1 is { } v ? v / 180.0 * System.Math.PI : null;
}
