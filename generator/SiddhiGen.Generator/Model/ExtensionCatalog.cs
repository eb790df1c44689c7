using System.Collections.Generic;
using System.Linq;

namespace SiddhiGen.Generator.Model;

/// <summary>
/// The extensions written in C# that an app may call (<c>str:concat</c>, <c>custom:myAvg</c>, <c>#window.unique:length</c>):
/// plain data read once from the compilation's attributes (the user's own code and the referenced libraries), so
/// the <c>.siddhi</c> path caches on it and never holds a Roslyn symbol. <see cref="Scripting"/> says whether the
/// project references SiddhiGen.Scripting, which runs <c>define function f[javascript]</c>.
/// </summary>
public sealed record ExtensionCatalog(
    EquatableArray<ExtensionFunctionSpec> Functions,
    EquatableArray<ExtensionAggregatorSpec> Aggregators,
    EquatableArray<ExtensionWindowSpec> Windows,
    bool Scripting = false)
{
    public static readonly ExtensionCatalog Empty = new(
        EquatableArray<ExtensionFunctionSpec>.Empty, EquatableArray<ExtensionAggregatorSpec>.Empty, EquatableArray<ExtensionWindowSpec>.Empty);

    public bool IsEmpty => Functions.IsEmpty && Aggregators.IsEmpty && Windows.IsEmpty;

    /// <summary>Both catalogues in one, sorted so the result does not depend on discovery order.</summary>
    public ExtensionCatalog Merge(ExtensionCatalog other) => new(
        new EquatableArray<ExtensionFunctionSpec>(Functions.Concat(other.Functions).Distinct().OrderBy(f => f.FullName, System.StringComparer.Ordinal).ThenBy(f => f.Signature, System.StringComparer.Ordinal)),
        new EquatableArray<ExtensionAggregatorSpec>(Aggregators.Concat(other.Aggregators).Distinct().OrderBy(a => a.FullName, System.StringComparer.Ordinal).ThenBy(a => a.TypeName, System.StringComparer.Ordinal)),
        new EquatableArray<ExtensionWindowSpec>(Windows.Concat(other.Windows).Distinct().OrderBy(w => w.FullName, System.StringComparer.Ordinal).ThenBy(w => w.TypeName, System.StringComparer.Ordinal)),
        Scripting || other.Scripting);

    /// <summary>The overloads of function <c>ns:name</c>.</summary>
    public IEnumerable<ExtensionFunctionSpec> FunctionsNamed(string fullName) => Functions.Where(f => f.FullName == fullName);

    /// <summary>Every function, aggregator and window name of <paramref name="ns"/>, sorted and distinct.</summary>
    public IReadOnlyList<string> NamesIn(string ns) =>
        Functions.Where(f => f.Namespace == ns).Select(f => f.Name)
            .Concat(Aggregators.Where(a => a.Namespace == ns).Select(a => a.Name))
            .Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToList();
}

/// <summary>The type of a C# extension's parameter or result as SiddhiQL sees it.</summary>
/// <param name="Type">The Siddhi type.</param>
/// <param name="Nullable">False for a non-nullable value type (<c>int</c>, not <c>int?</c>).</param>
public sealed record ExtensionValueType(AttributeType Type, bool Nullable);

/// <summary>One parameter of a C# extension function.</summary>
/// <param name="Constant">The call must pass a constant (<c>[SiddhiConstant]</c>, or a non-nullable value type).</param>
/// <param name="IsParams">The trailing <c>params T[]</c>: any number of arguments of its element type.</param>
public sealed record ExtensionParameterSpec(string Name, ExtensionValueType Type, bool Constant, bool IsParams);

/// <summary>A <c>[SiddhiFunction("ns:name")]</c> static method.</summary>
/// <param name="ContainingType">The declaring type, fully qualified with <c>global::</c>.</param>
/// <param name="Method">The C# method name.</param>
public sealed record ExtensionFunctionSpec(
    string Namespace,
    string Name,
    string ContainingType,
    string Method,
    EquatableArray<ExtensionParameterSpec> Parameters,
    ExtensionValueType Return)
{
    public string FullName => Namespace + ":" + Name;

    /// <summary>How the overload reads in a message: <c>str:concat(string... args) returns string</c>.</summary>
    public string Signature => FullName + "(" + string.Join(", ", Parameters.Select(p => Describe(p.Type) + (p.IsParams ? "..." : string.Empty) + " " + p.Name)) + ")";

    internal static string Describe(ExtensionValueType type) => type.Type.ToString().ToLowerInvariant();
}

/// <summary>A <c>[SiddhiAggregator("ns:name")]</c> type implementing <c>IAttributeAggregator&lt;TIn, TOut&gt;</c>.</summary>
/// <param name="TypeName">The aggregator type, fully qualified with <c>global::</c>.</param>
public sealed record ExtensionAggregatorSpec(string Namespace, string Name, string TypeName, ExtensionValueType Argument, ExtensionValueType Result)
{
    public string FullName => Namespace + ":" + Name;
}

/// <summary>A <c>[SiddhiWindow("ns:name")]</c> generic window class.</summary>
/// <param name="TypeName">The open generic type without its type arguments, fully qualified with <c>global::</c>.</param>
/// <param name="Keyed">The class is <c>W&lt;T, TKey, TKeyAccessor&gt;</c>: the call's leading attributes form the key.</param>
/// <param name="UsesTimers">The constructor takes an <c>ITimerTarget</c> after the clock.</param>
/// <param name="Parameters">The constructor's constant parameters, in order, after the clock (and timer).</param>
/// <param name="RequiredParameters">How many of <paramref name="Parameters"/> have no default value.</param>
public sealed record ExtensionWindowSpec(
    string Namespace,
    string Name,
    string TypeName,
    bool Keyed,
    bool UsesTimers,
    EquatableArray<ExtensionParameterSpec> Parameters,
    int RequiredParameters)
{
    public string FullName => Namespace + ":" + Name;
}

/// <summary>A call of a C# extension function: emitted as a direct static call of the chosen overload.</summary>
/// <param name="Function">The chosen overload.</param>
/// <param name="Arguments">The arguments as bound; the emitter widens each to its parameter type where they differ.</param>
public sealed record ExtensionCallSpec(AttributeType Type, ExtensionFunctionSpec Function, EquatableArray<ExpressionSpec> Arguments) : ExpressionSpec(Type);

