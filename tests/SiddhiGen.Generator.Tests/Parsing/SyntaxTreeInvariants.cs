using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Tests.Parsing;

/// <summary>Walks a syntax tree by reflection and checks what the binder relies on: spans nest and stay inside the text.</summary>
internal static class SyntaxTreeInvariants
{
    /// <summary>Returns a description of the first violation, or null.</summary>
    public static string? FindViolation(AppSyntax app)
    {
        foreach (var (parent, child) in Edges(app))
        {
            if (child.Span.Start < 0 || child.Span.End > app.Text.Length)
            {
                return $"{child.GetType().Name} span {child.Span} is outside the text (length {app.Text.Length})";
            }

            if (child.Span.Start < parent.Span.Start || child.Span.End > parent.Span.End)
            {
                return $"{child.GetType().Name} span {child.Span} is not inside its parent {parent.GetType().Name} {parent.Span}";
            }
        }

        return null;
    }

    private static IEnumerable<(SyntaxNode Parent, SyntaxNode Child)> Edges(SyntaxNode root)
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var child in Children(node))
            {
                yield return (node, child);
                stack.Push(child);
            }
        }
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> ChildProperties = new();

    private static IEnumerable<SyntaxNode> Children(SyntaxNode node)
    {
        foreach (var property in ChildProperties.GetOrAdd(node.GetType(), FindChildProperties))
        {
            var value = property.GetValue(node);
            if (value is SyntaxNode child)
            {
                yield return child;
            }
            else if (value is IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    if (item is SyntaxNode element)
                    {
                        yield return element;
                    }
                }
            }
        }
    }

    /// <summary>Stored properties only: derived views (Window, PreWindowHandlers, ...) repeat real children.</summary>
    private static PropertyInfo[] FindChildProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && IsAutoProperty(p) && p.PropertyType != typeof(string) && !p.PropertyType.IsEnum && p.PropertyType != typeof(bool))
            .ToArray();

    private static bool IsAutoProperty(PropertyInfo property) =>
        property.DeclaringType!.GetField("<" + property.Name + ">k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
}
