using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// <c>@name</c>, <c>@name('v', k='v', @nested(...))</c> or an app annotation <c>@app:name(...)</c>.
/// Siddhi looks annotation and element names up case-insensitively; the syntax keeps them as written.
/// </summary>
public sealed class AnnotationSyntax : SyntaxNode
{
    public AnnotationSyntax(
        IdentifierSyntax? @namespace,
        IdentifierSyntax name,
        ImmutableArray<AnnotationElementSyntax> elements,
        ImmutableArray<AnnotationSyntax> annotations,
        TextSpan span)
        : base(span)
    {
        Namespace = @namespace;
        Name = name;
        Elements = elements;
        Annotations = annotations;
    }

    /// <summary>The part before ':' (only <c>app</c> is valid), or null.</summary>
    public IdentifierSyntax? Namespace { get; }

    /// <summary>The annotation name, e.g. <c>info</c>, <c>sink</c>, <c>name</c> in <c>@app:name</c>.</summary>
    public IdentifierSyntax Name { get; }

    /// <summary>The <c>key='value'</c> and positional <c>'value'</c> elements, in source order.</summary>
    public ImmutableArray<AnnotationElementSyntax> Elements { get; }

    /// <summary>Nested annotations such as <c>@map(...)</c> inside <c>@source(...)</c>, in source order.</summary>
    public ImmutableArray<AnnotationSyntax> Annotations { get; }

    /// <summary>True for an <c>@app:...</c> annotation.</summary>
    public bool IsAppAnnotation => Namespace is not null && string.Equals(Namespace.Text, "app", System.StringComparison.OrdinalIgnoreCase);

    /// <summary><c>name</c> or <c>ns:name</c>, as written.</summary>
    public string FullName => Namespace is null ? Name.Text : Namespace.Text + ":" + Name.Text;
}
