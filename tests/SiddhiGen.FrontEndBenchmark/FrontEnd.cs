using System.Globalization;
using SiddhiGen.Generator.Binding;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.FrontEndBenchmark;

/// <summary>One app of a conformance corpus and whether the reference engine rejected it.</summary>
internal sealed record CorpusApp(string Id, string Text, bool Rejected);

/// <summary>The measured work: the generator's own parser and binder, exactly as the pipeline runs them, without emission.</summary>
internal static class FrontEnd
{
    private const string Path = "Bench.siddhi";

    /// <summary>Parses one app; returns the diagnostic count (kept so the work cannot be optimised away).</summary>
    public static int Parse(CorpusApp app) => SiddhiParser.ParseApp(Path, app.Text).Diagnostics.Length;

    /// <summary>Parses and binds one app; returns the diagnostic count.</summary>
    public static int ParseAndBind(CorpusApp app) => Diagnose(app).Count;

    public static IReadOnlyList<DiagnosticInfo> Diagnose(CorpusApp app)
    {
        var parsed = SiddhiParser.ParseApp(Path, app.Text);
        if (!parsed.Diagnostics.IsEmpty)
        {
            return parsed.Diagnostics;
        }

        var context = new BindingContext(Path, app.Text);
        AppBinder.Bind(context, parsed.App, Path, "Bench");
        return context.Diagnostics;
    }

    /// <summary>For each diagnostic ID (and each 'not supported yet' construct), how many accepted and rejected apps got it.</summary>
    public static void PrintDiagnostics(IEnumerable<CorpusApp> apps)
    {
        var counts = new SortedDictionary<string, (int Accepted, int Rejected)>(StringComparer.Ordinal);
        foreach (var app in apps)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in Diagnose(app))
            {
                keys.Add(diagnostic.Id == DiagnosticDescriptors.NotSupportedYet.Id ? diagnostic.Id + " " + Construct(diagnostic.Message) : diagnostic.Id);
            }

            foreach (var key in keys)
            {
                counts.TryGetValue(key, out var count);
                counts[key] = app.Rejected ? (count.Accepted, count.Rejected + 1) : (count.Accepted + 1, count.Rejected);
            }
        }

        foreach (var (key, count) in counts)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key,-60} accepted {count.Accepted,5} rejected {count.Rejected,5}"));
        }
    }

    /// <summary>"'insert into table 'T'' is not supported yet" → "insert into table" (names dropped so constructs group).</summary>
    private static string Construct(string message)
    {
        var text = message.EndsWith(" is not supported yet", StringComparison.Ordinal) ? message[..^" is not supported yet".Length] : message;
        var quote = text.IndexOf(" '", 1, StringComparison.Ordinal);
        return quote > 0 ? text[..quote] + "'" : text;
    }
}
