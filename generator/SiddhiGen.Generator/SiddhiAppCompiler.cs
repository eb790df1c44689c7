using System;
using System.Collections.Immutable;
using System.Threading;
using SiddhiGen.Generator.Binding;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Emit;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator;

/// <summary>What compiling one <c>.siddhi</c> app produced.</summary>
/// <param name="Source">The generated C#, or null when an error stopped generation.</param>
/// <param name="AppTypeName">The generated app class, fully qualified without <c>global::</c>, or null.</param>
/// <param name="Diagnostics">Errors and warnings, located in the <c>.siddhi</c> file.</param>
public sealed record AppCompileResult(string? Source, string? AppTypeName, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>
/// The whole compile pipeline for one app: parse, bind, plan, emit. The incremental generator calls it
/// per <c>.siddhi</c> file; tests and the conformance runner call it directly. It never throws, except
/// <see cref="OperationCanceledException"/>: any other failure becomes diagnostic SIDDHI002.
/// </summary>
public static class SiddhiAppCompiler
{
    /// <param name="filePath">The path diagnostics point at.</param>
    /// <param name="text">The app text.</param>
    /// <param name="defaultNamespace">The namespace of the generated types unless the app names one (<c>@App:namespace</c>).</param>
    public static AppCompileResult Compile(string filePath, string text, string defaultNamespace, CancellationToken cancellationToken = default) =>
        Compile(filePath, text, defaultNamespace, ExtensionCatalog.Empty, cancellationToken);

    /// <param name="filePath">The path diagnostics point at.</param>
    /// <param name="text">The app text.</param>
    /// <param name="defaultNamespace">The namespace of the generated types unless the app names one (<c>@App:namespace</c>).</param>
    /// <param name="extensions">The C# extensions calls with a namespace resolve against (<see cref="Extensions.ExtensionDiscovery"/>).</param>
    public static AppCompileResult Compile(string filePath, string text, string defaultNamespace, ExtensionCatalog extensions, CancellationToken cancellationToken = default)
    {
        try
        {
            return CompileCore(filePath, text, defaultNamespace, extensions, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, ex.GetType().Name + ": " + ex.Message);
            return new AppCompileResult(null, null, ImmutableArray.Create(diagnostic));
        }
    }

    /// <summary>Tests set this to prove that a failure inside the pipeline becomes a diagnostic.</summary>
    internal static Action? FaultInjection { get; set; }

    private static AppCompileResult CompileCore(string filePath, string text, string defaultNamespace, ExtensionCatalog extensions, CancellationToken cancellationToken)
    {
        FaultInjection?.Invoke();
        var parsed = SiddhiParser.ParseApp(filePath, text, cancellationToken);
        if (!parsed.Diagnostics.IsEmpty)
        {
            // Binding a tree with holes would only add follow-on errors to the syntax errors.
            return new AppCompileResult(null, null, parsed.Diagnostics);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var context = new BindingContext(filePath, text, extensions);
        var app = AppBinder.Bind(context, parsed.App, filePath, defaultNamespace);
        var diagnostics = new EquatableArray<DiagnosticInfo>(context.Diagnostics);
        if (app is null)
        {
            return new AppCompileResult(null, null, diagnostics);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new AppCompileResult(AppEmitter.Emit(app, Emit.Persistence.AppStateEmitter.TextHash(text)), app.Namespace + "." + app.ClassName, diagnostics);
    }
}
