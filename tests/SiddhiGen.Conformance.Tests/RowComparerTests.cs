using System.Collections.Immutable;
using System.Text.Json;
using SiddhiGen.Conformance.Values;
using SiddhiGen.Runtime;
using static SiddhiGen.Conformance.Tests.TestCases;

namespace SiddhiGen.Conformance.Tests;

public class RowComparerTests
{
    private static ImmutableArray<ImmutableArray<JsonElement>> Rows(string json) => [.. Json(json).EnumerateArray().Select(r => r.EnumerateArray().ToImmutableArray())];

    [Test]
    public void EqualRowsInOrderMatch() =>
        Assert.That(RowComparer.Compare("stream 'O'", Rows("[[\"IBM\", 700.0], [\"WSO2\", 60.5]]"), [["IBM", 700f], ["WSO2", 60.5f]], unordered: false), Is.Null);

    [Test]
    public void ReportsTheFirstDifferingRow() =>
        Assert.That(
            RowComparer.Compare("stream 'O'", Rows("[[\"IBM\", 1], [\"WSO2\", 2], [\"X\", 3]]"), [["IBM", 1L], ["WSO2", 5L], ["X", 4L]], unordered: false),
            Is.EqualTo("stream 'O' row 2: expected [\"WSO2\",2] but got [\"WSO2\",5]"));

    [Test]
    public void ReportsMissingAndExtraRows()
    {
        Assert.That(
            RowComparer.Compare("query 'q' in", Rows("[[1], [2]]"), [[1]], unordered: false),
            Is.EqualTo("query 'q' in: expected 2 rows but got 1; first missing row 2: [2]"));
        Assert.That(
            RowComparer.Compare("query 'q' removed", Rows("[]"), [[1]], unordered: false),
            Is.EqualTo("query 'q' removed: expected 0 rows but got 1; first extra row 1: [1]"));
    }

    [Test]
    public void RowsOfDifferentLengthDiffer() =>
        Assert.That(RowComparer.Compare("s", Rows("[[1, 2]]"), [[1]], unordered: false), Does.Contain("row 1"));

    [Test]
    public void OrderMattersUnlessUnordered()
    {
        var expected = Rows("[[1], [2], [2]]");
        object?[][] actual = [[2], [1], [2]];

        Assert.That(RowComparer.Compare("s", expected, actual, unordered: false), Is.Not.Null);
        Assert.That(RowComparer.Compare("s", expected, actual, unordered: true), Is.Null);
    }

    [Test]
    public void UnorderedComparesMultisets()
    {
        Assert.That(
            RowComparer.Compare("s", Rows("[[1], [2], [2]]"), [[2], [1], [1]], unordered: true),
            Is.EqualTo("s (unordered): expected row [2] is missing; expected 3 rows, got 3"));
        Assert.That(
            RowComparer.Compare("s", Rows("[[1]]"), [[1], [3]], unordered: true),
            Is.EqualTo("s (unordered): unexpected row [3]; expected 1 rows, got 2"));
    }

    [Test]
    public void ValuesMustFitOurSchemaWhenItIsKnown()
    {
        var schema = new StreamSchema("O", [new("total", SiddhiType.Long)]);

        Assert.That(RowComparer.Compare("stream 'O'", Rows("[[5]]"), [[5L]], unordered: false, schema), Is.Null);
        Assert.That(
            RowComparer.Compare("stream 'O'", Rows("[[5]]"), [[5]], unordered: false, schema),
            Is.EqualTo("stream 'O' row 1: attribute 'total' holds a Int32 in a long attribute: [5]"));
    }
}
