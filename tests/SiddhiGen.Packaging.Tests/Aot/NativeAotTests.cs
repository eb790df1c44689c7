using System.Text.RegularExpressions;

namespace SiddhiGen.Packaging.Tests.Aot;

/// <summary>
/// `dotnet publish -c Release -p:PublishAot=true` of the sample: no trimming or AOT warning (IL2xxx, IL3xxx)
/// from the runtime, the hosting integration, the connectors or the generated code, and the native binary
/// prints exactly what the JIT build prints. Published from the copy of the repository (see
/// <see cref="PackagingWorkspace"/>), so the Release builds never touch the repository's own bin/ and obj/.
/// </summary>
[Category("aot")]
public sealed partial class NativeAotTests
{
    [Test]
    public void TheSamplePublishedAheadOfTimeHasNoWarningAndPrintsTheSameAveragesAsTheJitBuild()
    {
        if (!OnPath("clang") && !OnPath("gcc"))
        {
            Assert.Ignore("native AOT needs a C toolchain (Debian: apt-get install clang zlib1g-dev; .ci/run installs them)");
        }

        var sample = Path.Combine(PackagingWorkspace.Source, "samples", "TemperatureMonitoring");
        var native = Path.Combine(PackagingWorkspace.Root, "aot");
        var jit = Path.Combine(PackagingWorkspace.Root, "jit");

        var publish = DotNetCli.Run(sample, "publish", "-c", "Release", "-p:PublishAot=true", "-o", native, "-nodeReuse:false", "-p:ContinuousIntegrationBuild=false");
        Assert.That(publish.Succeeded, publish.ToString);
        Assert.That(Warnings().Matches(publish.Output).Select(m => m.Value).Distinct(), Is.Empty, publish.ToString);
        var jitPublish = DotNetCli.Run(sample, "publish", "-c", "Release", "-o", jit, "-nodeReuse:false", "-p:ContinuousIntegrationBuild=false");
        Assert.That(jitPublish.Succeeded, jitPublish.ToString);

        var nativeRun = DotNetCli.Run(Path.Combine(native, "TemperatureMonitoring"), native, [], null, TimeSpan.FromMinutes(1));
        var jitRun = DotNetCli.Run("dotnet", jit, [Path.Combine(jit, "TemperatureMonitoring.dll")], null, TimeSpan.FromMinutes(1));

        Assert.That(nativeRun.Succeeded, nativeRun.ToString);
        Assert.That(jitRun.Succeeded, jitRun.ToString);
        var averages = Averages(jitRun.Output);
        Assert.That(averages, Has.Count.EqualTo(10), jitRun.ToString);
        Assert.That(averages[..3], Is.EqualTo(new[] { "26", "26.5", "26.333333333333332" }), "README's first averages");
        Assert.That(Averages(nativeRun.Output), Is.EqualTo(averages), nativeRun.ToString);
        TestContext.Progress.WriteLine($"  native binary: {new FileInfo(Path.Combine(native, "TemperatureMonitoring")).Length / 1024} KiB");
    }

    /// <summary>The avgTemp of each log sink line: <c>... data=[NW106, LW100, 26.5] ...</c>.</summary>
    private static List<string> Averages(string output) =>
        [.. LogLine().Matches(output).Select(m => m.Groups[1].Value)];

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, program)));

    [GeneratedRegex(@"warning IL\d{4}[^\r\n]*")]
    private static partial Regex Warnings();

    [GeneratedRegex(@"data=\[[^,\]]*, [^,\]]*, ([^\]]*)\]")]
    private static partial Regex LogLine();
}
