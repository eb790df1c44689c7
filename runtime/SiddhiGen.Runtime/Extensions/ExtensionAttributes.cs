namespace SiddhiGen.Runtime;

/// <summary>
/// Makes a public static method callable from SiddhiQL as <c>ns:name(...)</c> (Siddhi's <c>@Extension</c> function).
/// The generator finds it at build time, checks each call against the method's parameters and calls it directly.
/// </summary>
/// <remarks>
/// Parameters and the return type are Siddhi types: <c>int?</c>, <c>long?</c>, <c>float?</c>, <c>double?</c>,
/// <c>bool?</c>, <c>string?</c> or <c>object?</c> (Siddhi values may be null, so value types are nullable; a
/// non-nullable value parameter accepts only a constant). A trailing <c>params T[]</c> takes any number of
/// arguments. Several methods with one name are overloads: a call picks the one whose parameters its
/// arguments match exactly, else the one reached by the fewest numeric widenings (int → long → float → double).
/// Methods of another assembly are found when that assembly lists their type in <see cref="SiddhiExtensionsAttribute"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class SiddhiFunctionAttribute(string name) : Attribute
{
    /// <summary>The SiddhiQL name, <c>namespace:function</c> (for example <c>str:concat</c>).</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Makes a type an aggregator callable from a selector as <c>ns:name(arg)</c>. The type implements
/// <see cref="IAttributeAggregator{TIn, TOut}"/> with Siddhi types and has a public parameterless constructor;
/// one instance lives per query (or per group with <c>group by</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true)]
public sealed class SiddhiAggregatorAttribute(string name) : Attribute
{
    /// <summary>The SiddhiQL name, <c>namespace:aggregator</c>.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Makes a generic class a window used as <c>#window.ns:name(...)</c>. The class implements <see cref="IWindow{T}"/>
/// and is generic over the event, <c>W&lt;T&gt;</c>, or over the event and a key read from the events,
/// <c>W&lt;T, TKey, TKeyAccessor&gt;</c> with <c>TKeyAccessor : IAttributeAccessor&lt;T, TKey&gt;</c>: then the call's
/// leading attribute arguments form the key. Its public constructor takes an <see cref="AppClock"/>, optionally an
/// <see cref="ITimerTarget"/> (the window schedules timers), then one parameter per constant argument
/// (<c>int</c>, <c>long</c>, <c>double</c>, <c>bool</c>, <c>string</c>; a <c>long</c> accepts a time such as <c>1 sec</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class SiddhiWindowAttribute(string name) : Attribute
{
    /// <summary>The SiddhiQL name, <c>namespace:window</c>.</summary>
    public string Name { get; } = name;
}

/// <summary>A parameter of a <see cref="SiddhiFunctionAttribute"/> method that must be given a constant (a pattern, a unit).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class SiddhiConstantAttribute : Attribute
{
}

/// <summary>
/// Lists the extension types of an assembly, so the generator reads only these from a referenced assembly
/// (it does not walk every type of every reference on each build).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class SiddhiExtensionsAttribute(params Type[] types) : Attribute
{
    /// <summary>The types holding <see cref="SiddhiFunctionAttribute"/> methods, aggregators and windows.</summary>
    public Type[] Types { get; } = types;
}
