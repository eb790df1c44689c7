using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// <c>annotation* from &lt;input&gt; [select ...] [output &lt;rate&gt;] &lt;output action&gt;</c>.
/// The span covers the annotations and the query text up to (not including) the <c>;</c>.
/// </summary>
public sealed class QuerySyntax : ExecutionElementSyntax
{
    public QuerySyntax(
        ImmutableArray<AnnotationSyntax> annotations,
        InputSyntax input,
        SelectorSyntax? selector,
        OutputRateSyntax? outputRate,
        OutputActionSyntax output,
        TextSpan span)
        : base(annotations, span)
    {
        Input = input;
        Selector = selector;
        OutputRate = outputRate;
        Output = output;
    }

    /// <summary>
    /// <see cref="SingleInputSyntax"/>, <see cref="JoinInputSyntax"/>, <see cref="StateInputSyntax"/>
    /// (pattern or sequence) or <see cref="AnonymousInputSyntax"/>.
    /// </summary>
    public InputSyntax Input { get; }

    /// <summary>The <c>select</c> clause and what follows it, or null when omitted (= <c>select *</c>).</summary>
    public SelectorSyntax? Selector { get; }

    /// <summary>The <c>output ... every ...</c> clause, or null.</summary>
    public OutputRateSyntax? OutputRate { get; }

    /// <summary><c>insert into</c>, <c>delete</c>, <c>update</c>, <c>update or insert</c> or <c>return</c>.</summary>
    public OutputActionSyntax Output { get; }
}
