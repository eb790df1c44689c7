using System.Collections.Generic;
using System.Text;

namespace SiddhiGen.Generator.Binding;

/// <summary>Turns Siddhi names into C# identifiers users would write: <c>avgTemp</c> becomes <c>AvgTemp</c>.</summary>
internal static class Identifiers
{
    public static string Pascal(string name)
    {
        var sb = new StringBuilder();
        var upperNext = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else if (c == '_' && sb.Length > 0)
            {
                sb.Append('_');
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    /// <summary>Returns <paramref name="candidate"/>, or it with a numeric suffix, so that it is not in <paramref name="used"/>; then marks it used.</summary>
    public static string Unique(string candidate, HashSet<string> used)
    {
        var name = candidate;
        for (var i = 2; !used.Add(name); i++)
        {
            name = candidate + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
