using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// <c>define trigger T at 'start'</c>, <c>at every &lt;time&gt;</c> or <c>at '&lt;cron&gt;'</c>.
/// Exactly one of <see cref="Every"/> and <see cref="At"/> is set.
/// </summary>
public sealed class TriggerDefinitionSyntax : DefinitionSyntax
{
    public TriggerDefinitionSyntax(ImmutableArray<AnnotationSyntax> annotations, IdentifierSyntax name, TimeConstantExpressionSyntax? every, StringValueSyntax? at, TextSpan span)
        : base(annotations, name, span)
    {
        Every = every;
        At = at;
    }

    /// <summary>The period of <c>at every &lt;time&gt;</c>, or null.</summary>
    public TimeConstantExpressionSyntax? Every { get; }

    /// <summary>The string of <c>at 'start'</c> or <c>at '&lt;cron&gt;'</c>, or null.</summary>
    public StringValueSyntax? At { get; }

    /// <summary>True for <c>at 'start'</c> (case-insensitive).</summary>
    public bool IsStart => At is not null && string.Equals(At.Value, "start", System.StringComparison.OrdinalIgnoreCase);
}
