using System.Globalization;
using SiddhiGen.Generator;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Tool.Check;

/// <summary>
/// <c>siddhigen check App.siddhi ...</c>: the generator's whole pipeline (parse, bind, plan, emit) on each
/// file, every diagnostic printed as MSBuild prints it, <c>App.siddhi(3,7): error SIDDHI010: ...</c>, so
/// editors and CI outside MSBuild can use them. Exit code 1 when any file has an error.
/// </summary>
public static class CheckCommand
{
    public const string Usage = "siddhigen check <App.siddhi>... [--quiet]";

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var arguments = Arguments.Parse(args, new HashSet<string> { "quiet" }, new HashSet<string>());
        if (arguments.Positional.Count == 0)
        {
            throw new UsageException("check needs at least one .siddhi file.");
        }

        var errors = 0;
        var warnings = 0;
        foreach (var path in arguments.Positional)
        {
            if (!File.Exists(path))
            {
                output.WriteLine($"{path}: error: file not found");
                errors++;
                continue;
            }

            var result = SiddhiAppCompiler.Compile(path, File.ReadAllText(path), "SiddhiApps");
            foreach (var diagnostic in result.Diagnostics)
            {
                output.WriteLine(Format(path, diagnostic));
                if (diagnostic.IsError)
                {
                    errors++;
                }
                else
                {
                    warnings++;
                }
            }
        }

        if (!arguments.Flag("quiet"))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{arguments.Positional.Count} file(s) checked: {errors} error(s), {warnings} warning(s)."));
        }

        return errors > 0 ? 1 : 0;
    }

    /// <summary><c>App.siddhi(3,7): error SIDDHI010: Stream 'Foo' is not defined</c>, with the path as given.</summary>
    public static string Format(string path, DiagnosticInfo diagnostic)
    {
        var severity = diagnostic.IsError ? "error" : "warning";
        var where = diagnostic.Location is { } l ? string.Create(CultureInfo.InvariantCulture, $"({l.Line},{l.Column})") : string.Empty;
        return $"{path}{where}: {severity} {diagnostic.Id}: {diagnostic.Message}";
    }
}
