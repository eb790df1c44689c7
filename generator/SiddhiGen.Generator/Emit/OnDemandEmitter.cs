using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes, in the app's constructor, what on-demand queries (<c>app.Query("from W ...")</c>) need at run time: the
/// app's definitions as SiddhiQL (the runtime binds query text against them with this generator's own parser and
/// binder) and, for each named window, a registration that snapshots its contents as rows.
/// </summary>
internal static class OnDemandEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public static void Emit(SourceWriter w, AppSpec app)
    {
        if (app.Windows.Count == 0 && app.Tables.Count == 0 && app.Aggregations.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("// On-demand queries (Query) read the named windows, tables and aggregations; their text is bound against these definitions.");
        w.WriteLine($"UseOnDemandQueries({SourceWriter.StringLiteral(Definitions(app))});");
        foreach (var window in app.Windows)
        {
            var stream = app.Streams.First(s => s.Name == window.Name);
            w.WriteLine($"RegisterQueryable({SourceWriter.StringLiteral(window.Name)}, {stream.EventTypeName}.Schema, () => {Runtime}.QueryableRows.From({AppEmitter.WindowField(window)}.Contents, static e => e.ToRow()));");
        }

        TableEmitter.EmitRegistrations(w, app);
        AggregationEmitter.EmitRegistrations(w, app);
    }

    /// <summary>
    /// The definitions of the app, each as written, in an order the binder accepts: streams (windows and triggers
    /// included), then tables and aggregations.
    /// </summary>
    private static string Definitions(AppSpec app)
    {
        var texts = new List<string>();
        texts.AddRange(app.Streams.Where(s => s.DefinitionText is not null).Select(s => s.DefinitionText!.Trim()));
        texts.AddRange(app.Tables.Select(t => t.Text));
        texts.AddRange(app.Aggregations.Select(a => a.Text));
        return string.Join(";\n", texts.Distinct()) + ";";
    }
}
