using System.Globalization;
using System.Text;

namespace SiddhiGen.Extensions;

/// <summary>The parts of <c>java.lang.Integer/Long/Double/Math</c> whose .NET counterparts behave differently.</summary>
internal static class JavaNumbers
{
    /// <summary><c>Math.round(double)</c>: floor(x + 1/2) without the double-rounding error; NaN is 0; saturates.</summary>
    public static long Round(double x)
    {
        if (double.IsNaN(x))
        {
            return 0;
        }

        var floor = System.Math.Floor(x);
        var rounded = x - floor >= 0.5 ? floor + 1 : floor;
        return rounded >= 9.2233720368547758E18 ? long.MaxValue : rounded <= -9.2233720368547758E18 ? long.MinValue : (long)rounded;
    }

    /// <summary><c>Math.round(float)</c>.</summary>
    public static int Round(float x)
    {
        if (float.IsNaN(x))
        {
            return 0;
        }

        var floor = System.Math.Floor((double)x);
        var rounded = x - floor >= 0.5 ? floor + 1 : floor;
        return rounded >= int.MaxValue ? int.MaxValue : rounded <= int.MinValue ? int.MinValue : (int)rounded;
    }

    /// <summary><c>Integer.parseInt(s, radix)</c>: an optional sign and digits of the radix, no white space.</summary>
    public static int ParseInt(string s, int radix, string function)
    {
        var value = ParseLongCore(s, radix, function);
        return value is < int.MinValue or > int.MaxValue ? throw Malformed(function, s) : (int)value;
    }

    /// <summary><c>Long.parseLong(s)</c>.</summary>
    public static long ParseLong(string s, string function) => ParseLongCore(s, 10, function);

    /// <summary><c>Double.parseDouble(s)</c>: trimmed; also accepts <c>NaN</c>, <c>Infinity</c> and a trailing d/f.</summary>
    public static double ParseDouble(string s, string function)
    {
        var t = s.Trim();
        if (t.Length > 1 && t[^1] is 'd' or 'D' or 'f' or 'F')
        {
            t = t.Substring(0, t.Length - 1);
        }

        return t switch
        {
            "NaN" or "+NaN" or "-NaN" => double.NaN,
            "Infinity" or "+Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : throw Malformed(function, s),
        };
    }

    /// <summary><c>Integer.toString(i, radix)</c>: a minus sign and the magnitude's digits.</summary>
    public static string ToString(long value, int radix)
    {
        if (value == 0)
        {
            return "0";
        }

        var negative = value < 0;
        var magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var sb = new StringBuilder();
        while (magnitude > 0)
        {
            var digit = (int)(magnitude % (ulong)radix);
            sb.Insert(0, (char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
            magnitude /= (ulong)radix;
        }

        return negative ? "-" + sb : sb.ToString();
    }

    /// <summary><c>Double.toHexString</c>: <c>0x1.8p1</c>, <c>-0x0.0p0</c>, <c>0x0.0000000000001p-1022</c>.</summary>
    public static string HexDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        var bits = BitConverter.DoubleToInt64Bits(d);
        var sign = bits < 0 ? "-" : string.Empty;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0 && mantissa == 0)
        {
            return sign + "0x0.0p0";
        }

        var digits = mantissa.ToString("x13", CultureInfo.InvariantCulture).TrimEnd('0');
        digits = digits.Length == 0 ? "0" : digits;
        return exponent == 0
            ? sign + "0x0." + digits + "p-1022"
            : sign + "0x1." + digits + "p" + (exponent - 1023).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><c>Float.toHexString</c>: as for double, with float's exponent range (subnormals as <c>p-126</c>).</summary>
    public static string HexFloat(float f)
    {
        if (float.IsNaN(f) || float.IsInfinity(f))
        {
            return HexDouble(f);
        }

        var bits = BitConverter.SingleToInt32Bits(f);
        var exponent = (bits >> 23) & 0xFF;
        if (exponent == 0 && (bits & 0x7FFFFF) != 0)
        {
            // Java writes a float subnormal against the float exponent -126, its 23 bits shifted into 24 (6 hex digits).
            var digits = ((bits & 0x7FFFFF) << 1).ToString("x6", CultureInfo.InvariantCulture).TrimEnd('0');
            return (bits < 0 ? "-" : string.Empty) + "0x0." + digits + "p-126";
        }

        return HexDouble(f);
    }

    private static long ParseLongCore(string s, int radix, string function)
    {
        if (s.Length == 0)
        {
            throw Malformed(function, s);
        }

        var negative = s[0] == '-';
        var start = s[0] is '-' or '+' ? 1 : 0;
        if (start == s.Length)
        {
            throw Malformed(function, s);
        }

        var value = 0UL;
        for (var i = start; i < s.Length; i++)
        {
            var c = char.ToLowerInvariant(s[i]);
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10 : 99;
            if (digit >= radix)
            {
                throw Malformed(function, s);
            }

            value = checked(value * (ulong)radix + (ulong)digit);
            if (value > (negative ? 9223372036854775808UL : long.MaxValue))
            {
                throw Malformed(function, s);
            }
        }

        return negative ? (long)(0UL - value) : (long)value;
    }

    private static Runtime.SiddhiExtensionException Malformed(string function, string s) =>
        Fail.Because(function, "For input string: \"" + s + "\"");
}
