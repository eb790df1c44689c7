using System.Text;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// A string with <c>{{attr}}</c> placeholders (Siddhi's TemplateBuilder): dynamic sink options such as
/// <c>file.uri='/out/{{symbol}}.txt'</c> and custom <c>@payload</c> templates. Parsed once against
/// the stream's schema, so an unknown attribute fails at start, not per event.
/// </summary>
public sealed class OptionTemplate
{
    private readonly string[] _literals;
    private readonly int[] _attributes;

    private OptionTemplate(string text, string[] literals, int[] attributes)
    {
        Text = text;
        _literals = literals;
        _attributes = attributes;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>True when the value depends on the event.</summary>
    public bool IsDynamic => _attributes.Length > 0;

    /// <summary>The attribute positions the template reads, in order of appearance.</summary>
    public IReadOnlyList<int> AttributeIndexes => _attributes;

    public static bool HasPlaceholders(string text)
    {
        var open = text.IndexOf("{{", StringComparison.Ordinal);
        return open >= 0 && text.IndexOf("}}", open + 2, StringComparison.Ordinal) > open;
    }

    /// <summary>Parses <paramref name="text"/>; every <c>{{name}}</c> must be an attribute of <paramref name="schema"/>.</summary>
    public static OptionTemplate Parse(string text, StreamSchema schema, string what)
    {
        var literals = new List<string>();
        var attributes = new List<int>();
        var position = 0;
        var literal = new StringBuilder();
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                literal.Append(text, position, text.Length - position);
                break;
            }

            literal.Append(text, position, open - position);
            var name = text.Substring(open + 2, close - open - 2).Trim();
            var index = schema.IndexOf(name);
            if (index < 0)
            {
                throw new ConnectorConfigurationException($"The template of {what} refers to '{{{{{name}}}}}', but stream '{schema.Name}' has no attribute '{name}'.");
            }

            literals.Add(literal.ToString());
            literal.Clear();
            attributes.Add(index);
            position = close + 2;
        }

        literals.Add(literal.ToString());
        return new OptionTemplate(text, [.. literals], [.. attributes]);
    }

    /// <summary>The value for one event (a positional row of the stream).</summary>
    public string Format(object?[] row, Func<object?, string>? format = null)
    {
        if (_attributes.Length == 0)
        {
            return _literals[0];
        }

        format ??= SiddhiValues.Format;
        var sb = new StringBuilder(_literals[0]);
        for (var i = 0; i < _attributes.Length; i++)
        {
            sb.Append(format(row[_attributes[i]])).Append(_literals[i + 1]);
        }

        return sb.ToString();
    }

    public override string ToString() => Text;
}
