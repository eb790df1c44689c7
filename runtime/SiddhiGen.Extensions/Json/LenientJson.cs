using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiddhiGen.Extensions;

/// <summary>
/// JSON text as the Java library reads it (json-smart through Jayway JsonPath): besides standard JSON it accepts
/// single-quoted strings and names (<c>{'name' : 'John'}</c>, as in the library's own examples) and trailing commas.
/// Single-quoted strings are rewritten to standard ones before System.Text.Json parses the text.
/// </summary>
internal static class LenientJson
{
    private static readonly JsonDocumentOptions s_options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The parsed node (null for the JSON literal <c>null</c>); malformed text throws <see cref="JsonException"/>.</summary>
    public static JsonNode? Parse(string text) => JsonNode.Parse(Standardize(text), documentOptions: s_options);

    /// <summary>The argument of a <c>json:</c> function as a node: JSON text, or an object this library made.</summary>
    public static JsonNode? Read(object? value, string function) => value switch
    {
        null => throw Fail.Null(function, 1),
        JsonNode node => node,
        string text => ParseOrFail(text, function),
        _ => JsonSerializer.SerializeToNode(value),
    };

    private static JsonNode? ParseOrFail(string text, string function)
    {
        try
        {
            return Parse(text);
        }
        catch (JsonException ex)
        {
            throw Fail.Because(function, "The input JSON is not a valid JSON. Input JSON - " + text, ex);
        }
    }

    private static string Standardize(string text)
    {
        if (text.IndexOf('\'') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                // A standard string: copy it whole, escapes included.
                var end = i + 1;
                while (end < text.Length && text[end] != '"')
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                sb.Append(text, i, Math.Min(end + 1, text.Length) - i);
                i = end;
            }
            else if (c == '\'')
            {
                sb.Append('"');
                for (i++; i < text.Length && text[i] != '\''; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        sb.Append(text[i + 1] == '\'' ? "'" : "\\" + text[i + 1]);
                        i++;
                    }
                    else
                    {
                        sb.Append(text[i] == '"' ? "\\\"" : text[i].ToString());
                    }
                }

                sb.Append('"');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
