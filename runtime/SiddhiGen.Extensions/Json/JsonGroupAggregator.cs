using System.Text.Json.Nodes;
using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// <c>json:group(json)</c>: the JSON elements of the events in the window as the text of one JSON array, in arrival
/// order. The <c>distinct</c> and <c>enclosing.element</c> overloads take constant arguments, which the aggregator
/// contract does not pass yet.
/// </summary>
[SiddhiAggregator("json:group")]
public sealed class JsonGroupAggregator : IAttributeAggregator<object?, object?>
{
    private readonly JsonGroup _group = new();

    /// <inheritdoc />
    public object? Value => _group.Array().ToJsonString();

    /// <inheritdoc />
    public void Add(object? value) => _group.Add(value, "json:group");

    /// <inheritdoc />
    public void Remove(object? value) => _group.Remove(value);

    /// <inheritdoc />
    public void Reset() => _group.Reset();
}

/// <summary><c>json:groupAsObject(json)</c>: as <c>json:group</c>, the array as a JSON object.</summary>
[SiddhiAggregator("json:groupAsObject")]
public sealed class JsonGroupAsObjectAggregator : IAttributeAggregator<object?, object?>
{
    private readonly JsonGroup _group = new();

    /// <inheritdoc />
    public object? Value => _group.Array();

    /// <inheritdoc />
    public void Add(object? value) => _group.Add(value, "json:groupAsObject");

    /// <inheritdoc />
    public void Remove(object? value) => _group.Remove(value);

    /// <inheritdoc />
    public void Reset() => _group.Reset();
}

/// <summary>The window's JSON elements, each kept with the argument it came from so an expired event removes its own.</summary>
internal sealed class JsonGroup
{
    private readonly List<(object Argument, JsonNode? Node)> _items = new();

    public void Add(object? value, string function)
    {
        if (value is not null)
        {
            _items.Add((value, JsonFunctions.Node(value, function)));
        }
    }

    public void Remove(object? value)
    {
        var i = _items.FindIndex(x => Equals(x.Argument, value));
        if (i >= 0)
        {
            _items.RemoveAt(i);
        }
    }

    public void Reset() => _items.Clear();

    public JsonArray Array() => new(_items.Select(x => x.Node?.DeepClone()).ToArray());
}
