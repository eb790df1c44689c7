using System.IO.Compression;
using System.Xml.Linq;

namespace SiddhiGen.Packaging.Tests.Packages;

/// <summary>
/// `dotnet pack SiddhiGen.sln -c Release -o DIR` writes every package of design.md section 8 and nothing
/// else, each with what a package on a public feed needs.
/// </summary>
[Category("packaging")]
public sealed class PackageSetTests
{
    /// <summary>SiddhiGen, SiddhiGen.Templates, the siddhigen tool, and one package per project under runtime/ (a new one is expected at once).</summary>
    private static IEnumerable<string> ExpectedIds() =>
        Directory.EnumerateDirectories(Path.Combine(PackagingWorkspace.RepositoryRoot, "runtime"))
            .Where(dir => File.Exists(Path.Combine(dir, Path.GetFileName(dir) + ".csproj")))
            .Select(Path.GetFileName)
            .Append("SiddhiGen")
            .Append("SiddhiGen.Templates")
            .Append("SiddhiGen.Tool")
            .Order(StringComparer.Ordinal)!;

    private static string Nupkg(string id, string extension = ".nupkg") =>
        Path.Combine(PackagingWorkspace.PackageFolder, $"{id}.{PackagingWorkspace.Version}{extension}");

    [OneTimeSetUp]
    public void PackTheSolution() => Assert.That(PackagingWorkspace.Pack.Succeeded, PackagingWorkspace.Pack.ToString);

    [Test]
    public void PackWritesExactlyThePackagesOfTheDesignWithoutAWarning()
    {
        var suffix = "." + PackagingWorkspace.Version + ".nupkg";
        var written = Directory.GetFiles(PackagingWorkspace.PackageFolder, "*.nupkg").Select(f => Path.GetFileName(f)[..^suffix.Length]).Order(StringComparer.Ordinal);

        Assert.That(written, Is.EqualTo(ExpectedIds()), "tests, samples and benchmarks are not packed; every runtime/ project is");
        Assert.That(PackagingWorkspace.Pack.Output, Does.Not.Contain("warning NU"), "no pack warning (NU5128 and the like)");
    }

    [Test]
    public void SiddhiGenHoldsTheGeneratorAsAnAnalyzerItsPropsAndDependsOnTheRuntime()
    {
        using var package = ZipFile.OpenRead(Nupkg("SiddhiGen"));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        var nuspec = Nuspec(package);
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id") + " " + (string?)e.Attribute("version"));

        Assert.Multiple(() =>
        {
            Assert.That(entries, Does.Contain("analyzers/dotnet/cs/SiddhiGen.Generator.dll"));
            Assert.That(entries, Does.Contain("buildTransitive/SiddhiGen.props"), "NuGet imports buildTransitive/<id>.props");
            Assert.That(entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)), Is.EqualTo(new[] { "lib/net10.0/_._" }), "no assembly to compile against, but net10.0 declared");
            Assert.That(dependencies, Is.EqualTo(new[] { "SiddhiGen.Runtime " + PackagingWorkspace.Version }));
            Assert.That(nuspec.Descendants().Any(e => e.Name.LocalName == "developmentDependency"), Is.False, "a development dependency would hide the runtime from the compiler");
        });
    }

    [Test]
    public void EveryPackageHasAReadmeALicenceAndRepositoryMetadata()
    {
        foreach (var id in ExpectedIds())
        {
            using var package = ZipFile.OpenRead(Nupkg(id));
            var metadata = Nuspec(package).Descendants().First(e => e.Name.LocalName == "metadata");
            string? Field(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name) is { } e ? e.Value : null;
            var repository = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "repository");

            Assert.Multiple(() =>
            {
                Assert.That(Field("readme"), Is.EqualTo("README.md"), id);
                Assert.That(package.GetEntry("README.md"), Is.Not.Null, id);
                Assert.That(metadata.Elements().First(e => e.Name.LocalName == "license").Attribute("type")?.Value, Is.EqualTo("expression"), id);
                Assert.That(Field("description"), Is.Not.Empty.And.Not.EqualTo("Package Description"), id);
                Assert.That((string?)repository?.Attribute("type"), Is.EqualTo("git"), id);
            });
        }
    }

    [Test]
    public void EveryLibraryShipsItsXmlDocsAndASymbolsPackage()
    {
        foreach (var id in ExpectedIds().Where(id => id is not ("SiddhiGen" or "SiddhiGen.Templates" or "SiddhiGen.Tool")))
        {
            using var package = ZipFile.OpenRead(Nupkg(id));
            using var symbols = ZipFile.OpenRead(Nupkg(id, ".snupkg"));

            Assert.Multiple(() =>
            {
                Assert.That(package.GetEntry($"lib/net10.0/{id}.dll"), Is.Not.Null, id);
                Assert.That(package.GetEntry($"lib/net10.0/{id}.xml"), Is.Not.Null, id + ": XML docs");
                Assert.That(symbols.GetEntry($"lib/net10.0/{id}.pdb"), Is.Not.Null, id + ": symbols");
            });
        }
    }

    [Test]
    public void EveryConnectorPackageKeepsItselfInTrimmedApps()
    {
        foreach (var id in ExpectedIds().Where(id => id is not ("SiddhiGen" or "SiddhiGen.Templates" or "SiddhiGen.Tool" or "SiddhiGen.Runtime" or "SiddhiGen.Hosting")))
        {
            using var package = ZipFile.OpenRead(Nupkg(id));
            var props = package.GetEntry($"buildTransitive/{id}.props");

            Assert.That(props, Is.Not.Null, id + ": a connector is loaded by name, which the trimmer cannot see");
            using var reader = new StreamReader(props!.Open());
            Assert.That(reader.ReadToEnd(), Does.Contain("<TrimmerRootAssembly Include=\"$(MSBuildThisFileName)\" />"), id);
        }
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.First(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }
}
