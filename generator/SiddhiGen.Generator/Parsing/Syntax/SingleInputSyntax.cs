using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// One stream with its handlers: <c>S[cond]#fn(...)#window.w(...)[cond2] [as alias]</c>. It is a whole
/// query input, a side of a join, an on-demand source or the input of an aggregation definition.
/// </summary>
public sealed class SingleInputSyntax : InputSyntax
{
    public SingleInputSyntax(SourceSyntax source, ImmutableArray<StreamHandlerSyntax> handlers, IdentifierSyntax? alias, TextSpan span)
        : base(span)
    {
        Source = source;
        Handlers = handlers;
        Alias = alias;
    }

    public SourceSyntax Source { get; }

    /// <summary>Filters, stream functions and the window (at most one), in source order.</summary>
    public ImmutableArray<StreamHandlerSyntax> Handlers { get; }

    /// <summary>The <c>as alias</c> of a join side (null elsewhere; the parser rejects it on a plain input).</summary>
    public IdentifierSyntax? Alias { get; }

    /// <summary>The <c>#window.</c> handler, or null.</summary>
    public WindowHandlerSyntax? Window
    {
        get
        {
            foreach (var handler in Handlers)
            {
                if (handler is WindowHandlerSyntax window)
                {
                    return window;
                }
            }

            return null;
        }
    }

    /// <summary>The handlers before the window (all of them when there is no window).</summary>
    public ImmutableArray<StreamHandlerSyntax> PreWindowHandlers
    {
        get
        {
            var builder = ImmutableArray.CreateBuilder<StreamHandlerSyntax>();
            foreach (var handler in Handlers)
            {
                if (handler is WindowHandlerSyntax)
                {
                    break;
                }

                builder.Add(handler);
            }

            return builder.ToImmutable();
        }
    }

    /// <summary>The handlers after the window (empty when there is no window).</summary>
    public ImmutableArray<StreamHandlerSyntax> PostWindowHandlers
    {
        get
        {
            var builder = ImmutableArray.CreateBuilder<StreamHandlerSyntax>();
            var seenWindow = false;
            foreach (var handler in Handlers)
            {
                if (seenWindow)
                {
                    builder.Add(handler);
                }
                else if (handler is WindowHandlerSyntax)
                {
                    seenWindow = true;
                }
            }

            return builder.ToImmutable();
        }
    }
}
