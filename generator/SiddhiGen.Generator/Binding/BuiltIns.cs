using System.Collections.Generic;

namespace SiddhiGen.Generator.Binding;

/// <summary>The windows, aggregators and functions built into Siddhi 5.1 (names are case-sensitive).</summary>
internal static class BuiltIns
{
    public static readonly HashSet<string> Windows = new()
    {
        "length", "lengthBatch", "time", "timeBatch", "timeLength", "externalTime", "externalTimeBatch", "batch",
        "sort", "frequent", "lossyFrequent", "cron", "delay", "session", "expression", "expressionBatch",
    };

    /// <summary>Windows the generator emits code for today.</summary>
    public static readonly HashSet<string> SupportedWindows = new()
    {
        "length", "lengthBatch", "time", "timeBatch", "timeLength", "externalTime", "externalTimeBatch", "batch",
        "sort", "frequent", "lossyFrequent", "delay", "session", "cron", "expression", "expressionBatch",
    };

    public static readonly HashSet<string> Aggregators = new()
    {
        "sum", "avg", "count", "distinctCount", "min", "max", "minForever", "maxForever", "stdDev", "and", "or", "unionSet",
    };

    /// <summary>Aggregators the generator emits code for today.</summary>
    public static readonly HashSet<string> SupportedAggregators = new()
    {
        "sum", "avg", "count", "distinctCount", "min", "max", "minForever", "maxForever", "stdDev", "and", "or", "unionSet",
    };

    public static readonly HashSet<string> Functions = new()
    {
        "coalesce", "convert", "cast", "default", "ifThenElse", "instanceOfBoolean", "instanceOfDouble", "instanceOfFloat",
        "instanceOfInteger", "instanceOfLong", "instanceOfString", "maximum", "minimum", "UUID", "currentTimeMillis",
        "eventTimestamp", "createSet", "sizeOfSet",
    };

    public static readonly HashSet<string> StreamFunctions = new() { "log", "pol2Cart" };
}
