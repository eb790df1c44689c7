namespace SiddhiGen.Runtime.Tests;

/// <summary>
/// Just enough of Siddhi's selector to check windows against corpus cases that aggregate without <c>group by</c>:
/// per chunk, CURRENT adds, EXPIRED removes, RESET resets, and the chunk yields one row for its last
/// CURRENT or EXPIRED event with the aggregate as of that event. With <c>only</c>, just that kind qualifies for the
/// row (<c>insert current events</c> / <c>insert expired events</c>).
/// </summary>
public static class MiniSelector
{
    /// <summary>Rows as <c>+value</c> (current) or <c>-value</c> (expired), one per chunk.</summary>
    public static List<string> Aggregate<TAgg, TOut>(IEnumerable<EmittedChunk> chunks, Func<TestEvent, double?> argument, Func<TOut, string> format, EventKind? only = null)
        where TAgg : IAttributeAggregator<double?, TOut>, new()
    {
        var aggregator = new TAgg();
        var rows = new List<string>();
        foreach (var chunk in chunks)
        {
            string? row = null;
            foreach (var e in chunk.Events)
            {
                switch (e.Kind)
                {
                    case EventKind.Current:
                        aggregator.Add(argument(e.Data));
                        row = only is null or EventKind.Current ? "+" + format(aggregator.Value) : row;
                        break;
                    case EventKind.Expired:
                        aggregator.Remove(argument(e.Data));
                        row = only is null or EventKind.Expired ? "-" + format(aggregator.Value) : row;
                        break;
                    case EventKind.Reset:
                        aggregator.Reset();
                        break;
                }
            }

            if (row is not null)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    public static string Format(double? value) => value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    /// <summary><c>count()</c> shaped for <see cref="Aggregate"/>.</summary>
    public struct CountRows : IAttributeAggregator<double?, double?>
    {
        private CountAggregator _count;

        public readonly double? Value => _count.Value;

        public void Add(double? value) => _count.Add();

        public void Remove(double? value) => _count.Remove();

        public void Reset() => _count.Reset();
    }
}
