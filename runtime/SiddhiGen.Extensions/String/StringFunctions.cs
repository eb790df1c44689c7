using System.Text;
using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// siddhi-execution-string 5.0 (<c>str:</c>). Where an argument the function needs is null it fails with
/// <see cref="SiddhiExtensionException"/>, as the Java library does; <c>contains</c> of a null input is false;
/// <c>concat</c> skips nulls; <c>hex</c>/<c>unhex</c>/<c>lower</c>/<c>upper</c>/<c>trim</c>/<c>reverse</c> of null
/// are null. Regular expressions are Java's, bridged by <see cref="JavaRegex"/>.
/// </summary>
public static class StringFunctions
{
    /// <summary>The character at <paramref name="index"/> as a one-character string.</summary>
    [SiddhiFunction("str:charAt")]
    public static string CharAt(string? input, int? index)
    {
        Require("str:charAt", input, index);
        if (index < 0 || index >= input!.Length)
        {
            throw Fail.Because("str:charAt", "Index " + index + " is negative or not less than the length of the given string " + input);
        }

        return input[index!.Value].ToString();
    }

    /// <summary>How often the single character <paramref name="character"/> occurs in <paramref name="input"/> (a long).</summary>
    [SiddhiFunction("str:charFrequency")]
    public static long CharFrequency(string? input, string? character)
    {
        Require("str:charFrequency", input, character);
        if (character!.Length != 1)
        {
            throw Fail.Because("str:charFrequency", "The second parameter is expected to be a character, found '" + character + "'.");
        }

        var count = 0L;
        foreach (var c in input!)
        {
            count += c == character[0] ? 1 : 0;
        }

        return count;
    }

    /// <summary>The first argument that is not null (all of one type).</summary>
    [SiddhiFunction("str:coalesce")]
    public static string? Coalesce(params string?[] values) => FirstReference(values);

    [SiddhiFunction("str:coalesce")]
    public static int? Coalesce(params int?[] values) => First(values);

    [SiddhiFunction("str:coalesce")]
    public static long? Coalesce(params long?[] values) => First(values);

    [SiddhiFunction("str:coalesce")]
    public static float? Coalesce(params float?[] values) => First(values);

    [SiddhiFunction("str:coalesce")]
    public static double? Coalesce(params double?[] values) => First(values);

    [SiddhiFunction("str:coalesce")]
    public static bool? Coalesce(params bool?[] values) => First(values);

    [SiddhiFunction("str:coalesce")]
    public static object? Coalesce(params object?[] values) => FirstReference(values);

    /// <summary>The arguments' text joined (nulls skipped); numbers are written as Java writes them (<c>100.0</c>).</summary>
    [SiddhiFunction("str:concat")]
    public static string Concat(params string?[] values) => string.Concat(values);

    [SiddhiFunction("str:concat")]
    public static string Concat(params object?[] values)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            builder.Append(SiddhiFunctions.ConvertToString(value));
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="input"/> contains <paramref name="search"/>; false for a null input.</summary>
    [SiddhiFunction("str:contains")]
    public static bool Contains(string? input, string? search)
    {
        if (input is null)
        {
            return false;
        }

        return search is null ? throw Fail.Null("str:contains", 2) : input.Contains(search, StringComparison.Ordinal);
    }

    /// <summary>Case-insensitive equality (Java's <c>equalsIgnoreCase</c>: false when the second is null).</summary>
    [SiddhiFunction("str:equalsIgnoreCase")]
    public static bool EqualsIgnoreCase(string? first, string? second)
    {
        if (first is null)
        {
            throw Fail.Null("str:equalsIgnoreCase", 1);
        }

        return second is not null && string.Equals(first, second, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Replaces <c>{{key}}</c> with the map's value for key, or <c>{{n}}</c> with the n-th (1-based) replacement;
    /// a field without a value stays as written.
    /// </summary>
    [SiddhiFunction("str:fillTemplate")]
    public static string? FillTemplate(string? template, params object?[] replacements)
    {
        if (template is null)
        {
            return null;
        }

        var map = replacements.Length == 1 ? replacements[0] as IDictionary<object, object?> : null;
        var builder = new StringBuilder();
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf("{{", at, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                builder.Append(template, at, template.Length - at);
                break;
            }

            builder.Append(template, at, open - at);
            var key = template.Substring(open + 2, close - open - 2).Trim();
            object? value = null;
            if (map is not null)
            {
                map.TryGetValue(key, out value);
            }
            else if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                value = index >= 1 && index <= replacements.Length ? replacements[index - 1] : throw Fail.Because("str:fillTemplate", "Template field {{" + key + "}} has no replacement argument");
            }

            builder.Append(value is null ? template.Substring(open, close + 2 - open) : SiddhiFunctions.ConvertToString(value));
            at = close + 2;
        }

        return builder.ToString();
    }

    /// <summary>Each character as hexadecimal digits without padding (Java's <c>Integer.toHexString</c> per char).</summary>
    [SiddhiFunction("str:hex")]
    public static string? Hex(string? input)
    {
        if (input is null)
        {
            return null;
        }

        var builder = new StringBuilder(input.Length * 2);
        foreach (var c in input)
        {
            builder.Append(((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>The length in UTF-16 code units (Java's <c>String.length()</c>).</summary>
    [SiddhiFunction("str:length")]
    public static int Length(string? input) => input?.Length ?? throw Fail.Null("str:length", 1);

    /// <summary>The index of <paramref name="find"/> in <paramref name="input"/> (from a start position when given), or -1.</summary>
    [SiddhiFunction("str:locate")]
    public static int Locate(string? find, string? input) => Locate(find, input, 0);

    [SiddhiFunction("str:locate")]
    public static int Locate(string? find, string? input, int? start)
    {
        Require("str:locate", find, input);
        var from = start ?? 0;
        if (from < 0 || from > input!.Length)
        {
            throw Fail.Because("str:locate", "Start position " + from + " is outside the string " + input);
        }

        return input.IndexOf(find!, from, StringComparison.Ordinal);
    }

    /// <summary>Lower case by the invariant culture (Java's <c>toLowerCase()</c> in an English locale).</summary>
    [SiddhiFunction("str:lower")]
    public static string? Lower(string? input) => input?.ToLowerInvariant();

    /// <summary>True when the whole input matches the Java regular expression.</summary>
    [SiddhiFunction("str:regexp")]
    public static bool Regexp(string? input, string? regex)
    {
        Require("str:regexp", input, regex);
        return JavaRegex.Get(regex!, "str:regexp").Matches(input!);
    }

    /// <summary>The input repeated <paramref name="times"/> times (empty for 0 or less).</summary>
    [SiddhiFunction("str:repeat")]
    public static string Repeat(string? input, int? times)
    {
        Require("str:repeat", input, times);
        return times <= 0 ? string.Empty : new StringBuilder(input!.Length * times!.Value).Insert(0, input, times.Value).ToString();
    }

    /// <summary>Every match of the Java regex replaced (Java replacement syntax: <c>$1</c>, <c>${name}</c>, <c>\$</c>).</summary>
    [SiddhiFunction("str:replaceAll")]
    public static string ReplaceAll(string? input, string? regex, string? replacement)
    {
        Require("str:replaceAll", input, regex, replacement);
        return JavaRegex.Get(regex!, "str:replaceAll").Replace(input!, replacement!, all: true);
    }

    /// <summary>The first match of the Java regex replaced.</summary>
    [SiddhiFunction("str:replaceFirst")]
    public static string ReplaceFirst(string? input, string? regex, string? replacement)
    {
        Require("str:replaceFirst", input, regex, replacement);
        return JavaRegex.Get(regex!, "str:replaceFirst").Replace(input!, replacement!, all: false);
    }

    /// <summary>The characters in reverse order.</summary>
    [SiddhiFunction("str:reverse")]
    public static string? Reverse(string? input)
    {
        if (input is null)
        {
            return null;
        }

        var chars = input.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    /// <summary>Part <paramref name="group"/> (0-based) of the input split by the Java regex (Java's <c>String.split</c>: trailing empty parts dropped).</summary>
    [SiddhiFunction("str:split")]
    public static string Split(string? input, string? regex, int? group)
    {
        Require("str:split", input, regex, group);
        var parts = JavaRegex.Get(regex!, "str:split").Split(input!);
        if (group < 0 || group >= parts.Count)
        {
            throw Fail.Because("str:split", "Index " + group + " is negative or not less than the number of parts of the given string " + input);
        }

        return parts[group!.Value];
    }

    /// <summary>Java's <c>compareTo</c>: the difference of the first differing chars, else of the lengths.</summary>
    [SiddhiFunction("str:strcmp")]
    public static int Strcmp(string? first, string? second)
    {
        Require("str:strcmp", first, second);
        var n = System.Math.Min(first!.Length, second!.Length);
        for (var i = 0; i < n; i++)
        {
            if (first[i] != second[i])
            {
                return first[i] - second[i];
            }
        }

        return first.Length - second.Length;
    }

    /// <summary>The input from <paramref name="begin"/> to its end.</summary>
    [SiddhiFunction("str:substr")]
    public static string Substr(string? input, int? begin)
    {
        Require("str:substr", input, begin);
        return begin < 0 || begin > input!.Length ? throw OutOfRange(input!, begin!.Value, null) : input.Substring(begin!.Value);
    }

    /// <summary><paramref name="length"/> characters from <paramref name="begin"/>.</summary>
    [SiddhiFunction("str:substr")]
    public static string Substr(string? input, int? begin, int? length)
    {
        Require("str:substr", input, begin, length);
        return begin < 0 || length < 0 || begin + length > input!.Length ? throw OutOfRange(input!, begin!.Value, length) : input.Substring(begin!.Value, length!.Value);
    }

    /// <summary>The first match of the Java regex in the input, or an empty string.</summary>
    [SiddhiFunction("str:substr")]
    public static string Substr(string? input, string? regex) => Substr(input, regex, 0);

    /// <summary>Group <paramref name="group"/> of the first match of the Java regex, or an empty string.</summary>
    [SiddhiFunction("str:substr")]
    public static string Substr(string? input, string? regex, int? group)
    {
        Require("str:substr", input, regex, group);
        var match = JavaRegex.Get(regex!, "str:substr").Find(input!, 0);
        if (match is null)
        {
            return string.Empty;
        }

        return group < 0 || group >= match.Groups.Count ? throw Fail.Because("str:substr", "No group " + group + " in pattern " + regex) : match.Groups[group!.Value].Value;
    }

    /// <summary>The input without leading and trailing characters up to U+0020 (Java's <c>trim()</c>).</summary>
    [SiddhiFunction("str:trim")]
    public static string? Trim(string? input)
    {
        if (input is null)
        {
            return null;
        }

        int start = 0, end = input.Length;
        while (start < end && input[start] <= ' ')
        {
            start++;
        }

        while (end > start && input[end - 1] <= ' ')
        {
            end--;
        }

        return input.Substring(start, end - start);
    }

    /// <summary>Pairs of hexadecimal digits back to characters (the inverse of <c>hex</c> for ASCII).</summary>
    [SiddhiFunction("str:unhex")]
    public static string? Unhex(string? input)
    {
        if (input is null)
        {
            return null;
        }

        if (input.Length % 2 != 0)
        {
            throw Fail.Because("str:unhex", "'" + input + "' is not a sequence of two-digit hexadecimal values");
        }

        var builder = new StringBuilder(input.Length / 2);
        for (var i = 0; i < input.Length; i += 2)
        {
            if (!int.TryParse(input.AsSpan(i, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                throw Fail.Because("str:unhex", "'" + input + "' is not a sequence of two-digit hexadecimal values");
            }

            builder.Append((char)code);
        }

        return builder.ToString();
    }

    /// <summary>Upper case by the invariant culture.</summary>
    [SiddhiFunction("str:upper")]
    public static string? Upper(string? input) => input?.ToUpperInvariant();

    private static T? First<T>(T?[] values)
        where T : struct
    {
        foreach (var v in values)
        {
            if (v is not null)
            {
                return v;
            }
        }

        return null;
    }

    private static T? FirstReference<T>(T?[] values)
        where T : class
    {
        foreach (var v in values)
        {
            if (v is not null)
            {
                return v;
            }
        }

        return null;
    }

    private static SiddhiExtensionException OutOfRange(string input, int begin, int? length) =>
        Fail.Because("str:substr", "Begin index " + begin + (length is null ? string.Empty : " and length " + length) + " are outside the string " + input);

    private static void Require(string function, object? first, object? second)
    {
        if (first is null)
        {
            throw Fail.Null(function, 1);
        }

        if (second is null)
        {
            throw Fail.Null(function, 2);
        }
    }

    private static void Require(string function, object? first, object? second, object? third)
    {
        Require(function, first, second);
        if (third is null)
        {
            throw Fail.Null(function, 3);
        }
    }
}
