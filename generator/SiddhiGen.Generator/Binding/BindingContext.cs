using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Binding;

/// <summary>What the binder collects while it walks one app: its diagnostics, located in the file.</summary>
internal sealed class BindingContext
{
    private readonly SourceText _text;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public BindingContext(string filePath, string text, Model.ExtensionCatalog? extensions = null)
    {
        FilePath = filePath;
        _text = SourceText.From(text);
        Extensions = extensions ?? Model.ExtensionCatalog.Empty;
    }

    public string FilePath { get; }

    /// <summary>The C# extensions (functions, aggregators, windows) calls with a namespace resolve against.</summary>
    public Model.ExtensionCatalog Extensions { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public bool HasErrors { get; private set; }

    /// <summary>The text of <paramref name="span"/> in what is being bound (an app, or an on-demand query).</summary>
    public string TextOf(TextSpan span)
    {
        var start = System.Math.Max(0, System.Math.Min(span.Start, _text.Length));
        var end = System.Math.Max(start, System.Math.Min(span.End, _text.Length));
        return _text.ToString(TextSpan.FromBounds(start, end));
    }

    public LocationInfo Locate(TextSpan span)
    {
        var start = System.Math.Max(0, System.Math.Min(span.Start, _text.Length));
        var end = System.Math.Max(start, System.Math.Min(span.End, _text.Length));
        var clamped = TextSpan.FromBounds(start, end);
        return new LocationInfo(FilePath, clamped, _text.Lines.GetLinePositionSpan(clamped));
    }

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
    {
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(span), args));
    }

    /// <summary>Reports language that binds but has no runtime yet (SIDDHI001), naming the construct.</summary>
    public void NotSupported(string construct, TextSpan span) =>
        Report(DiagnosticDescriptors.NotSupportedYet, span, construct);

    /// <summary>A stream function where it cannot be used yet: a built-in one is not supported there, anything else does not exist.</summary>
    public void StreamFunctionNotBound(Parsing.StreamFunctionHandlerSyntax handler)
    {
        var function = handler.Function;
        if (function.Namespace is null && BuiltIns.StreamFunctions.Contains(function.FullName))
        {
            NotSupported("stream function '#" + function.FullName + "'", handler.Span);
        }
        else
        {
            Report(DiagnosticDescriptors.UnknownFunction, function.Span, "#" + function.FullName, string.Empty);
        }
    }

    public void AddRange(IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            HasErrors |= d.IsError;
            _diagnostics.Add(d);
        }
    }
}
