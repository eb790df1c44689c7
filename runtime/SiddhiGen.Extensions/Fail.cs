using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>The errors the libraries raise, worded as Siddhi's extensions word them.</summary>
internal static class Fail
{
    public static SiddhiExtensionException Null(string function, int argument) =>
        new(function, (argument switch { 1 => "First", 2 => "Second", 3 => "Third", _ => "Argument " + argument }) + " argument cannot be null");

    public static SiddhiExtensionException Because(string function, string message, Exception? inner = null) => new(function, message, inner);
}
