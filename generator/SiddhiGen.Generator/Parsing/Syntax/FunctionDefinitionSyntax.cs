using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary><c>define function f[lang] return type { body }</c> (a script function).</summary>
public sealed class FunctionDefinitionSyntax : DefinitionSyntax
{
    public FunctionDefinitionSyntax(
        ImmutableArray<AnnotationSyntax> annotations,
        IdentifierSyntax name,
        IdentifierSyntax language,
        AttributeTypeSyntax returnType,
        string body,
        TextSpan bodySpan,
        TextSpan span)
        : base(annotations, name, span)
    {
        Language = language;
        ReturnType = returnType;
        Body = body;
        BodySpan = bodySpan;
    }

    /// <summary>The script language between the brackets, e.g. <c>javascript</c>.</summary>
    public IdentifierSyntax Language { get; }

    public AttributeTypeSyntax ReturnType { get; }

    /// <summary>The script text between the outer braces (braces excluded).</summary>
    public string Body { get; }

    /// <summary>The span of the body including its braces.</summary>
    public TextSpan BodySpan { get; }
}
