using System;
using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Checks <c>@store(type='rdbms', ...)</c> on a table as siddhi-store-rdbms would at deployment: exactly one of
/// <c>jdbc.url</c> and <c>datasource</c>, a JDBC URL the runtime can translate (SQLite, PostgreSQL), only attributes a
/// column can hold, and a well-formed <c>field.length</c>. Values with <c>${VAR}</c> are resolved at run time, so
/// they are not checked here.
/// </summary>
internal static class RdbmsStoreBinder
{
    public static bool IsRdbms(StoreSpec store) => string.Equals(store.Type, "rdbms", StringComparison.OrdinalIgnoreCase);

    public static bool Check(BindingContext context, TableDefinitionSyntax definition, StoreSpec store, IReadOnlyList<AttributeSpec> attributes)
    {
        var name = definition.Name.Text;
        var annotation = definition.Annotations.First(a => string.Equals(a.Name.Text, "store", StringComparison.OrdinalIgnoreCase));
        var url = Option(store, "jdbc.url");
        var dataSource = Option(store, "datasource");
        var ok = true;
        if ((url is null) == (dataSource is null))
        {
            context.Report(DiagnosticDescriptors.MissingStoreConnection, annotation.Span, name);
            ok = false;
        }
        else if (url is not null && !IsPlaceholder(url) && !IsSupportedUrl(url))
        {
            context.Report(DiagnosticDescriptors.UnsupportedJdbcUrl, ValueSpan(annotation, "jdbc.url"), url, name);
            ok = false;
        }

        foreach (var attribute in attributes.Where(a => a.Type == AttributeType.Object))
        {
            context.Report(DiagnosticDescriptors.UnstorableAttribute, definition.Name.Span, attribute.Name, name);
            ok = false;
        }

        if (Option(store, "field.length") is { } lengths && !IsPlaceholder(lengths))
        {
            foreach (var entry in lengths.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()))
            {
                var colon = entry.IndexOf(':');
                var known = colon > 0 && attributes.Any(a => a.Name == entry.Substring(0, colon).Trim());
                if (!known || !int.TryParse(entry.Substring(colon + 1).Trim(), out var length) || length <= 0)
                {
                    context.Report(DiagnosticDescriptors.InvalidFieldLength, ValueSpan(annotation, "field.length"), entry, name);
                    ok = false;
                }
            }
        }

        return ok;
    }

    private static bool IsSupportedUrl(string url) =>
        url.StartsWith("jdbc:sqlite:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("jdbc:postgresql://", StringComparison.OrdinalIgnoreCase);

    private static bool IsPlaceholder(string value) => value.Contains("${");

    private static string? Option(StoreSpec store, string key) => store.Options.FirstOrDefault(o => o.Key == key)?.Value;

    private static TextSpan ValueSpan(AnnotationSyntax annotation, string key) =>
        annotation.Elements.FirstOrDefault(e => string.Equals(e.Key?.Text, key, StringComparison.OrdinalIgnoreCase))?.Span ?? annotation.Span;
}
