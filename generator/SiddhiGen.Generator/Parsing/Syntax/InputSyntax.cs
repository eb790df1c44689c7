using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// The input of a query (after <c>from</c>): <see cref="SingleInputSyntax"/>, <see cref="JoinInputSyntax"/>,
/// <see cref="StateInputSyntax"/> or <see cref="AnonymousInputSyntax"/>.
/// </summary>
public abstract class InputSyntax : SyntaxNode
{
    protected InputSyntax(TextSpan span)
        : base(span)
    {
    }
}
