using Jint;
using Jint.Native;
using SiddhiGen.Runtime;

namespace SiddhiGen.Scripting;

/// <summary>
/// <c>define function f[javascript] return T { body }</c>, run on Jint. As in Siddhi, the body sees the call's arguments
/// as the array <c>data</c> and its <c>return</c> value becomes the function's result, converted to the declared type
/// (a JavaScript number to INT/LONG by truncation, to FLOAT/DOUBLE as is; anything to STRING by JavaScript's
/// <c>String()</c>; <c>null</c>/<c>undefined</c> to null). The body is compiled when the app is created, so a syntax
/// error fails there; an error thrown while it runs is a <see cref="SiddhiExtensionException"/> handled by the
/// stream's error policy. One engine per function, used under a lock (Jint engines are single-threaded).
/// </summary>
public sealed class JavaScriptFunction
{
    private readonly Engine _engine;
    private readonly JsValue _function;
    private readonly string _name;

    /// <param name="name">The function's name in the app (errors name it).</param>
    /// <param name="body">The script between the braces.</param>
    public JavaScriptFunction(string name, string body)
    {
        _name = name;
        _engine = new Engine(options => options.Strict(false).LimitRecursion(256));
        try
        {
            _function = _engine.Evaluate("(function (data) {" + body + "\n})");
        }
        catch (Exception ex) when (ex is Jint.Runtime.JavaScriptException or Acornima.ParseErrorException)
        {
            throw new SiddhiExtensionException(name, "the JavaScript body does not compile: " + ex.Message, ex);
        }
    }

    public int? InvokeInt(params object?[] data) => Invoke(data) is { } v ? (int)ToNumber(v) : null;

    public long? InvokeLong(params object?[] data) => Invoke(data) is { } v ? (long)ToNumber(v) : null;

    public float? InvokeFloat(params object?[] data) => Invoke(data) is { } v ? (float)ToNumber(v) : null;

    public double? InvokeDouble(params object?[] data) => Invoke(data) is { } v ? ToNumber(v) : null;

    public bool? InvokeBool(params object?[] data) => Invoke(data) is { } v ? v is bool b ? b : throw Mismatch(v, "bool") : null;

    public string? InvokeString(params object?[] data) => Invoke(data) switch
    {
        null => null,
        string s => s,
        double d => JsValue.FromObject(_engine, d).ToString(),
        var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
    };

    public object? InvokeObject(params object?[] data) => Invoke(data);

    /// <summary>Runs the body with <paramref name="data"/> as its <c>data</c> array; the result as a .NET value.</summary>
    private object? Invoke(object?[] data)
    {
        lock (_engine)
        {
            try
            {
                var array = new JsArray(_engine, data.Select(d => JsValue.FromObject(_engine, d)).ToArray());
                var result = _engine.Invoke(_function, array);
                return result.IsNull() || result.IsUndefined() ? null : result.ToObject();
            }
            catch (Exception ex) when (ex.GetType().Namespace?.StartsWith("Jint", StringComparison.Ordinal) == true)
            {
                throw new SiddhiExtensionException(_name, ex.Message, ex);
            }
        }
    }

    private double ToNumber(object value) => value switch
    {
        double d => d,
        int i => i,
        long l => l,
        float f => f,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
        _ => throw Mismatch(value, "number"),
    };

    private SiddhiExtensionException Mismatch(object value, string wanted) =>
        new(_name, "the JavaScript result '" + value + "' is not a " + wanted);
}
