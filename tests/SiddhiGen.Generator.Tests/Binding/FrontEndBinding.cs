using SiddhiGen.Generator.Binding;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Tests.Binding;

/// <summary>Binds an app with <see cref="AppBinder.Inspect"/>, which returns the specs of constructs not supported yet.</summary>
internal static class FrontEndBinding
{
    public static (BoundApp App, IReadOnlyList<DiagnosticInfo> Diagnostics) Inspect(string text)
    {
        var parsed = SiddhiParser.ParseApp("App.siddhi", text);
        Assert.That(parsed.Diagnostics, Is.Empty, "syntax errors: " + string.Join(" | ", parsed.Diagnostics));
        // A project that references SiddhiGen.Scripting, so script functions bind.
        var context = new BindingContext("App.siddhi", text, Model.ExtensionCatalog.Empty with { Scripting = true });
        var app = AppBinder.Inspect(context, parsed.App, "App.siddhi");
        return (app, context.Diagnostics);
    }

    /// <summary>Binds <paramref name="text"/> and asserts that the only diagnostics are 'not supported yet'.</summary>
    public static BoundApp InspectClean(string text)
    {
        var (app, diagnostics) = Inspect(text);
        var errors = diagnostics.Where(d => d.Id != DiagnosticDescriptors.NotSupportedYet.Id).ToList();
        Assert.That(errors, Is.Empty, "unexpected diagnostics: " + string.Join(" | ", errors));
        return app;
    }
}
