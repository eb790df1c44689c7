using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// The <c>within ... per ...</c> of a read from an aggregation (a join or an on-demand find), checked as
/// Siddhi's <c>AggregationRuntime.compileExpression</c> and <c>startTimeEndTime</c> do: <c>per</c> is a string,
/// and when constant one of Siddhi's granularity names; one <c>within</c> value is a string (a date pattern),
/// two are each a long or a string. The formats of the strings are checked by Siddhi only at run time.
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

        var startSpec = expressions.Bind(start, scope.WithPlace("within clause"));
        var endSpec = end is null ? null : expressions.Bind(end, scope.WithPlace("within clause"));
        if (end is null)
        {
            if (startSpec is not null && startSpec.Type != AttributeType.String)
            {
                context.Report(DiagnosticDescriptors.InvalidAggregationRange, start.Span, "within", "a string such as '2020-01-** **:**:**' when it is one value", TypeRules.Describe(startSpec.Type));
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
        if (bound is null || bound.Type is AttributeType.Long or AttributeType.String)
        {
            return true;
        }

        context.Report(DiagnosticDescriptors.InvalidAggregationRange, syntax.Span, "within", "a long or a string", TypeRules.Describe(bound.Type));
        return false;
    }
}
