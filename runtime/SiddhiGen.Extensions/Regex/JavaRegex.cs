using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace SiddhiGen.Extensions;

/// <summary>
/// A Java regular expression (<c>java.util.regex.Pattern</c>) run on .NET's engine. The two dialects agree on
/// almost everything; the translation bridges what differs:
/// <list type="bullet">
/// <item><c>\Q...\E</c> quoting becomes escaped text;</item>
/// <item>POSIX and java classes (<c>\p{Alpha}</c>, <c>\p{Digit}</c>, <c>\p{Punct}</c>, <c>\p{javaLowerCase}</c>, ...) become .NET classes (ASCII, as in Java);</item>
/// <item><c>\h</c>/<c>\H</c> (horizontal white space) become explicit classes;</item>
/// <item>possessive quantifiers (<c>a*+</c>, <c>a++</c>, <c>a?+</c>, <c>a{n}+</c>) become atomic groups around the quantified atom;</item>
/// <item><c>matches()</c> must match the whole input and <c>lookingAt()</c> its start, as Java's methods do;</item>
/// <item>replacement strings use Java's syntax (<c>$1</c>, <c>${name}</c>, <c>\$</c> for a dollar).</item>
/// </list>
/// Class intersections (<c>[a-z&amp;&amp;[^b]]</c>) have no .NET form: such a pattern fails with a clear error.
/// Compiled patterns are cached per pattern text.
/// </summary>
public sealed class JavaRegex
{
    private static readonly ConcurrentDictionary<string, JavaRegex> s_cache = new(StringComparer.Ordinal);

    private readonly Regex _find;
    private readonly Regex _whole;
    private readonly Regex _start;

    private JavaRegex(string pattern)
    {
        var translated = Translate(pattern);
        const RegexOptions options = RegexOptions.CultureInvariant;
        _find = new Regex(translated, options);
        _whole = new Regex(@"\A(?:" + translated + @")\z", options);
        _start = new Regex(@"\A(?:" + translated + ")", options);
    }

    /// <summary>The compiled pattern; a malformed one fails as <paramref name="function"/>.</summary>
    public static JavaRegex Get(string pattern, string function)
    {
        try
        {
            return s_cache.GetOrAdd(pattern, static p => new JavaRegex(p));
        }
        catch (ArgumentException ex)
        {
            throw Fail.Because(function, "Invalid regular expression '" + pattern + "': " + ex.Message, ex);
        }
    }

    /// <summary>Java's <c>Matcher.matches()</c>: the whole input matches.</summary>
    public bool Matches(string input) => _whole.IsMatch(input);

    /// <summary>Java's <c>Matcher.lookingAt()</c>: a prefix of the input matches.</summary>
    public bool LookingAt(string input) => _start.IsMatch(input);

    /// <summary>Java's <c>Matcher.find(start)</c>: the first match at or after <paramref name="start"/>, or null.</summary>
    public Match? Find(string input, int start)
    {
        var match = _find.Match(input, start);
        return match.Success ? match : null;
    }

    /// <summary>Java's <c>String.split(regex)</c>: trailing empty strings are removed; a leading empty part from a zero-width match at 0 is too.</summary>
    public List<string> Split(string input)
    {
        var parts = new List<string>();
        var at = 0;
        foreach (Match m in _find.Matches(input))
        {
            if (m.Length == 0 && m.Index == 0)
            {
                continue;
            }

            if (m.Length == 0 && m.Index >= input.Length)
            {
                break;
            }

            parts.Add(input.Substring(at, m.Index - at));
            at = m.Index + m.Length;
        }

        parts.Add(input.Substring(at));
        if (input.Length == 0)
        {
            return parts;
        }

        while (parts.Count > 0 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts;
    }

    /// <summary>Java's <c>replaceAll</c>/<c>replaceFirst</c> with a Java replacement string.</summary>
    public string Replace(string input, string replacement, bool all) =>
        _find.Replace(input, TranslateReplacement(replacement), all ? -1 : 1);

    /// <summary>Java pattern syntax to .NET pattern syntax (see the class summary).</summary>
    internal static string Translate(string java)
    {
        var sb = new StringBuilder(java.Length + 8);
        var atomStart = -1; // where the last atom began in sb, for possessive quantifiers
        var depth = new Stack<int>();
        var inClass = 0;
        for (var i = 0; i < java.Length; i++)
        {
            var c = java[i];
            if (c == '\\' && i + 1 < java.Length)
            {
                var next = java[i + 1];
                if (next == 'Q')
                {
                    var end = java.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? java.Substring(i + 2) : java.Substring(i + 2, end - i - 2);
                    atomStart = sb.Length;
                    sb.Append(inClass > 0 ? EscapeInClass(literal) : Regex.Escape(literal));
                    i = end < 0 ? java.Length : end + 1;
                    continue;
                }

                if ((next == 'p' || next == 'P') && i + 2 < java.Length && java[i + 2] == '{')
                {
                    var close = java.IndexOf('}', i + 3);
                    if (close > 0)
                    {
                        // A POSIX/java class is rewritten; a Unicode category or block (\p{L}) is the same in .NET.
                        atomStart = sb.Length;
                        sb.Append(PosixClass(java.Substring(i + 3, close - i - 3), next == 'P', inClass > 0) ?? java.Substring(i, close - i + 1));
                        i = close;
                        continue;
                    }
                }

                if (next is 'h' or 'H')
                {
                    atomStart = sb.Length;
                    var set = @" \t\u00A0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000";
                    sb.Append(inClass > 0 ? (next == 'h' ? set : throw new ArgumentException(@"\H inside a character class has no .NET form")) : (next == 'h' ? "[" + set + "]" : "[^" + set + "]"));
                    i++;
                    continue;
                }

                atomStart = sb.Length;
                sb.Append(c).Append(next);
                i++;
                continue;
            }

            if (inClass > 0)
            {
                if (c == '&' && i + 1 < java.Length && java[i + 1] == '&')
                {
                    throw new ArgumentException("character class intersection (&&) is not supported on .NET");
                }

                if (c == '[')
                {
                    inClass++;
                }
                else if (c == ']')
                {
                    inClass--;
                }

                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = 1;
                    atomStart = sb.Length;
                    sb.Append(c);
                    if (i + 1 < java.Length && java[i + 1] == '^')
                    {
                        sb.Append('^');
                        i++;
                    }

                    if (i + 1 < java.Length && java[i + 1] == ']')
                    {
                        sb.Append(@"\]");
                        i++;
                    }

                    continue;
                case '(':
                    depth.Push(sb.Length);
                    sb.Append(c);
                    continue;
                case ')':
                    atomStart = depth.Count > 0 ? depth.Pop() : sb.Length;
                    sb.Append(c);
                    continue;
                case '*' or '+' or '?' or '}':
                    sb.Append(c);
                    if (i + 1 < java.Length && java[i + 1] == '+' && atomStart >= 0 && (c != '?' || !IsGroupStart(sb)))
                    {
                        // Possessive: the quantified atom never gives back what it matched.
                        sb.Insert(atomStart, "(?>").Append(')');
                        i++;
                    }

                    continue;
                case '{':
                    sb.Append(c);
                    continue;
                default:
                    atomStart = sb.Length;
                    sb.Append(c);
                    continue;
            }
        }

        return sb.ToString();
    }

    private static bool IsGroupStart(StringBuilder sb) => sb.Length >= 2 && sb[sb.Length - 2] == '(';

    private static string EscapeInClass(string literal)
    {
        var sb = new StringBuilder();
        foreach (var ch in literal)
        {
            if (ch is '\\' or ']' or '[' or '^' or '-')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    private static string? PosixClass(string name, bool negated, bool inClass)
    {
        var set = name switch
        {
            "Lower" or "javaLowerCase" => "a-z",
            "Upper" or "javaUpperCase" => "A-Z",
            "ASCII" => @"\x00-\x7F",
            "Alpha" => "a-zA-Z",
            "Digit" => "0-9",
            "Alnum" => "a-zA-Z0-9",
            "Punct" => @"!-/:-@\[-`{-~",
            "Graph" => @"!-~",
            "Print" => @" -~",
            "Blank" => @" \t",
            "Cntrl" => @"\x00-\x1F\x7F",
            "XDigit" => "0-9a-fA-F",
            "Space" or "javaWhitespace" => @" \t\n\x0B\f\r",
            _ => null,
        };
        if (set is null)
        {
            return null; // a Unicode category or block: the same in .NET
        }

        if (inClass)
        {
            return negated ? null : set;
        }

        return (negated ? "[^" : "[") + set + "]";
    }

    /// <summary>Java replacement syntax (<c>$1</c>, <c>${name}</c>, <c>\x</c> for a literal x) to .NET's (<c>$$</c> for a dollar).</summary>
    internal static string TranslateReplacement(string java)
    {
        var sb = new StringBuilder(java.Length);
        for (var i = 0; i < java.Length; i++)
        {
            var c = java[i];
            if (c == '\\' && i + 1 < java.Length)
            {
                var next = java[++i];
                sb.Append(next == '$' ? "$$" : next.ToString());
            }
            else if (c == '$' && i + 1 < java.Length && char.IsDigit(java[i + 1]))
            {
                // Java reads one digit (more while the group exists); .NET ${n} keeps the digit apart from text after it.
                sb.Append("${").Append(java[++i]).Append('}');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
