using System.Collections.Immutable;
using System.Text.Json;
using SiddhiGen.Runtime;

namespace SiddhiGen.Conformance.Values;

/// <summary>
/// Compares the rows our engine produced for one stream, query or query step with the expected rows:
/// in order, or as multisets when the case is <c>unordered</c>. Returns null when they match, or a
/// message describing the first difference.
/// </summary>
public static class RowComparer
{
    /// <param name="what">Names the output in the message, e.g. <c>stream 'OutputStream'</c>.</param>
    /// <param name="schema">Our schema of the output when known: values must also fit its attribute types.</param>
    public static string? Compare(
        string what,
        IReadOnlyList<ImmutableArray<JsonElement>> expected,
        IReadOnlyList<object?[]> actual,
        bool unordered,
        StreamSchema? schema = null)
    {
        if (schema is not null && FindTypeMismatch(what, actual, schema) is { } typeMismatch)
        {
            return typeMismatch;
        }

        return unordered ? CompareUnordered(what, expected, actual) : CompareOrdered(what, expected, actual);
    }

    public static bool RowEquals(ImmutableArray<JsonElement> expected, object?[] actual)
    {
        if (expected.Length != actual.Length)
        {
            return false;
        }

        for (var i = 0; i < actual.Length; i++)
        {
            if (!ValueComparer.AreEqual(expected[i], actual[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string? CompareOrdered(string what, IReadOnlyList<ImmutableArray<JsonElement>> expected, IReadOnlyList<object?[]> actual)
    {
        var common = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < common; i++)
        {
            if (!RowEquals(expected[i], actual[i]))
            {
                return $"{what} row {i + 1}: expected {JsonValues.RowText(expected[i])} but got {JsonValues.RowText(actual[i])}";
            }
        }

        if (expected.Count > actual.Count)
        {
            return $"{what}: expected {expected.Count} rows but got {actual.Count}; first missing row {common + 1}: {JsonValues.RowText(expected[common])}";
        }

        if (actual.Count > expected.Count)
        {
            return $"{what}: expected {expected.Count} rows but got {actual.Count}; first extra row {common + 1}: {JsonValues.RowText(actual[common])}";
        }

        return null;
    }

    /// <summary>
    /// Multiset comparison by greedy matching: value equality is an equivalence (each expected value
    /// denotes one value of the actual's type), so any match is as good as another.
    /// </summary>
    private static string? CompareUnordered(string what, IReadOnlyList<ImmutableArray<JsonElement>> expected, IReadOnlyList<object?[]> actual)
    {
        var used = new bool[actual.Count];
        foreach (var row in expected)
        {
            var found = false;
            for (var j = 0; j < actual.Count; j++)
            {
                if (!used[j] && RowEquals(row, actual[j]))
                {
                    used[j] = found = true;
                    break;
                }
            }

            if (!found)
            {
                return $"{what} (unordered): expected row {JsonValues.RowText(row)} is missing; expected {expected.Count} rows, got {actual.Count}";
            }
        }

        var extra = Array.IndexOf(used, false);
        return extra < 0
            ? null
            : $"{what} (unordered): unexpected row {JsonValues.RowText(actual[extra])}; expected {expected.Count} rows, got {actual.Count}";
    }

    private static string? FindTypeMismatch(string what, IReadOnlyList<object?[]> actual, StreamSchema schema)
    {
        for (var i = 0; i < actual.Count; i++)
        {
            var row = actual[i];
            for (var j = 0; j < row.Length && j < schema.Attributes.Length; j++)
            {
                if (ValueComparer.CheckType(row[j], schema.Attributes[j].Type) is { } problem)
                {
                    return $"{what} row {i + 1}: attribute '{schema.Attributes[j].Name}' holds {problem}: {JsonValues.RowText(row)}";
                }
            }
        }

        return null;
    }
}
