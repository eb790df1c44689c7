using System.Text.RegularExpressions;
using SiddhiGen.Conformance.Cases;

namespace SiddhiGen.Conformance.Stores;

/// <summary>
/// <c>--store sqlite</c> (design.md section 7): every <c>define table</c> of a case that has no <c>@store</c> gets
/// <c>@store(type='rdbms', jdbc.url='jdbc:sqlite:FILE')</c> before compiling, with a fresh SQLite file per case in
/// a temporary folder of this process (removed when it exits), so the table cases run against a real database.
/// </summary>
public static partial class SqliteStoreMode
{
    private static readonly Lazy<string> s_folder = new(CreateFolder);

    /// <summary>The cases with their in-memory tables moved to SQLite.</summary>
    public static List<ConformanceCase> Apply(IEnumerable<ConformanceCase> cases) =>
        cases.Select(c => c with { App = Rewrite(c.App, Path.Combine(s_folder.Value, "case" + c.Index + ".db")) }).ToList();

    /// <summary>Adds the SQLite store to each table definition of <paramref name="app"/> that has none.</summary>
    public static string Rewrite(string app, string file)
    {
        var annotation = $"@store(type='rdbms', jdbc.url='jdbc:sqlite:{file}') ";
        return DefineTable().Replace(app, match =>
        {
            // The definition's own annotations are what precede it since the previous statement.
            var start = app.LastIndexOf(';', match.Index) + 1;
            var annotations = app.Substring(start, match.Index - start);
            return annotations.Contains("@store", StringComparison.OrdinalIgnoreCase) ? match.Value : annotation + match.Value;
        });
    }

    private static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "siddhigen-store-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit: the OS's temp cleanup removes it.
            }
        };
        return folder;
    }

    [GeneratedRegex(@"\bdefine\s+table\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefineTable();
}
