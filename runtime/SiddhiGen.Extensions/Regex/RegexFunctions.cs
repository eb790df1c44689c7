using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// siddhi-execution-regex 5.0 (<c>regex:</c>): Java regular expressions (bridged by <see cref="JavaRegex"/>).
/// A null pattern fails; a null input is false for <c>find</c>/<c>matches</c>/<c>lookingAt</c> and fails for <c>group</c>.
/// </summary>
public static class RegexFunctions
{
    /// <summary>True when the pattern occurs somewhere in the input.</summary>
    [SiddhiFunction("regex:find")]
    public static bool Find(string? regex, string? input) => input is not null && Pattern(regex, "regex:find").Find(input, 0) is not null;

    /// <summary>True when the pattern occurs at or after <paramref name="start"/>.</summary>
    [SiddhiFunction("regex:find")]
    public static bool Find(string? regex, string? input, int? start)
    {
        var pattern = Pattern(regex, "regex:find");
        if (input is null || start is null)
        {
            return false;
        }

        if (start < 0 || start > input.Length)
        {
            throw Fail.Because("regex:find", "Starting index " + start + " is outside the input " + input);
        }

        return pattern.Find(input, start.Value) is not null;
    }

    /// <summary>Group <paramref name="group"/> of the first match (0 is the whole match), or null when there is none.</summary>
    [SiddhiFunction("regex:group")]
    public static string? Group(string? regex, string? input, int? group)
    {
        var pattern = Pattern(regex, "regex:group");
        if (input is null)
        {
            throw Fail.Null("regex:group", 2);
        }

        if (group is null)
        {
            throw Fail.Null("regex:group", 3);
        }

        var match = pattern.Find(input, 0);
        return match is not null && group >= 0 && group < match.Groups.Count && match.Groups[group.Value].Success ? match.Groups[group.Value].Value : null;
    }

    /// <summary>True when the input starts with a match (Java's <c>lookingAt</c>).</summary>
    [SiddhiFunction("regex:lookingAt")]
    public static bool LookingAt(string? regex, string? input) => input is not null && Pattern(regex, "regex:lookingAt").LookingAt(input);

    /// <summary>True when the whole input matches (Java's <c>matches</c>).</summary>
    [SiddhiFunction("regex:matches")]
    public static bool Matches(string? regex, string? input) => input is not null && Pattern(regex, "regex:matches").Matches(input);

    private static JavaRegex Pattern(string? regex, string function) => JavaRegex.Get(regex ?? throw Fail.Null(function, 1), function);
}
