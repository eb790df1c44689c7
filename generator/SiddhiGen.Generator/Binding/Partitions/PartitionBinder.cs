using System;
using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds the parts of <c>partition with (...) begin ... end</c> around its queries: each key's stream (a
/// stream or window of the app, as Siddhi's <c>PartitionParser</c> requires) with its value expression or
/// range conditions, and <c>@purge(enable, idle.period, interval)</c> (<c>enable</c> and <c>idle.period</c>
/// required, times read with Siddhi's <c>timeToLong</c>).
/// </summary>
internal static class PartitionBinder
{
    public static List<PartitionKeySpec>? BindKeys(BindingContext context, AppSymbols symbols, PartitionSyntax partition)
    {
        var expressions = new ExpressionBinder(context) { Symbols = symbols };
        var keys = new List<PartitionKeySpec>();
        var ok = true;
        foreach (var key in partition.Keys)
        {
            var name = key.Stream.Text;
            if (!symbols.Streams.TryGetValue(name, out var stream))
            {
                if (symbols.OtherDefinitions.TryGetValue(name, out var kind))
                {
                    context.Report(DiagnosticDescriptors.NotAStream, key.Stream.Span, name, AppSymbols.WithArticle(kind), "a partition");
                }
                else if (!symbols.Unresolved.Contains(name))
                {
                    context.Report(DiagnosticDescriptors.UndefinedStream, key.Stream.Span, name);
                }

                ok = false;
                continue;
            }

            var scope = new ExpressionScope(stream.Spec, null, "partition key");
            switch (key)
            {
                case ValuePartitionKeySyntax value:
                    var bound = expressions.Bind(value.Expression, scope);
                    ok &= bound is not null;
                    if (bound is not null)
                    {
                        keys.Add(new ValuePartitionKeySpec(name, bound));
                    }

                    break;

                case RangePartitionKeySyntax range:
                    var ranges = new List<RangePartitionSpec>();
                    foreach (var condition in range.Ranges)
                    {
                        var boundCondition = expressions.BindCondition(condition.Condition, scope.WithPlace("range partition condition"));
                        ok &= boundCondition is not null;
                        if (boundCondition is not null)
                        {
                            ranges.Add(new RangePartitionSpec(condition.Label.Value, boundCondition));
                        }
                    }

                    keys.Add(new RangePartitionKeySpec(name, new EquatableArray<RangePartitionSpec>(ranges)));
                    break;
            }
        }

        return ok ? keys : null;
    }

    /// <summary>The partition's <c>@purge</c>, or null without one; <paramref name="ok"/> is false after an error.</summary>
    public static PartitionPurgeSpec? BindPurge(BindingContext context, PartitionSyntax partition, out bool ok)
    {
        ok = true;
        var purge = partition.Annotations.FirstOrDefault(a => string.Equals(a.Name.Text, "purge", StringComparison.OrdinalIgnoreCase));
        if (purge is null)
        {
            return null;
        }

        var enable = Element(purge, "enable");
        if (enable is null)
        {
            context.Report(DiagnosticDescriptors.InvalidAnnotation, purge.Span, "@purge on a partition needs 'enable', e.g. @purge(enable='true', interval='10 sec', idle.period='1 hour')");
            ok = false;
            return null;
        }

        var enableText = enable.Value.Value;
        if (!string.Equals(enableText, "true", StringComparison.OrdinalIgnoreCase) && !string.Equals(enableText, "false", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(DiagnosticDescriptors.InvalidConstant, enable.Value.Span, $"The @purge enable value '{enableText}'", "'true' or 'false'");
            ok = false;
            return null;
        }

        var idle = Element(purge, "idle.period");
        if (idle is null)
        {
            context.Report(DiagnosticDescriptors.InvalidAnnotation, purge.Span, "@purge on a partition needs 'idle.period', e.g. idle.period='1 hour'");
            ok = false;
            return null;
        }

        if (!ReadTime(context, idle, "idle.period", out var idlePeriod))
        {
            ok = false;
            return null;
        }

        var interval = 300_000L;
        if (Element(purge, "interval") is { } intervalElement && !ReadTime(context, intervalElement, "interval", out interval))
        {
            ok = false;
            return null;
        }

        return new PartitionPurgeSpec(string.Equals(enableText, "true", StringComparison.OrdinalIgnoreCase), interval, idlePeriod);
    }

    private static bool ReadTime(BindingContext context, AnnotationElementSyntax element, string key, out long milliseconds)
    {
        if (SiddhiTime.TryTimeToLong(element.Value.Value, out milliseconds))
        {
            return true;
        }

        context.Report(DiagnosticDescriptors.InvalidConstant, element.Value.Span, $"The @purge {key} '{element.Value.Value}'", "a time such as '10 sec' (in sec, min, hours, days, months or years)");
        return false;
    }

    private static AnnotationElementSyntax? Element(AnnotationSyntax annotation, string key) =>
        annotation.Elements.FirstOrDefault(e => e.Key is not null && string.Equals(e.Key.Text, key, StringComparison.OrdinalIgnoreCase));
}
