using SiddhiGen.Generator;

namespace SiddhiGen.Rdbms.Tests.Diagnostics;

/// <summary>The store diagnostics: ID, message, and the line and column they point at.</summary>
[Category("rdbms")]
public sealed class StoreDiagnosticTests
{
    private const string S = "define stream S (symbol string, price double);\n";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("SIDDHI074", 2, 1, "@store(type='rdbms') on table 'T' needs exactly one of jdbc.url and datasource", S + "@store(type='rdbms', table.name='t')\ndefine table T (symbol string, price double);\nfrom S insert into T;");
        yield return Case("SIDDHI074", 2, 1, "@store(type='rdbms') on table 'T' needs exactly one of jdbc.url and datasource", S + "@store(type='rdbms', jdbc.url='jdbc:sqlite:a.db', datasource='DS')\ndefine table T (symbol string, price double);\nfrom S insert into T;");
        yield return Case("SIDDHI075", 2, 22, "jdbc.url 'jdbc:mysql://localhost:3306/db' of table 'T' is not supported: use jdbc:sqlite:FILE, jdbc:postgresql://host:port/db, or datasource='NAME' for another ADO.NET provider", S + "@store(type='rdbms', jdbc.url='jdbc:mysql://localhost:3306/db')\ndefine table T (symbol string, price double);\nfrom S insert into T;");
        yield return Case("SIDDHI076", 3, 14, "Attribute 'payload' of table 'T' is an object: an rdbms store holds string, int, long, float, double and bool attributes", S + "@store(type='rdbms', jdbc.url='jdbc:sqlite:a.db')\ndefine table T (symbol string, payload object);\nfrom S select symbol, null as payload insert into T;");
        yield return Case("SIDDHI077", 2, 51, "field.length entry 'sym:10' of table 'T' must be 'attribute:length' with an attribute of the table and a positive length", S + "@store(type='rdbms', jdbc.url='jdbc:sqlite:a.db', field.length='sym:10')\ndefine table T (symbol string, price double);\nfrom S insert into T;");
        yield return Case("SIDDHI001", 3, 14, "'@store(type='mongodb') table' is not supported yet", S + "@store(type='mongodb', mongodb.uri='mongodb://localhost/db')\ndefine table T (symbol string, price double);\nfrom S insert into T;");
        yield return Case("SIDDHI001", 3, 14, "'@cache on a store table' is not supported yet", S + "@store(type='rdbms', jdbc.url='jdbc:sqlite:a.db', @cache(size='10'))\ndefine table T (symbol string, price double);\nfrom S insert into T;");
    }

    private static TestCaseData Case(string id, int line, int column, string message, string app) =>
        new TestCaseData(id, line, column, message, app).SetName($"{id} {message}");

    [TestCaseSource(nameof(Cases))]
    public void IsReportedAtTheOffendingSpan(string id, int line, int column, string message, string app)
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", app, "Tests");
        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.That(diagnostic, Is.Not.Null, $"expected {id}; got: {string.Join("; ", result.Diagnostics)}");
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic!.Message, Is.EqualTo(message));
            Assert.That((diagnostic.Location!.Line, diagnostic.Location.Column), Is.EqualTo((line, column)), diagnostic.ToString());
            Assert.That(result.Source, Is.Null, "an app with errors generates nothing");
        });
    }

    [Test]
    public void APlaceholderUrlIsCheckedAtRunTimeNotBuildTime()
    {
        var result = SiddhiAppCompiler.Compile("App.siddhi", S + "@store(type='rdbms', jdbc.url='${DB_URL}')\ndefine table T (symbol string, price double);\nfrom S insert into T;", "Tests");
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Source, Does.Contain("StoreTables.Create"));
    }
}
