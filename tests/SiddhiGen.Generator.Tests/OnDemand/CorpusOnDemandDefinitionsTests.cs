using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SiddhiGen.Generator.Binding;
using SiddhiGen.Generator.Parsing;
using SiddhiGen.Generator.Tests.Parsing;

namespace SiddhiGen.Generator.Tests.OnDemand;

/// <summary>
/// Every corpus app that generates gives the runtime definitions its on-demand binder accepts, and each source it
/// registers can be found by name: what <c>app.Query("from X")</c> relies on, checked without compiling the apps.
/// </summary>
public sealed partial class CorpusOnDemandDefinitionsTests
{
    [Test]
    public void DefinitionsBindAndEveryRegisteredSourceIsFindable()
    {
        var corpus = CorpusParsingTests.LoadCorpus() ?? throw new IgnoreException("The conformance corpus is not present.");
        var failures = new List<string>();
        var checkedApps = 0;
        foreach (var corpusCase in corpus.Where(c => c.Error is null))
        {
            var result = SiddhiAppCompiler.Compile("App.siddhi", corpusCase.App, "Tests");
            if (result.Source is null || Definitions().Match(result.Source) is not { Success: true } definitions)
            {
                continue;
            }

            checkedApps++;
            var text = Unescape(definitions.Groups[1].Value);
            var context = new BindingContext("App.siddhi", text);
            var binder = OnDemandQueries.ForApp(context, SiddhiParser.ParseApp("App.siddhi", text).App, "App.siddhi");
            var errors = context.Diagnostics.Where(d => d.IsError && string.CompareOrdinal(d.Id, "SIDDHI080") < 0).ToList();
            if (errors.Count > 0)
            {
                failures.Add(corpusCase.Id + ": definitions: " + string.Join(" | ", errors));
            }

            foreach (Match registered in Registrations().Matches(result.Source))
            {
                var bound = binder.Bind("from " + registered.Groups[1].Value);
                if (bound.Query is null)
                {
                    failures.Add(corpusCase.Id + ": from " + registered.Groups[1].Value + ": " + string.Join(" | ", bound.Diagnostics));
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(checkedApps, Is.GreaterThan(100), "apps with named windows or tables");
            Assert.That(failures, Is.Empty);
        });
    }

    [GeneratedRegex("UseOnDemandQueries\\((\"(?:[^\"\\\\]|\\\\.)*\")\\);")]
    private static partial Regex Definitions();

    [GeneratedRegex("Register(?:Queryable|Table)\\(\"([^\"]*)\"")]
    private static partial Regex Registrations();

    /// <summary>The value of a C# string literal as <c>SourceWriter.StringLiteral</c> writes it.</summary>
    private static string Unescape(string literal)
    {
        var sb = new StringBuilder();
        for (var i = 1; i < literal.Length - 1; i++)
        {
            var c = literal[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            c = literal[++i];
            switch (c)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '0': sb.Append('\0'); break;
                case 'u':
                    sb.Append((char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
