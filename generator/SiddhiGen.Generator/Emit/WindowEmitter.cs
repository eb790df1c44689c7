using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Chooses and constructs the runtime window for a <c>#window.name(args)</c>. Windows that read event
/// attributes get small nested structs (a timestamp accessor, a sort comparer, a key selector) that
/// the JIT inlines, so the window never boxes or calls a delegate per event.
/// </summary>
internal static class WindowEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    /// <summary>The window's C# type, its construction (inside the operator constructor) and its helper types.</summary>
    public sealed record WindowCode(string TypeName, string Construction, bool UsesTimers, IReadOnlyList<string> HelperLines);

    /// <param name="findable">True when a join reads the window's contents: batch windows then keep their last batch.</param>
    public static WindowCode Build(WindowSpec? window, StreamSpec input, bool expiredWanted, bool findable = false)
    {
        var e = input.EventTypeName;
        var helpers = new List<string>();
        var expired = Bool(expiredWanted);
        var find = findable ? ", findable: true" : string.Empty;
        if (window is null)
        {
            // A join side without a window holds nothing: its events trigger the join and pass.
            return new($"{Runtime}.EmptyWindow<{e}>", $"app.Clock, outputExpired: {expired}", false, helpers);
        }

        if (window.Extension is { } extension)
        {
            return ExtensionEmitter.Window(window, extension, input, (keys, keyHelpers) => KeySelector(e, keys, input, keyHelpers));
        }

        var a = window.Arguments;

        switch (window.Name)
        {
            case "length":
                return new($"{Runtime}.LengthWindow<{e}>", $"app.Clock, {Value(a[0])}", false, helpers);

            case "lengthBatch":
                return new(
                    $"{Runtime}.LengthBatchWindow<{e}>",
                    $"app.Clock, {Value(a[0])}, streamCurrentEvents: {(a.Count > 1 ? Value(a[1]) : "false")}, outputExpired: {expired}{find}",
                    false,
                    helpers);

            case "time":
                return new($"{Runtime}.TimeWindow<{e}>", $"app.Clock, this, {Long(a[0])}", true, helpers);

            case "timeBatch":
            {
                var startTime = a.Count > 1 && a[1].Type != AttributeType.Bool ? Long(a[1]) : "null";
                var streamCurrent = a.Count > 1 && a[a.Count - 1].Type == AttributeType.Bool ? Value(a[a.Count - 1]) : "false";
                return new(
                    $"{Runtime}.TimeBatchWindow<{e}>",
                    $"app.Clock, this, {Long(a[0])}, startTime: {startTime}, streamCurrentEvents: {streamCurrent}, outputExpired: {expired}{find}",
                    true,
                    helpers);
            }

            case "timeLength":
                return new($"{Runtime}.TimeLengthWindow<{e}>", $"app.Clock, this, {Long(a[0])}, {Value(a[1])}", true, helpers);

            case "delay":
                return new($"{Runtime}.DelayWindow<{e}>", $"app.Clock, this, {Long(a[0])}", true, helpers);

            case "cron":
                return new($"{Runtime}.CronWindow<{e}>", $"app.Clock, this, {SourceWriter.StringLiteral(((ConstantSpec)a[0]).Value)}", true, helpers);

            case "batch":
                return new($"{Runtime}.BatchWindow<{e}>", $"app.Clock, {(a.Count > 0 ? Value(a[0]) : "0")}, outputExpired: {expired}{find}", false, helpers);

            case "externalTime":
                helpers.AddRange(TimestampAccessor(e, (AttributeRefSpec)a[0], updater: false));
                return new($"{Runtime}.ExternalTimeWindow<{e}, WindowTimestamp>", $"app.Clock, {Long(a[1])}", false, helpers);

            case "externalTimeBatch":
                return ExternalTimeBatch(window, e, expired + find, helpers);

            case "sort":
                helpers.AddRange(SortComparer(e, a));
                return new($"{Runtime}.SortWindow<{e}, WindowOrder>", $"app.Clock, {Value(a[0])}", false, helpers);

            case "frequent":
            {
                var keyType = KeySelector(e, a.Skip(1).Cast<AttributeRefSpec>().ToList(), input, helpers);
                return new($"{Runtime}.FrequentWindow<{e}, {keyType}, WindowKey>", $"app.Clock, {Value(a[0])}", false, helpers);
            }

            case "lossyFrequent":
            {
                var hasError = a.Count > 1 && a[1] is ConstantSpec;
                var keyType = KeySelector(e, a.Skip(hasError ? 2 : 1).Cast<AttributeRefSpec>().ToList(), input, helpers);
                return new($"{Runtime}.LossyFrequentWindow<{e}, {keyType}, WindowKey>", $"app.Clock, {Value(a[0])}D, {(hasError ? Value(a[1]) + "D" : "null")}", false, helpers);
            }

            case "session":
            {
                var key = a.Count > 1 ? a[1] as AttributeRefSpec : null;
                var latency = a.Count > 1 && a[a.Count - 1] is ConstantSpec latencyValue && a.Count - 1 > 0 ? Long(latencyValue) : "0L";
                string accessor;
                if (key is null)
                {
                    accessor = $"{Runtime}.SessionWindowNoKey<{e}>";
                }
                else
                {
                    accessor = "WindowKey";
                    helpers.Add($"private readonly struct WindowKey : {Runtime}.IAttributeAccessor<{e}, string>");
                    helpers.Add("{");
                    helpers.Add($"    public static string Get(in {e} e) => e.{key.PropertyName} ?? string.Empty;");
                    helpers.Add("}");
                }

                return new($"{Runtime}.SessionWindow<{e}, string, {accessor}>", $"app.Clock, this, {Long(a[0])}, {latency}", true, helpers);
            }

            case "expression":
            {
                var condition = WindowExpressionEmitter.Build(window, input, null, helpers);
                return new($"{Runtime}.ExpressionWindow<{e}, {WindowExpressionEmitter.TypeName}>", $"app.Clock, {condition}", false, helpers);
            }

            case "expressionBatch":
            {
                var condition = WindowExpressionEmitter.Build(window, input, a.Count > 1 ? a[1] as AttributeRefSpec : null, helpers);
                var include = a.Count > 1 && a[1] is ConstantSpec ? Value(a[1]) : "false";
                var streamCurrent = a.Count > 2 ? Value(a[2]) : "false";
                return new(
                    $"{Runtime}.ExpressionBatchWindow<{e}, {WindowExpressionEmitter.TypeName}>",
                    $"app.Clock, {condition}, includeTriggeringEvent: {include}, streamCurrentEvents: {streamCurrent}",
                    false,
                    helpers);
            }

            default:
                throw new System.InvalidOperationException("Window '" + window.Name + "' has no emitter.");
        }
    }

    private static WindowCode ExternalTimeBatch(WindowSpec window, string e, string expired, List<string> helpers)
    {
        var a = window.Arguments;
        helpers.AddRange(TimestampAccessor(e, (AttributeRefSpec)a[0], updater: true));
        var startMode = "FirstEvent";
        var startTime = "0L";
        var startAccessor = "WindowTimestamp";
        if (a.Count > 2 && a[2] is AttributeRefSpec startAttribute)
        {
            startMode = "Attribute";
            startAccessor = "WindowStartTime";
            helpers.Add($"private readonly struct WindowStartTime : {Runtime}.IAttributeAccessor<{e}, long>");
            helpers.Add("{");
            helpers.Add($"    public static long Get(in {e} e) => e.{startAttribute.PropertyName} ?? 0L;");
            helpers.Add("}");
        }
        else if (a.Count > 2)
        {
            startMode = "Constant";
            startTime = Long(a[2]);
        }

        var timeout = a.Count > 3 ? Long(a[3]) : "0L";
        var replace = a.Count > 4 ? Value(a[4]) : "false";
        return new(
            $"{Runtime}.ExternalTimeBatchWindow<{e}, WindowTimestamp, {startAccessor}>",
            $"app.Clock, this, {Long(a[1])}, {Runtime}.ExternalTimeBatchStart.{startMode}, {startTime}, timeout: {timeout}, replaceWithBatchTime: {replace}, outputExpired: {expired}",
            true,
            helpers);
    }

    private static IEnumerable<string> TimestampAccessor(string e, AttributeRefSpec timestamp, bool updater)
    {
        var contract = updater ? "IAttributeUpdater" : "IAttributeAccessor";
        yield return $"// The window's clock is the '{timestamp.Name}' attribute of each event.";
        yield return $"private readonly struct WindowTimestamp : {Runtime}.{contract}<{e}, long>";
        yield return "{";
        yield return $"    public static long Get(in {e} e) => e.{timestamp.PropertyName} ?? 0L;";
        if (updater)
        {
            yield return string.Empty;
            yield return $"    public static {e} With(in {e} e, long value) => e with {{ {timestamp.PropertyName} = value }};";
        }

        yield return "}";
    }

    private static IEnumerable<string> SortComparer(string e, EquatableArray<ExpressionSpec> a)
    {
        yield return $"// Orders events as the sort window's parameters say.";
        yield return $"private readonly struct WindowOrder : global::System.Collections.Generic.IComparer<{e}>";
        yield return "{";
        yield return $"    public int Compare({e} a, {e} b)";
        yield return "    {";
        var n = 0;
        for (var i = 1; i < a.Count; i++)
        {
            if (a[i] is not AttributeRefSpec attribute)
            {
                continue;
            }

            var descending = i + 1 < a.Count && a[i + 1] is ConstantSpec order && order.Value.ToLowerInvariant() == "desc";
            var name = "c" + AppEmitter.Int(n++);
            yield return $"        var {name} = {Runtime}.EventSorting.Compare(a.{attribute.PropertyName}, b.{attribute.PropertyName});";
            yield return $"        if ({name} != 0) return {(descending ? "-" : "")}{name};";
        }

        yield return "        return 0;";
        yield return "    }";
        yield return "}";
    }

    /// <summary>Writes the key selector of frequent/lossyFrequent (all attributes when none are named) and returns the key type.</summary>
    private static string KeySelector(string e, List<AttributeRefSpec> keys, StreamSpec input, List<string> helpers)
    {
        var attributes = keys.Count > 0
            ? keys.Select(k => (k.PropertyName, k.Type)).ToList()
            : input.Attributes.Select(x => (x.PropertyName, x.Type)).ToList();
        string keyType, value;
        if (attributes.Count <= 7)
        {
            keyType = "global::System.ValueTuple<" + string.Join(", ", attributes.Select(x => TypeNames.Nullable(x.Type))) + ">";
            value = $"new {keyType}({string.Join(", ", attributes.Select(x => "e." + x.PropertyName))})";
        }
        else
        {
            // Wider keys than a value tuple holds are joined into one string.
            keyType = "string";
            value = "string.Join(\"\\u0001\", " + string.Join(", ", attributes.Select(x => "e." + x.PropertyName)) + ")";
        }

        helpers.Add($"private readonly struct WindowKey : {Runtime}.IAttributeAccessor<{e}, {keyType}>");
        helpers.Add("{");
        helpers.Add($"    public static {keyType} Get(in {e} e) => {value};");
        helpers.Add("}");
        return keyType;
    }

    private static string Value(ExpressionSpec constant) => ((ConstantSpec)constant).Value;

    private static string Long(ExpressionSpec constant) => Value(constant) + "L";

    private static string Bool(bool value) => value ? "true" : "false";
}
