using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Extensions;

/// <summary>What discovery found: the usable extensions, and why any marked one cannot be used.</summary>
public sealed record ExtensionDiscoveryResult(ExtensionCatalog Catalog, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static readonly ExtensionDiscoveryResult Empty = new(ExtensionCatalog.Empty, EquatableArray<DiagnosticInfo>.Empty);

    public ExtensionDiscoveryResult Merge(ExtensionDiscoveryResult other) =>
        new(Catalog.Merge(other.Catalog), new EquatableArray<DiagnosticInfo>(Diagnostics.Concat(other.Diagnostics)));
}

/// <summary>
/// Reads C# extensions from Roslyn symbols into the plain <see cref="ExtensionCatalog"/>: <c>[SiddhiFunction]</c>
/// static methods, <c>[SiddhiAggregator]</c> types and <c>[SiddhiWindow]</c> classes. The generator calls it on
/// the user's own code (through <c>ForAttributeWithMetadataName</c>) and on the types referenced assemblies list in
/// <c>[assembly: SiddhiExtensions(...)]</c>; tests and the conformance runner call <see cref="FromReferences"/>.
/// </summary>
public static class ExtensionDiscovery
{
    public const string FunctionAttribute = "SiddhiGen.Runtime.SiddhiFunctionAttribute";
    public const string AggregatorAttribute = "SiddhiGen.Runtime.SiddhiAggregatorAttribute";
    public const string WindowAttribute = "SiddhiGen.Runtime.SiddhiWindowAttribute";
    public const string ConstantAttribute = "SiddhiGen.Runtime.SiddhiConstantAttribute";
    public const string ExtensionsAttribute = "SiddhiGen.Runtime.SiddhiExtensionsAttribute";
    public const string ScriptingAssembly = "SiddhiGen.Scripting";
    private const string AggregatorContract = "SiddhiGen.Runtime.IAttributeAggregator<TIn, TOut>";
    private const string WindowContract = "SiddhiGen.Runtime.IWindow<T>";

    private static readonly SymbolDisplayFormat s_openGeneric = SymbolDisplayFormat.FullyQualifiedFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None);

    /// <summary>The extensions of every referenced assembly that lists its extension types.</summary>
    public static ExtensionDiscoveryResult FromReferences(Compilation compilation, CancellationToken cancellationToken)
    {
        var result = ExtensionDiscoveryResult.Empty;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (assembly.Name == ScriptingAssembly)
            {
                result = result.Merge(new ExtensionDiscoveryResult(ExtensionCatalog.Empty with { Scripting = true }, EquatableArray<DiagnosticInfo>.Empty));
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != ExtensionsAttribute || attribute.ConstructorArguments.Length != 1)
                {
                    continue;
                }

                foreach (var listed in attribute.ConstructorArguments[0].Values)
                {
                    if (listed.Value is INamedTypeSymbol type)
                    {
                        // typeof(W<,,>) is the unbound form; its definition carries the type parameters and interfaces.
                        result = result.Merge(FromType(type.IsUnboundGenericType ? type.OriginalDefinition : type));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Every function, aggregator and window a type declares (the type itself and its static methods).</summary>
    public static ExtensionDiscoveryResult FromType(INamedTypeSymbol type)
    {
        var result = FromMarkedType(type, type.GetAttributes());
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            var marks = method.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == FunctionAttribute).ToImmutableArray();
            if (marks.Length > 0)
            {
                result = result.Merge(FromMethod(method, marks));
            }
        }

        return result;
    }

    /// <summary>The functions one <c>[SiddhiFunction]</c> method declares (one per attribute: a method may have several names).</summary>
    public static ExtensionDiscoveryResult FromMethod(IMethodSymbol method, ImmutableArray<AttributeData> attributes)
    {
        var functions = new List<ExtensionFunctionSpec>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var attribute in attributes.Where(a => a.AttributeClass?.ToDisplayString() == FunctionAttribute))
        {
            var name = NameOf(attribute);
            var problem = CheckMethod(method, out var parameters, out var returns);
            if (!SplitName(name, out var ns, out var local))
            {
                problem = "the name must be 'namespace:name'";
            }

            if (problem is not null)
            {
                diagnostics.Add(Invalid(name, method, problem));
                continue;
            }

            functions.Add(new ExtensionFunctionSpec(ns, local, method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), method.Name, parameters, returns!));
        }

        return new ExtensionDiscoveryResult(
            new ExtensionCatalog(new EquatableArray<ExtensionFunctionSpec>(functions), EquatableArray<ExtensionAggregatorSpec>.Empty, EquatableArray<ExtensionWindowSpec>.Empty),
            new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    /// <summary>The aggregators and windows a <c>[SiddhiAggregator]</c>/<c>[SiddhiWindow]</c> type declares.</summary>
    public static ExtensionDiscoveryResult FromMarkedType(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes)
    {
        var aggregators = new List<ExtensionAggregatorSpec>();
        var windows = new List<ExtensionWindowSpec>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var attribute in attributes)
        {
            var kind = attribute.AttributeClass?.ToDisplayString();
            if (kind is not (AggregatorAttribute or WindowAttribute))
            {
                continue;
            }

            var name = NameOf(attribute);
            string? problem;
            if (!SplitName(name, out var ns, out var local))
            {
                problem = "the name must be 'namespace:name'";
            }
            else if (kind == AggregatorAttribute)
            {
                problem = CheckAggregator(type, out var argument, out var result);
                if (problem is null)
                {
                    aggregators.Add(new ExtensionAggregatorSpec(ns, local, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), argument!, result!));
                }
            }
            else
            {
                problem = CheckWindow(type, out var keyed, out var timers, out var parameters, out var required);
                if (problem is null)
                {
                    windows.Add(new ExtensionWindowSpec(ns, local, type.ToDisplayString(s_openGeneric), keyed, timers, parameters, required));
                }
            }

            if (problem is not null)
            {
                diagnostics.Add(Invalid(name, type, problem));
            }
        }

        return new ExtensionDiscoveryResult(
            new ExtensionCatalog(EquatableArray<ExtensionFunctionSpec>.Empty, new EquatableArray<ExtensionAggregatorSpec>(aggregators), new EquatableArray<ExtensionWindowSpec>(windows)),
            new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    private static string? CheckMethod(IMethodSymbol method, out EquatableArray<ExtensionParameterSpec> parameters, out ExtensionValueType? returns)
    {
        parameters = EquatableArray<ExtensionParameterSpec>.Empty;
        returns = null;
        if (!method.IsStatic || method.IsGenericMethod || !IsReachable(method))
        {
            return "a function must be a public (or internal) static, non-generic method";
        }

        returns = ValueType(method.ReturnType);
        if (returns is null)
        {
            return "the return type " + method.ReturnType.ToDisplayString() + " is not a Siddhi type (int, long, float, double, bool, their nullable forms, string or object)";
        }

        var list = new List<ExtensionParameterSpec>();
        foreach (var parameter in method.Parameters)
        {
            var type = parameter.IsParams && parameter.Type is IArrayTypeSymbol array ? array.ElementType : parameter.Type;
            var siddhiType = parameter.RefKind == RefKind.None ? ValueType(type) : null;
            if (siddhiType is null)
            {
                return "parameter '" + parameter.Name + "' of type " + parameter.Type.ToDisplayString() + " is not a Siddhi type (int, long, float, double, bool, their nullable forms, string or object)";
            }

            var constant = parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ConstantAttribute) || !siddhiType.Nullable;
            list.Add(new ExtensionParameterSpec(parameter.Name, siddhiType, constant, parameter.IsParams));
        }

        parameters = new EquatableArray<ExtensionParameterSpec>(list);
        return null;
    }

    private static string? CheckAggregator(INamedTypeSymbol type, out ExtensionValueType? argument, out ExtensionValueType? result)
    {
        argument = result = null;
        var contract = type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.ToDisplayString() == AggregatorContract);
        if (contract is null || type.IsGenericType || type.IsAbstract || !IsReachable(type))
        {
            return "an aggregator must be a public (or internal), non-generic, non-abstract type implementing IAttributeAggregator<TIn, TOut>";
        }

        if (type.TypeKind == TypeKind.Class && !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal))
        {
            return "an aggregator class needs a public parameterless constructor";
        }

        argument = ValueType(contract.TypeArguments[0]);
        result = ValueType(contract.TypeArguments[1]);
        return argument is null || result is null ? "TIn and TOut must be Siddhi types (int?, long?, float?, double?, bool?, string or object)" : null;
    }

    private static string? CheckWindow(INamedTypeSymbol type, out bool keyed, out bool timers, out EquatableArray<ExtensionParameterSpec> parameters, out int required)
    {
        keyed = type.TypeParameters.Length == 3;
        timers = false;
        parameters = EquatableArray<ExtensionParameterSpec>.Empty;
        required = 0;
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.TypeParameters.Length is not (1 or 3) || !IsReachable(type)
            || !type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == WindowContract && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type.TypeParameters[0])))
        {
            return "a window must be a public (or internal) class W<T> or W<T, TKey, TKeyAccessor> implementing IWindow<T>";
        }

        var constructor = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal && c.Parameters.Length > 0 && c.Parameters[0].Type.ToDisplayString() == "SiddhiGen.Runtime.AppClock")
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null)
        {
            return "a window needs a public constructor whose first parameter is the AppClock";
        }

        var rest = constructor.Parameters.Skip(1).ToList();
        if (rest.Count > 0 && rest[0].Type.ToDisplayString() == "SiddhiGen.Runtime.ITimerTarget")
        {
            timers = true;
            rest.RemoveAt(0);
        }

        var list = new List<ExtensionParameterSpec>();
        foreach (var parameter in rest)
        {
            var siddhiType = ValueType(parameter.Type);
            if (siddhiType is null || siddhiType.Type == AttributeType.Object)
            {
                return "constructor parameter '" + parameter.Name + "' must be int, long, float, double, bool or string (a constant argument)";
            }

            list.Add(new ExtensionParameterSpec(parameter.Name, siddhiType, Constant: true, IsParams: false));
            required += parameter.HasExplicitDefaultValue ? 0 : 1;
        }

        parameters = new EquatableArray<ExtensionParameterSpec>(list);
        return null;
    }

    /// <summary>The Siddhi type of a C# type, or null when it has none.</summary>
    private static ExtensionValueType? ValueType(ITypeSymbol type)
    {
        var nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            nullable = true;
            type = wrapper.TypeArguments[0];
        }

        AttributeType? siddhi = type.SpecialType switch
        {
            SpecialType.System_Int32 => AttributeType.Int,
            SpecialType.System_Int64 => AttributeType.Long,
            SpecialType.System_Single => AttributeType.Float,
            SpecialType.System_Double => AttributeType.Double,
            SpecialType.System_Boolean => AttributeType.Bool,
            SpecialType.System_String when !nullable => AttributeType.String,
            SpecialType.System_Object when !nullable => AttributeType.Object,
            _ => null,
        };
        return siddhi is null ? null : new ExtensionValueType(siddhi.Value, nullable || siddhi is AttributeType.String or AttributeType.Object);
    }

    /// <summary>The generated code (in the user's assembly) can call it: nothing on the way is private or protected.</summary>
    private static bool IsReachable(ISymbol symbol)
    {
        for (var s = symbol; s is not null and not INamespaceSymbol; s = s.ContainingType)
        {
            if (s.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
            {
                return false;
            }
        }

        return true;
    }

    private static string NameOf(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name ? name : string.Empty;

    private static bool SplitName(string name, out string ns, out string local)
    {
        var colon = name.IndexOf(':');
        ns = colon > 0 ? name.Substring(0, colon) : string.Empty;
        local = colon > 0 ? name.Substring(colon + 1) : string.Empty;
        return colon > 0 && local.Length > 0 && local.IndexOf(':') < 0 && IsIdentifier(ns) && IsIdentifier(local);
    }

    private static bool IsIdentifier(string text) =>
        text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static DiagnosticInfo Invalid(string name, ISymbol symbol, string problem)
    {
        var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
        var info = location is null ? null : new LocationInfo(location.SourceTree!.FilePath, location.SourceSpan, location.GetLineSpan().Span);
        return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidExtension, info, name, symbol.ToDisplayString(), problem);
    }
}
