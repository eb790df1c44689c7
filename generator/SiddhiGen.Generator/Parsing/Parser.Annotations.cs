using System.Collections.Immutable;
using System.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>Annotations: <c>@name</c>, <c>@ns:name</c>, <c>@name(k='v', 'v', @nested(...))</c>.</summary>
internal sealed partial class Parser
{
    private AnnotationSyntax ParseAnnotation(bool allowNamespace)
    {
        var start = Current.Start;
        Expect(TokenKind.At, "to start an annotation");
        var name = ExpectName("an annotation name", "after '@'");
        IdentifierSyntax? @namespace = null;
        if (allowNamespace && Accept(TokenKind.Colon))
        {
            @namespace = name;
            name = ExpectName("an annotation name", "after '@" + @namespace.Text + ":'");
        }

        var fullName = "'@" + (@namespace is null ? name.Text : @namespace.Text + ":" + name.Text) + "'";
        var elements = ImmutableArray.CreateBuilder<AnnotationElementSyntax>();
        var nested = ImmutableArray.CreateBuilder<AnnotationSyntax>();
        if (Accept(TokenKind.OpenParen))
        {
            // The grammar needs at least one element between the parentheses: "@PrimaryKey()" is an error.
            do
            {
                if (At(TokenKind.At))
                {
                    EnterNesting("Annotations are");
                    var inner = ParseAnnotation(allowNamespace: false);
                    ExitNesting();
                    if (@namespace is not null)
                    {
                        ReportSyntaxError(inner.Span, "The app annotation " + fullName + " cannot contain nested annotations");
                    }

                    nested.Add(inner);
                }
                else
                {
                    elements.Add(ParseAnnotationElement(fullName));
                }
            }
            while (Accept(TokenKind.Comma));

            Expect(TokenKind.CloseParen, "to close the annotation " + fullName);
        }

        return new AnnotationSyntax(@namespace, name, elements.ToImmutable(), nested.ToImmutable(), SpanFrom(start));
    }

    /// <summary><c>key='value'</c> (key: <c>a.b-c:d</c> or a string) or a positional <c>'value'</c>.</summary>
    private AnnotationElementSyntax ParseAnnotationElement(string annotationName)
    {
        var start = Current.Start;
        if (At(TokenKind.StringLiteral) || At(TokenKind.Placeholder))
        {
            if (Peek(1).Kind != TokenKind.Assign)
            {
                var positional = ParseStringValue();
                return new AnnotationElementSyntax(null, positional, SpanFrom(start));
            }

            var keyToken = Advance();
            var stringKey = new IdentifierSyntax(keyToken.Value ?? string.Empty, false, keyToken.Span);
            Advance(); // =
            var value = ExpectStringValue("a string value", "after '" + stringKey.Text + "=' in the annotation " + annotationName);
            return new AnnotationElementSyntax(stringKey, value, SpanFrom(start));
        }

        if (!AtName)
        {
            throw ErrorExpected("an annotation element (key='value', 'value' or @annotation)", "in the annotation " + annotationName);
        }

        var key = ParseAnnotationKey();
        Expect(TokenKind.Assign, "after the annotation key '" + key.Text + "' in " + annotationName);
        var keyedValue = ExpectStringValue("a string value", "after '" + key.Text + "=' in the annotation " + annotationName);
        return new AnnotationElementSyntax(key, keyedValue, SpanFrom(start));
    }

    /// <summary>A key made of names joined by '.', '-' or ':' (<c>buffer.size</c>, <c>on.error</c>).</summary>
    private IdentifierSyntax ParseAnnotationKey()
    {
        var start = Current.Start;
        var text = new StringBuilder(ParseName().Text);
        while ((At(TokenKind.Dot) || At(TokenKind.Minus) || At(TokenKind.Colon)) && TokenFacts.IsName(Peek(1).Kind))
        {
            var separator = Advance();
            text.Append(separator.Kind == TokenKind.Dot ? '.' : separator.Kind == TokenKind.Minus ? '-' : ':');
            text.Append(ParseName().Text);
        }

        return new IdentifierSyntax(text.ToString(), false, SpanFrom(start));
    }

    private StringValueSyntax ExpectStringValue(string what, string context)
    {
        if (!At(TokenKind.StringLiteral) && !At(TokenKind.Placeholder))
        {
            throw ErrorExpected(what, context);
        }

        return ParseStringValue();
    }

    private StringValueSyntax ParseStringValue()
    {
        var token = Advance();
        return new StringValueSyntax(token.Value ?? string.Empty, token.Kind == TokenKind.Placeholder, token.Span);
    }
}
