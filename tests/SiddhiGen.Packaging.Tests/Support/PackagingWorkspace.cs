using System.Globalization;

namespace SiddhiGen.Packaging.Tests;

/// <summary>
/// One temporary folder for the whole run, outside the repository: a copy of the repository's sources
/// (never its bin/ or obj/), and the packages `dotnet pack SiddhiGen.sln` writes from that copy.
/// <para>
/// Packing and publishing from a copy is what lets these tests run while the other test projects of the
/// same `dotnet test SiddhiGen.sln` run in parallel: a pack or a Release publish in the repository itself
/// would rebuild the generator and the runtime into the very bin/ and obj/ folders the others load from.
/// The packages get a version of their own (0.0.0-packagingtest.N), so a package cache can never hand
/// a worker an older build under the same version.
/// </para>
/// </summary>
public static class PackagingWorkspace
{
    /// <summary>The repository these tests were built from (the folder that holds SiddhiGen.sln).</summary>
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    /// <summary>The version every package of this run has.</summary>
    public static readonly string Version = "0.0.0-packagingtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private static readonly Lazy<string> s_root = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "siddhigen-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return root;
    });

    private static readonly Lazy<string> s_source = new(() =>
    {
        var target = Path.Combine(Root, "repo");
        CopyTree(RepositoryRoot, target);
        return target;
    });

    private static readonly Lazy<CommandResult> s_pack = new(() =>
        DotNetCli.Run(Source, "pack", "SiddhiGen.sln", "-c", "Release", "-o", PackageFolder, "-p:Version=" + Version, "-p:ContinuousIntegrationBuild=false", "-nodeReuse:false"));

    public static string Root => s_root.Value;

    /// <summary>The copy of the repository that is packed and published.</summary>
    public static string Source => s_source.Value;

    public static string PackageFolder => Path.Combine(Root, "packages");

    /// <summary>`dotnet pack SiddhiGen.sln -c Release -o packages`, run once for all tests.</summary>
    public static CommandResult Pack => s_pack.Value;

    public static void Delete()
    {
        if (s_root.IsValueCreated)
        {
            try
            {
                Directory.Delete(s_root.Value, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string FindRepositoryRoot()
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

    /// <summary>The sources as a clean clone has them: no build outputs, no .git.</summary>
    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is not ("bin" or "obj" or ".git" or ".vs" or "TestResults" or "artifacts" or "BenchmarkDotNet.Artifacts"))
            {
                CopyTree(dir, Path.Combine(to, name));
            }
        }
    }
}

/// <summary>Deletes the run's temporary folder once every test of the assembly has run.</summary>
[SetUpFixture]
public sealed class PackagingWorkspaceCleanup
{
    [OneTimeTearDown]
    public void DeleteWorkspace() => PackagingWorkspace.Delete();
}
