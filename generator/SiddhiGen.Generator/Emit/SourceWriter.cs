using System;
using System.Text;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes indented C# line by line (after System.Text.Json's generator): the emitter stays readable and
/// the output is formatted without a syntax-tree round trip.
/// </summary>
internal sealed class SourceWriter
{
    private const int SpacesPerIndent = 4;
    private readonly StringBuilder _sb = new();
    private int _indentation;

    public int Indentation => _indentation;

    public void WriteLine(string line)
    {
        if (line.Length == 0)
        {
            _sb.Append('\n');
            return;
        }

        _sb.Append(' ', _indentation * SpacesPerIndent).Append(line).Append('\n');
    }

    public void WriteLine() => _sb.Append('\n');

    /// <summary>Writes each line of <paramref name="text"/> prefixed with <c>// </c>.</summary>
    public void WriteComment(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.TrimEnd();
            WriteLine(trimmed.Length == 0 ? "//" : "// " + trimmed);
        }
    }

    /// <summary>Writes <c>/// &lt;summary&gt;</c> documentation.</summary>
    public void WriteSummary(string text) => WriteLine("/// <summary>" + EscapeXml(text) + "</summary>");

    public void OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        _indentation++;
    }

    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indentation--;
        WriteLine("}" + suffix);
    }

    public override string ToString() => _sb.ToString();

    public static string EscapeXml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A C# string literal for <paramref name="value"/> (verbatim-free, escaped).</summary>
    public static string StringLiteral(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (c < ' ' || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    public static string Indent(int levels) => new(' ', Math.Max(0, levels) * SpacesPerIndent);
}
