using System.Collections.Immutable;

namespace SiddhiGen.Runtime;

/// <summary>One attribute of a stream: its name and SiddhiQL type.</summary>
public sealed record StreamAttribute(string Name, SiddhiType Type);

/// <summary>The positional schema of a stream, as declared by <c>define stream</c> or inferred from a query.</summary>
public sealed record StreamSchema(string Name, ImmutableArray<StreamAttribute> Attributes)
{
    public int IndexOf(string attributeName)
    {
        for (var i = 0; i < Attributes.Length; i++)
        {
            if (Attributes[i].Name == attributeName)
            {
                return i;
            }
        }

        return -1;
    }

    public override string ToString() =>
        $"{Name} ({string.Join(", ", Attributes.Select(a => $"{a.Name} {a.Type.ToString().ToLowerInvariant()}"))})";
}
