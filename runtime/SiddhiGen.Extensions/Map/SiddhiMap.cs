namespace SiddhiGen.Extensions;

/// <summary>
/// Reads the object argument of <c>map:</c> functions as a map (Java's <c>java.util.Map</c>). Maps made here are
/// <see cref="Dictionary{TKey, TValue}"/> of object keys (iteration in insertion order, where Java's HashMap uses
/// hash order); keys compare as Java's do (an INT 1 and a LONG 1 are different keys). Functions that change a map
/// change it in place and return it, as the Java library does.
/// </summary>
internal static class SiddhiMap
{
    public static Dictionary<object, object?> New() => new();

    public static IDictionary<object, object?> Of(object? value, string function, int argument = 1) => value switch
    {
        IDictionary<object, object?> map => map,
        null => throw Fail.Null(function, argument),
        _ => throw Fail.Because(function, "Argument " + argument + " must be a map, but found '" + value.GetType().Name + "'"),
    };

    public static object Key(object? key, string function) => key ?? throw Fail.Because(function, "A map key cannot be null");
}
