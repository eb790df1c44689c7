using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SiddhiGen.Extensions;

/// <summary>
/// A Jayway JSON path (<c>$.store.book[0].title</c>), the syntax of the Java library's <c>path</c> arguments:
/// the root <c>$</c>, children <c>.name</c>, <c>['name']</c> and <c>["name"]</c>, indexes <c>[0]</c> and <c>[-1]</c>,
/// unions <c>[0,2]</c>/<c>['a','b']</c>, slices <c>[1:3]</c>, wildcards <c>.*</c>/<c>[*]</c> and deep scan <c>..name</c>.
/// A definite path (only names and single indexes) selects at most one node; any other selects a list, as in
/// Jayway. Filter expressions (<c>[?(...)]</c>) and functions are not bridged: such a path fails with a clear error.
/// </summary>
internal sealed class JsonPathQuery
{
    private static readonly ConcurrentDictionary<string, JsonPathQuery> s_cache = new(StringComparer.Ordinal);

    private readonly List<Step> _steps;

    private JsonPathQuery(string path)
    {
        _steps = ParsePath(path);
        IsDefinite = _steps.All(s => s.Kind is StepKind.Name or StepKind.Index && s.Keys.Length == 1);
    }

    /// <summary>True when the path names one node (no wildcard, deep scan, union or slice).</summary>
    public bool IsDefinite { get; }

    public static JsonPathQuery Get(string path, string function)
    {
        try
        {
            return s_cache.GetOrAdd(path, static p => new JsonPathQuery(p));
        }
        catch (FormatException ex)
        {
            throw Fail.Because(function, "Invalid JSON path '" + path + "': " + ex.Message, ex);
        }
    }

    /// <summary>The nodes the path selects, with their parents (for updates); none when a step finds nothing.</summary>
    public List<(JsonNode? Node, JsonNode? Parent, string? Name, int Index)> Select(JsonNode? root)
    {
        var current = new List<(JsonNode? Node, JsonNode? Parent, string? Name, int Index)> { (root, null, null, -1) };
        foreach (var step in _steps)
        {
            var next = new List<(JsonNode?, JsonNode?, string?, int)>();
            foreach (var (node, _, _, _) in current)
            {
                Apply(step, node, next);
            }

            current = next;
        }

        return current;
    }

    private static void Apply(Step step, JsonNode? node, List<(JsonNode?, JsonNode?, string?, int)> into)
    {
        switch (step.Kind)
        {
            case StepKind.Name when node is JsonObject o:
                foreach (var key in step.Keys)
                {
                    if (o.TryGetPropertyValue(key, out var child))
                    {
                        into.Add((child, o, key, -1));
                    }
                }

                break;
            case StepKind.Index when node is JsonArray a:
                foreach (var key in step.Keys)
                {
                    var i = int.Parse(key, CultureInfo.InvariantCulture);
                    i = i < 0 ? a.Count + i : i;
                    if (i >= 0 && i < a.Count)
                    {
                        into.Add((a[i], a, null, i));
                    }
                }

                break;
            case StepKind.Slice when node is JsonArray a:
                var from = step.Keys[0].Length == 0 ? 0 : int.Parse(step.Keys[0], CultureInfo.InvariantCulture);
                var to = step.Keys[1].Length == 0 ? a.Count : int.Parse(step.Keys[1], CultureInfo.InvariantCulture);
                from = Math.Max(0, from < 0 ? a.Count + from : from);
                to = Math.Min(a.Count, to < 0 ? a.Count + to : to);
                for (var i = from; i < to; i++)
                {
                    into.Add((a[i], a, null, i));
                }

                break;
            case StepKind.Wildcard:
                Children(node, into);
                break;
            case StepKind.Deep:
                Deep(node, step.Keys[0], into);
                break;
        }
    }

    private static void Children(JsonNode? node, List<(JsonNode?, JsonNode?, string?, int)> into)
    {
        if (node is JsonObject o)
        {
            foreach (var pair in o)
            {
                into.Add((pair.Value, o, pair.Key, -1));
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                into.Add((a[i], a, null, i));
            }
        }
    }

    private static void Deep(JsonNode? node, string name, List<(JsonNode?, JsonNode?, string?, int)> into)
    {
        if (node is JsonObject o)
        {
            foreach (var pair in o)
            {
                if (name == "*" || pair.Key == name)
                {
                    into.Add((pair.Value, o, pair.Key, -1));
                }

                Deep(pair.Value, name, into);
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                if (name == "*")
                {
                    into.Add((a[i], a, null, i));
                }

                Deep(a[i], name, into);
            }
        }
    }

    private static List<Step> ParsePath(string path)
    {
        var p = path.Trim();
        if (p.Length == 0 || (p[0] != '$' && p[0] != '@'))
        {
            p = "$." + p; // Jayway reads 'a.b' as '$.a.b'
        }

        var steps = new List<Step>();
        var i = 1;
        while (i < p.Length)
        {
            if (p[i] == '.' && i + 1 < p.Length && p[i + 1] == '.')
            {
                i += 2;
                var name = ReadName(p, ref i);
                steps.Add(new Step(StepKind.Deep, [name.Length == 0 ? "*" : name]));
            }
            else if (p[i] == '.')
            {
                i++;
                var name = ReadName(p, ref i);
                steps.Add(name == "*" ? new Step(StepKind.Wildcard, []) : name.Length > 0 ? new Step(StepKind.Name, [name]) : throw new FormatException("a name is missing after '.'"));
            }
            else if (p[i] == '[')
            {
                var close = p.IndexOf(']', i);
                if (close < 0)
                {
                    throw new FormatException("'[' is not closed");
                }

                steps.Add(Bracket(p.Substring(i + 1, close - i - 1).Trim()));
                i = close + 1;
            }
            else
            {
                throw new FormatException("unexpected '" + p[i] + "' at " + i);
            }
        }

        return steps;
    }

    private static string ReadName(string p, ref int i)
    {
        var start = i;
        while (i < p.Length && p[i] != '.' && p[i] != '[')
        {
            i++;
        }

        return p.Substring(start, i - start);
    }

    private static Step Bracket(string inside)
    {
        if (inside.StartsWith('?') || inside.StartsWith('('))
        {
            throw new FormatException("filter and script expressions are not supported");
        }

        if (inside == "*")
        {
            return new Step(StepKind.Wildcard, []);
        }

        var parts = inside.Split(',').Select(s => s.Trim()).ToArray();
        if (parts.All(s => s.Length >= 2 && (s[0] == '\'' || s[0] == '"') && s[^1] == s[0]))
        {
            return new Step(StepKind.Name, parts.Select(s => s.Substring(1, s.Length - 2)).ToArray());
        }

        if (parts.Length == 1 && parts[0].Contains(':'))
        {
            var bounds = parts[0].Split(':');
            return bounds.Length == 2 && bounds.All(b => b.Length == 0 || int.TryParse(b, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                ? new Step(StepKind.Slice, bounds)
                : throw new FormatException("invalid slice [" + inside + "]");
        }

        return parts.All(s => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            ? new Step(StepKind.Index, parts)
            : throw new FormatException("invalid subscript [" + inside + "]");
    }

    private enum StepKind
    {
        Name,
        Index,
        Slice,
        Wildcard,
        Deep,
    }

    private sealed record Step(StepKind Kind, string[] Keys);
}
