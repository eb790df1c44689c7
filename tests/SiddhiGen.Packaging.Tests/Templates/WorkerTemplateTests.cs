using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SiddhiGen.Packaging.Tests.Templates;

/// <summary>
/// A new user's first steps, outside the repository: install the templates from the packed folder, make a
/// worker with `dotnet new siddhi-worker`, build it, test it, run it, add an app with `dotnet new siddhi-app`,
/// and make a mistake in its .siddhi file. The templates go into a hive of their own and the packages into a
/// package folder of their own, so the user's template list and package cache are left as they were; the
/// machine's package cache is a fallback folder, so nothing that is already there is downloaded again.
/// </summary>
[Category("packaging")]
public sealed partial class WorkerTemplateTests
{
    private string _hive = "";
    private string _worker = "";

    [OneTimeSetUp]
    public void InstallTheTemplatesAndMakeAWorker()
    {
        Assert.That(PackagingWorkspace.Pack.Succeeded, PackagingWorkspace.Pack.ToString);
        _hive = Path.Combine(PackagingWorkspace.Root, "template-hive");
        var templates = Path.Combine(PackagingWorkspace.PackageFolder, $"SiddhiGen.Templates.{PackagingWorkspace.Version}.nupkg");
        Ok(DotNetCli.Run(PackagingWorkspace.Root, "new", "install", templates, "--debug:custom-hive", _hive));

        _worker = Path.Combine(PackagingWorkspace.Root, "Demo");
        Ok(DotNetCli.Run(PackagingWorkspace.Root, "new", "siddhi-worker", "-n", "Demo", "-o", _worker, "--debug:custom-hive", _hive));
        File.WriteAllText(Path.Combine(_worker, "nuget.config"), NuGetConfig());
        Ok(DotNetCli.Run(_worker, "restore"));
    }

    [Test]
    public void TheWorkerBuildsWithoutAWarningPassesItsTestAndPrintsTheAverages()
    {
        var build = Ok(DotNetCli.Run(_worker, "build", "--no-restore", "-nodeReuse:false"));
        Assert.That(build.Output, Does.Contain("0 Warning(s)"), build.ToString);

        var test = Ok(DotNetCli.Run(_worker, "test", "--no-build"));
        Assert.That(test.Output, Does.Match(@"Passed!\s+- Failed:\s+0, Passed:\s+1,"), test.ToString);

        // As `dotnet run` would, without building again: the file source reads readings.csv once, then the worker stops.
        var run = Ok(DotNetCli.Run("dotnet", _worker, [Path.Combine("src", "Demo", "bin", "Debug", "net10.0", "Demo.dll")], null, TimeSpan.FromMinutes(2)));
        var averages = Averages().Matches(run.Output).Select(m => m.Groups[1].Value);
        Assert.That(averages, Is.EqualTo(new[] { "s1, 20", "s1, 25", "s2, 10", "s1, 30" }), run.ToString);
    }

    [Test]
    public void SiddhiAppAddsAnAppThatCompilesToAClassOfItsName()
    {
        var project = Path.Combine(_worker, "src", "Demo");
        Ok(DotNetCli.Run(project, "new", "siddhi-app", "-n", "Alerts", "--debug:custom-hive", _hive));
        Assert.That(File.Exists(Path.Combine(project, "Alerts.siddhi")));

        var generated = Path.Combine(PackagingWorkspace.Root, "generated");
        var build = Ok(DotNetCli.Run(project, "build", "--no-restore", "-nodeReuse:false", "-p:EmitCompilerGeneratedFiles=true", "-p:CompilerGeneratedFilesOutputPath=" + generated));

        var files = Directory.GetFiles(generated, "*.g.cs", SearchOption.AllDirectories);
        Assert.That(files.Select(Path.GetFileName), Does.Contain("Alerts.siddhi.g.cs").And.Contain("App.siddhi.g.cs"), build.ToString);
        Assert.That(File.ReadAllText(files.First(f => f.EndsWith("Alerts.siddhi.g.cs", StringComparison.Ordinal))), Does.Contain("public sealed partial class Alerts"));
        File.Delete(Path.Combine(project, "Alerts.siddhi"));
    }

    [Test]
    public void AMistakeInTheSiddhiFileFailsTheBuildAtItsLineAndColumn()
    {
        var app = Path.Combine(_worker, "src", "Demo", "App.siddhi");
        var original = File.ReadAllText(app);
        try
        {
            File.WriteAllText(app, original.Replace("select sensorId", "selec sensorId", StringComparison.Ordinal));

            var build = DotNetCli.Run(_worker, "build", "--no-restore", "-nodeReuse:false");

            Assert.That(build.ExitCode, Is.Not.Zero, build.ToString);
            var line = original[..original.IndexOf("select sensorId", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            Assert.That(build.Output, Does.Match(@"App\.siddhi\(" + line + @",1\): error SIDDHI0\d\d: "), build.ToString);
        }
        finally
        {
            File.WriteAllText(app, original);
        }
    }

    /// <summary>The packed folder before the machine's own feeds (inherited from the user's NuGet.Config, not cleared).</summary>
    private static string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{Path.Combine(PackagingWorkspace.Root, "nuget-packages")}" />
          </config>
          <packageSources>
            <add key="siddhigen-packed" value="{PackagingWorkspace.PackageFolder}" />
          </packageSources>
          <fallbackPackageFolders>
            <add key="machine-cache" value="{MachinePackageCache.Value}" />
          </fallbackPackageFolders>
        </configuration>
        """;

    /// <summary>Where this machine's restores put packages (`dotnet nuget locals global-packages --list`).</summary>
    private static readonly Lazy<string> MachinePackageCache = new(() =>
    {
        var list = Ok(DotNetCli.Run(PackagingWorkspace.Root, "nuget", "locals", "global-packages", "--list"));
        return list.Output.Trim().Split(": ", 2)[1].Trim();
    });

    private static CommandResult Ok(CommandResult result)
    {
        Assert.That(result.Succeeded, result.ToString);
        return result;
    }

    [GeneratedRegex(@"average : Event\{timestamp=\d+, data=\[([^\]]*)\]")]
    private static partial Regex Averages();
}
