namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary><c>@App:namespace('...')</c> puts the generated types in that C# namespace instead of the project's.</summary>
public sealed class AppNamespaceTests
{
    [Test]
    public void TheAnnotationNamesTheNamespaceOfTheGeneratedTypes()
    {
        var result = GeneratedApp.Generate("@App:name('Prices') @App:namespace('Acme.Trading.Apps') define stream S (price double); from S select price insert into O;");
        Assert.That(result.AppTypeName, Is.EqualTo("Acme.Trading.Apps.Prices"));
        Assert.That(result.Source, Does.Contain("namespace Acme.Trading.Apps"));
        var type = GeneratedApp.Compile(result.Source!).GetType("Acme.Trading.Apps.SEvent");
        Assert.That(type, Is.Not.Null);
    }

    [TestCase("1Acme")]
    [TestCase("Acme..Apps")]
    [TestCase("Acme Apps")]
    public void ANamespaceThatIsNotACSharpNamespaceIsAnError(string ns)
    {
        var result = SiddhiAppCompiler.Compile("Test.siddhi", $"@App:namespace('{ns}') define stream S (price double); from S select price insert into O;", "Tests");
        Assert.That(result.Diagnostics.Select(d => d.Id), Does.Contain("SIDDHI080"));
    }
}
