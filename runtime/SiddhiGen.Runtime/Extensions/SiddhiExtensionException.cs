namespace SiddhiGen.Runtime;

/// <summary>
/// An extension function was given input it cannot process (Siddhi's <c>SiddhiAppRuntimeException</c> from a
/// function: a null where the function needs a value, an index out of range, a malformed date). The event's
/// stream handles it like any processing error (<c>@OnError</c>, fault stream, log).
/// </summary>
public sealed class SiddhiExtensionException(string function, string message, Exception? inner = null)
    : Exception(function + ": " + message, inner)
{
    /// <summary>The SiddhiQL name of the function that failed, e.g. <c>str:charAt</c>.</summary>
    public string Function { get; } = function;
}
