using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SiddhiGen.Rdbms.Tests.Apps.NullRules;
using SiddhiGen.Runtime;

namespace SiddhiGen.Rdbms.Tests.Sqlite;

/// <summary>
/// Conditions pushed down to SQL keep Siddhi's null rules: a comparison with null is false, <c>!=</c> with null is
/// true, <c>not</c> of null is true, division by zero is null. A join re-checks its rows in C#, so a wrong WHERE would
/// lose rows there; a delete runs the SQL alone, so a wrong WHERE would delete the wrong rows.
/// </summary>
[Category("rdbms")]
public sealed class NullRuleTests
{
    private TempFolder _folder = null!;
    private NullRules _app = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempFolder();
        _app = new NullRules(new SiddhiAppOptions
        {
            LoggerFactory = NullLoggerFactory.Instance,
            Variables = new Dictionary<string, string> { ["DB_URL"] = "jdbc:sqlite:" + _folder.File("null.db") },
        });
        _app.Start();
        _app.Rows.Send(new RowsEvent("low", 1.0));
        _app.Rows.Send(new RowsEvent("none", null));
        _app.Rows.Send(new RowsEvent("high", 5.0));
    }

    [TearDown]
    public void TearDown()
    {
        _app.Shutdown();
        _app.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Test]
    public void JoinsMatchWhatSiddhiMatches()
    {
        var notAbove = new List<string?>();
        var different = new List<string?>();
        var divided = new List<string?>();
        _app.NotAbove.Subscribe(e => notAbove.Add(e.Symbol));
        _app.Different.Subscribe(e => different.Add(e.Symbol));
        _app.Divided.Subscribe(e => divided.Add(e.Symbol));

        _app.Probes.Send(new ProbesEvent(2.0));

        Assert.That(notAbove, Is.EqualTo(new[] { "low", "none" }), "not (null > 2) is true");
        Assert.That(different, Is.EqualTo(new[] { "low", "none", "high" }), "null != 2 is true");
        Assert.That(divided, Is.EqualTo(new[] { "low", "none", "high" }), "x / 0 is null, so not (x / 0 > 0) is true");
    }

    [Test]
    public void ADeleteRunByItsSqlAloneDeletesWhatSiddhiWould()
    {
        _app.Deletes.Send(new DeletesEvent(2.0));

        Assert.That(_app.Query("from PriceTable select symbol"), Is.EqualTo(new[] { new object?[] { "high" } }));
    }
}
