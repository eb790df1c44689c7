using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SiddhiGen.Generator.Extensions;

/// <summary>
/// The incremental steps that find C# extensions. The user's own code is searched with
/// <c>ForAttributeWithMetadataName</c>, which re-runs only for edited declarations carrying the attributes; referenced
/// assemblies (the standard libraries) are read from their <c>[assembly: SiddhiExtensions]</c> lists in a step over
/// the compilation that is cheap and whose equatable result stays equal while the references do not change, so
/// the <c>.siddhi</c> steps after it stay cached on every C# keystroke.
/// </summary>
internal static class ExtensionPipeline
{
    public static IncrementalValueProvider<ExtensionDiscoveryResult> Create(IncrementalGeneratorInitializationContext context)
    {
        var functions = context.SyntaxProvider.ForAttributeWithMetadataName(
            ExtensionDiscovery.FunctionAttribute,
            static (node, _) => node is MethodDeclarationSyntax,
            static (ctx, _) => ExtensionDiscovery.FromMethod((IMethodSymbol)ctx.TargetSymbol, ctx.Attributes));
        var aggregators = context.SyntaxProvider.ForAttributeWithMetadataName(
            ExtensionDiscovery.AggregatorAttribute,
            static (node, _) => node is TypeDeclarationSyntax,
            static (ctx, _) => ExtensionDiscovery.FromMarkedType((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes));
        var windows = context.SyntaxProvider.ForAttributeWithMetadataName(
            ExtensionDiscovery.WindowAttribute,
            static (node, _) => node is TypeDeclarationSyntax,
            static (ctx, _) => ExtensionDiscovery.FromMarkedType((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes));

        var user = functions.Collect()
            .Combine(aggregators.Collect())
            .Combine(windows.Collect())
            .Select(static (found, _) => MergeAll(found.Left.Left.AddRange(found.Left.Right).AddRange(found.Right)))
            .WithTrackingName(SiddhiGenerator.StepNames.UserExtensions);

        var referenced = context.CompilationProvider
            .Select(static (compilation, ct) => ExtensionDiscovery.FromReferences(compilation, ct))
            .WithTrackingName(SiddhiGenerator.StepNames.ReferencedExtensions);

        return user.Combine(referenced)
            .Select(static (both, _) => both.Left.Merge(both.Right))
            .WithTrackingName(SiddhiGenerator.StepNames.Extensions);
    }

    private static ExtensionDiscoveryResult MergeAll(ImmutableArray<ExtensionDiscoveryResult> results) =>
        results.Aggregate(ExtensionDiscoveryResult.Empty, static (all, one) => all.Merge(one));
}
