using System.Text.Json;
using SiddhiGen.Conformance.Cases;

namespace SiddhiGen.Conformance.Tests;

/// <summary>Builds cases from JSON written with single quotes, for readable tests.</summary>
internal static class TestCases
{
    public const long Base = 1577836800000;

    public static ConformanceCase Parse(string json, int index = 0) => CaseReader.Parse(json.Replace('\'', '"'), index);

    /// <summary>A case for <see cref="Apps.PassThroughApp"/> with the given steps, end and expectations.</summary>
    public static ConformanceCase PassThrough(string steps, string expect, long end = 100, bool unordered = false, string app = "PASS", string id = "test#passThrough", int index = 0) =>
        Parse($"{{'id': '{id}', 'area': 'window', 'app': '{app}', 'base': {Base}, 'steps': [{steps}], 'end': {end}, 'expect': {expect}, 'error': null{(unordered ? ", 'unordered': true" : "")}}}", index);

    public static ConformanceCase Rejected(string app, string id = "test#rejected", int index = 0) =>
        Parse($"{{'id': '{id}', 'area': 'other', 'app': '{app}', 'base': {Base}, 'steps': [], 'end': 100, 'expect': {{'streams': {{}}, 'queries': {{}}}}, 'error': 'SiddhiAppCreationException: bad'}}", index);

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static System.Collections.Immutable.ImmutableArray<JsonElement> Row(string json) => [.. Json(json).EnumerateArray()];
}
