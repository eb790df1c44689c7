namespace SiddhiGen.Conformance.Tests;

/// <summary>Finds the repository and the conformance corpus from the test's output folder.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding SiddhiGen.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SiddhiGen.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("SiddhiGen.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string KnownPassing => Path.Combine(RepositoryRoot, "tests", "SiddhiGen.Conformance", "known-passing.txt");

    /// <summary>
    /// The siddhi-core corpus: <c>SIDDHIGEN_CONFORMANCE_CASES</c> when set, else <c>conformance/</c> in the
    /// repository or in the shared folder beside it; null when none exists.
    /// </summary>
    public static string? Corpus
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("SIDDHIGEN_CONFORMANCE_CASES");
            string[] candidates =
            [
                .. string.IsNullOrEmpty(fromEnvironment) ? Array.Empty<string>() : [fromEnvironment],
                Path.Combine(RepositoryRoot, "conformance", "siddhi-core.jsonl"),
                Path.Combine(RepositoryRoot, "..", "shared", "conformance", "siddhi-core.jsonl"),
            ];
            return candidates.FirstOrDefault(File.Exists);
        }
    }
}
