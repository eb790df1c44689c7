using System;
using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds <c>define table T (...)</c> and its annotations as Siddhi's <c>EventHolderPasser</c> checks them:
/// one <c>@PrimaryKey</c> naming existing attributes, each <c>@Index</c> naming exactly one existing attribute,
/// no attribute indexed twice, no <c>@IndexBy</c>; <c>@store</c> with a type.
/// </summary>
internal static class TableBinder
{
    public static TableSpec? Bind(BindingContext context, AppSymbols symbols, TableDefinitionSyntax definition, IReadOnlyList<AttributeSpec> attributes, string text)
    {
        var name = definition.Name.Text;
        var schema = symbols.DefineStoreSchema(name, attributes);
        symbols.Tables[name] = new StoreEntry(StoreKind.Table, schema);

        var ok = true;
        var primaryKey = new List<string>();
        var indexes = new List<string>();
        StoreSpec? store = null;
        AnnotationSyntax? primaryKeyAnnotation = null;
        foreach (var annotation in definition.Annotations)
        {
            switch (annotation.Name.Text.ToLowerInvariant())
            {
                case "primarykey":
                    if (primaryKeyAnnotation is not null)
                    {
                        context.Report(DiagnosticDescriptors.DuplicateAnnotation, annotation.Span, "PrimaryKey", "table", name);
                        ok = false;
                        break;
                    }

                    primaryKeyAnnotation = annotation;
                    if (annotation.Elements.Length == 0)
                    {
                        context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, $"@PrimaryKey on table '{name}' needs at least one attribute, e.g. @PrimaryKey('symbol')");
                        ok = false;
                    }

                    foreach (var element in annotation.Elements)
                    {
                        ok &= CheckAttribute(context, element, "PrimaryKey", name, attributes);
                        primaryKey.Add(element.Value.Value.Trim());
                    }

                    break;

                case "index":
                    if (annotation.Elements.Length != 1)
                    {
                        context.Report(
                            DiagnosticDescriptors.InvalidAnnotation,
                            annotation.Span,
                            annotation.Elements.Length == 0
                                ? $"@Index on table '{name}' needs one attribute, e.g. @Index('symbol')"
                                : $"@Index on table '{name}' takes one attribute: write one @Index per attribute, e.g. @Index('a') @Index('b')");
                        ok = false;
                        break;
                    }

                    var indexed = annotation.Elements[0].Value.Value.Trim();
                    if (!CheckAttribute(context, annotation.Elements[0], "Index", name, attributes))
                    {
                        ok = false;
                    }
                    else if (indexes.Contains(indexed))
                    {
                        context.Report(DiagnosticDescriptors.DuplicateAnnotation, annotation.Span, "Index('" + indexed + "')", "table", name);
                        ok = false;
                    }
                    else
                    {
                        indexes.Add(indexed);
                    }

                    break;

                case "indexby":
                    context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, "@IndexBy is not supported anymore: use @PrimaryKey or @Index");
                    ok = false;
                    break;

                case "store":
                    store = BindStore(context, annotation, "table '" + name + "'");
                    ok &= store is not null;
                    break;
            }
        }

        if (store is not null && RdbmsStoreBinder.IsRdbms(store))
        {
            ok &= RdbmsStoreBinder.Check(context, definition, store, attributes);
            symbols.Tables[name].IsStore = ok;
        }

        if (!ok)
        {
            return null;
        }

        var operatorName = Identifiers.Unique(Identifiers.Pascal(name) + "Table", symbols.UsedMemberNames);
        return new TableSpec(name, operatorName, text, schema, new EquatableArray<string>(primaryKey), new EquatableArray<string>(indexes), store);
    }

    /// <summary><c>@store(type='...', ..., @cache(...))</c> on a table or an aggregation.</summary>
    public static StoreSpec? BindStore(BindingContext context, AnnotationSyntax annotation, string owner)
    {
        var options = Options(annotation);
        var type = options.FirstOrDefault(o => o.Key == "type");
        if (type is null || type.Value.Length == 0)
        {
            context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, $"@store on {owner} needs a type, e.g. @store(type='rdbms', ...)");
            return null;
        }

        var cache = annotation.Annotations.FirstOrDefault(a => string.Equals(a.Name.Text, "cache", StringComparison.OrdinalIgnoreCase));
        return new StoreSpec(
            type.Value,
            new EquatableArray<OptionSpec>(options.Where(o => o.Key != "type")),
            cache is null ? EquatableArray<OptionSpec>.Empty : new EquatableArray<OptionSpec>(Options(cache)));
    }

    private static List<OptionSpec> Options(AnnotationSyntax annotation) =>
        annotation.Elements.Select(e => new OptionSpec(e.Key?.Text.ToLowerInvariant() ?? string.Empty, e.Value.Value)).ToList();

    private static bool CheckAttribute(BindingContext context, AnnotationElementSyntax element, string annotation, string table, IReadOnlyList<AttributeSpec> attributes)
    {
        var attribute = element.Value.Value.Trim();
        if (attributes.Any(a => a.Name == attribute))
        {
            return true;
        }

        context.Report(DiagnosticDescriptors.UnknownKeyAttribute, element.Span, annotation, attribute, "table", table);
        return false;
    }
}
