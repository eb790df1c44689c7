using System.Globalization;
using System.Text;

namespace SiddhiGen.Runtime;

/// <summary>Formats and converts attribute values the way Siddhi users see them.</summary>
public static class SiddhiValues
{
    /// <summary>
    /// Formats a value for logs: numbers in the invariant culture, doubles and floats in their shortest
    /// round-trip form (<c>26</c>, <c>26.5</c>, <c>26.333333333333332</c>), null as <c>null</c>.
    /// </summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    /// <summary>Formats a row as Siddhi's <c>Event.toString()</c> does.</summary>
    public static string FormatEvent(long timestamp, object?[] data, bool isExpired)
    {
        var sb = new StringBuilder("Event{timestamp=").Append(timestamp.ToString(CultureInfo.InvariantCulture)).Append(", data=[");
        for (var i = 0; i < data.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(Format(data[i]));
        }

        return sb.Append("], isExpired=").Append(isExpired ? "true" : "false").Append('}').ToString();
    }
}
