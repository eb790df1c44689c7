using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>What binding an on-demand query produced: the spec, or the errors (located in the query text).</summary>
internal sealed record OnDemandQueryResult(OnDemandQuerySpec? Query, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Binds on-demand queries against an app: the app's definitions are bound once, then each query text is
/// parsed and bound with the same parser and binder as the app (one grammar, one set of messages). The
/// result carries no 'not supported yet' diagnostics: which on-demand forms run is the evaluator's concern.
/// </summary>
internal sealed class OnDemandQueries
{
    private readonly AppSymbols _symbols;

    private OnDemandQueries(AppSymbols symbols) => _symbols = symbols;

    /// <summary>Binds the definitions of an app (diagnostics about the app itself go to <paramref name="appContext"/>).</summary>
    public static OnDemandQueries ForApp(BindingContext appContext, AppSyntax app, string filePath) =>
        new(AppBinder.BindDefinitionsOf(appContext, app, filePath));

    public OnDemandQueryResult Bind(string queryText, CancellationToken cancellationToken = default)
    {
        const string path = "query";
        var parsed = SiddhiParser.ParseOnDemandQuery(path, queryText, cancellationToken);
        if (parsed.Query is null || parsed.HasErrors)
        {
            return new OnDemandQueryResult(null, parsed.Diagnostics);
        }

        var context = new BindingContext(path, queryText);
        var spec = new QueryBinder(context, _symbols).BindOnDemand(parsed.Query);
        var diagnostics = context.Diagnostics.Where(d => d.Id != DiagnosticDescriptors.NotSupportedYet.Id).ToList();
        return new OnDemandQueryResult(diagnostics.Any(d => d.IsError) ? null : spec, new EquatableArray<DiagnosticInfo>(diagnostics));
    }
}
