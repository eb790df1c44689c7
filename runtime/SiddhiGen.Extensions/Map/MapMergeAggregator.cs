using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// <c>map:merge(map)</c>: the union of the maps of the events in the window (a later event's value wins for a key).
/// An expired event's map takes its keys out again, so a sliding window holds exactly its events' pairs.
/// </summary>
[SiddhiAggregator("map:merge")]
public sealed class MapMergeAggregator : IAttributeAggregator<object?, object?>
{
    /// <summary>The maps in arrival order; the merge is rebuilt from them when one leaves.</summary>
    private readonly List<IDictionary<object, object?>> _maps = new();

    /// <inheritdoc />
    public object? Value
    {
        get
        {
            var merged = SiddhiMap.New();
            foreach (var map in _maps)
            {
                foreach (var pair in map)
                {
                    merged[pair.Key] = pair.Value;
                }
            }

            return merged;
        }
    }

    /// <inheritdoc />
    public void Add(object? value)
    {
        if (value is not null)
        {
            _maps.Add(SiddhiMap.Of(value, "map:merge"));
        }
    }

    /// <inheritdoc />
    public void Remove(object? value)
    {
        if (value is IDictionary<object, object?> map)
        {
            _maps.Remove(map);
        }
    }

    /// <inheritdoc />
    public void Reset() => _maps.Clear();
}
