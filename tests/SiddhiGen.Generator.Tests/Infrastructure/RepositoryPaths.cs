namespace SiddhiGen.Generator.Tests;

/// <summary>Finds files of the repository from the test's output folder (works under deterministic path maps too).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "SiddhiGen.Generator.Tests");

    public static string Sample(string relative) => Path.Combine(Root, "samples", relative);

    /// <summary>The shared conformance folder beside the repository, or null when it is not there.</summary>
    public static string? ConformanceCorpus
    {
        get
        {
            var path = Path.Combine(Root, "..", "shared", "conformance", "siddhi-core.jsonl");
            return File.Exists(path) ? Path.GetFullPath(path) : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SiddhiGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SiddhiGen.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
