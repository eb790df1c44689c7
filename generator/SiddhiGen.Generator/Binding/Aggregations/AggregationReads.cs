using System.Linq;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// The <c>within ... per ...</c> of a read from an aggregation (a join or an on-demand find), checked as
/// Siddhi's <c>AggregationRuntime.compileExpression</c> and <c>startTimeEndTime</c> do: <c>per</c> is a string,
/// and when constant one of Siddhi's granularity names; one <c>within</c> value is a string (a date pattern),
/// two are each a long or a string. Siddhi checks the formats of the strings, and that the aggregation has the
/// granularity, only at run time; here constants are checked at build time (SIDDHI070, SIDDHI071).
/// </summary>
internal static class AggregationReads
{
    /// <param name="reader">How the message names the read: "A join with" or "An on-demand query on".</param>
    public static AggregationWithinSpec? BindWithin(
        BindingContext context,
        ExpressionBinder expressions,
        ExpressionSyntax? start,
        ExpressionSyntax? end,
        ExpressionSyntax? per,
        ExpressionScope scope,
        string reader,
        string aggregation,
        System.Collections.Generic.IReadOnlyList<AggregationDuration> durations,
        TextSpan span)
    {
        if (start is null || per is null)
        {
            context.Report(DiagnosticDescriptors.AggregationNeedsWithinPer, span, reader, aggregation, "'within' and 'per'");
            return null;
        }

        var ok = true;
        var perSpec = expressions.Bind(per, scope.WithPlace("per clause"));
        if (perSpec is not null && perSpec.Type != AttributeType.String)
        {
            context.Report(DiagnosticDescriptors.InvalidAggregationRange, per.Span, "per", "a string such as 'hours'", TypeRules.Describe(perSpec.Type));
            ok = false;
        }
        else if (perSpec is ConstantSpec constant && !SiddhiTime.TryNormalizeDuration(constant.Value, out _))
        {
            context.Report(DiagnosticDescriptors.InvalidAggregationPer, per.Span, constant.Value);
            ok = false;
        }
        else if (perSpec is ConstantSpec named && SiddhiTime.TryNormalizeDuration(named.Value, out var duration) && !durations.Contains(duration))
        {
            // Siddhi accepts the app and fails each read; warn, and let the reads fail the same way.
            context.Report(DiagnosticDescriptors.PerNotAggregated, per.Span, aggregation, SiddhiTime.Describe(duration), string.Join(", ", durations.Select(SiddhiTime.Describe)));
        }

        var startSpec = expressions.Bind(start, scope.WithPlace("within clause"));
        var endSpec = end is null ? null : expressions.Bind(end, scope.WithPlace("within clause"));
        if (end is null)
        {
            if (startSpec is not null && startSpec.Type != AttributeType.String)
            {
                context.Report(DiagnosticDescriptors.InvalidAggregationRange, start.Span, "within", "a string such as '2020-01-** **:**:**' when it is one value", TypeRules.Describe(startSpec.Type));
                ok = false;
            }
            else if (startSpec is ConstantSpec pattern && !AggregationTimeText.TryParsePattern(pattern.Value, out _, out _))
            {
                context.Report(DiagnosticDescriptors.InvalidAggregationTime, start.Span, pattern.Value, AggregationTimeText.PatternShape);
                ok = false;
            }
        }
        else
        {
            ok &= CheckBound(context, start, startSpec) & CheckBound(context, end, endSpec);
        }

        return ok && perSpec is not null && startSpec is not null && (end is null || endSpec is not null)
            ? new AggregationWithinSpec(startSpec, endSpec, perSpec)
            : null;
    }

    private static bool CheckBound(BindingContext context, ExpressionSyntax syntax, ExpressionSpec? bound)
    {
        if (bound is ConstantSpec { Type: AttributeType.String } text && !AggregationTimeText.TryParseTimestamp(text.Value, out _))
        {
            context.Report(DiagnosticDescriptors.InvalidAggregationTime, syntax.Span, text.Value, AggregationTimeText.DateShape);
            return false;
        }

        if (bound is null || bound.Type is AttributeType.Long or AttributeType.String)
        {
            return true;
        }

        context.Report(DiagnosticDescriptors.InvalidAggregationRange, syntax.Span, "within", "a long or a string", TypeRules.Describe(bound.Type));
        return false;
    }
}
