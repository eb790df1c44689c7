using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>Names and constructs the runtime window type for a <c>#window.name(args)</c>.</summary>
internal static class WindowEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public static bool UsesTimers(WindowSpec window) => window.Name is "time" or "timeBatch" or "timeLength" or "delay" or "session" or "externalTimeBatch" or "cron";

    public static string TypeName(WindowSpec window, string eventType) => window.Name switch
    {
        "length" => $"{Runtime}.LengthWindow<{eventType}>",
        "lengthBatch" => $"{Runtime}.LengthBatchWindow<{eventType}>",
        _ => throw new System.InvalidOperationException("Window " + window.Name + " has no emitter yet."),
    };

    /// <param name="expiredWanted">True when the query outputs expired events, so batch windows emit them.</param>
    public static string Construct(WindowSpec window, string eventType, bool expiredWanted)
    {
        var args = window.Arguments.Select(a => ((ConstantSpec)a).Value).ToList();
        return window.Name switch
        {
            "length" => $"new {TypeName(window, eventType)}(app.Clock, {args[0]})",
            "lengthBatch" => $"new {TypeName(window, eventType)}(app.Clock, {args[0]}, streamCurrentEvents: {(args.Count > 1 ? args[1].ToLowerInvariant() : "false")}, outputExpired: {Bool(expiredWanted)})",
            _ => throw new System.InvalidOperationException("Window " + window.Name + " has no emitter yet."),
        };
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
