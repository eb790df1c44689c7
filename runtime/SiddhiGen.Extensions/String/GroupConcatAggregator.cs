using System.Text;
using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// <c>str:groupConcat(key)</c>: the keys of the events in the window joined with <c>,</c> in arrival order (nulls skipped).
/// The separator/distinct/order overloads take constant arguments, which the aggregator contract does not pass yet.
/// </summary>
[SiddhiAggregator("str:groupConcat")]
public sealed class GroupConcatAggregator : IAttributeAggregator<string?, string?>
{
    /// <summary>The keys held, oldest first.</summary>
    private readonly List<string> _keys = new();

    /// <inheritdoc />
    public string? Value
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var key in _keys)
            {
                sb.Append(sb.Length == 0 ? string.Empty : ",").Append(key);
            }

            return sb.ToString();
        }
    }

    /// <inheritdoc />
    public void Add(string? value)
    {
        if (value is not null)
        {
            _keys.Add(value);
        }
    }

    /// <inheritdoc />
    public void Remove(string? value)
    {
        if (value is not null)
        {
            _keys.Remove(value);
        }
    }

    /// <inheritdoc />
    public void Reset() => _keys.Clear();
}
