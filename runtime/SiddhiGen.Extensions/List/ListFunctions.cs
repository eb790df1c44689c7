using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// siddhi-execution-list 5.0 (<c>list:</c>) over <see cref="List{T}"/> of object values (Java's <c>java.util.List</c>).
/// Functions that change a list change it in place and return it, as the Java library does; an argument that
/// should be a list and is not fails.
/// </summary>
public static class ListFunctions
{
    [SiddhiFunction("list:add")]
    public static object Add(object? list, object? value)
    {
        var l = Of(list, "list:add");
        l.Add(value);
        return l;
    }

    /// <summary>Inserts <paramref name="value"/> at <paramref name="index"/>.</summary>
    [SiddhiFunction("list:add")]
    public static object Add(object? list, object? value, int? index)
    {
        var l = Of(list, "list:add");
        if (index is null || index < 0 || index > l.Count)
        {
            throw Fail.Because("list:add", "Index " + index + " is outside the list of size " + l.Count);
        }

        l.Insert(index.Value, value);
        return l;
    }

    [SiddhiFunction("list:addAll")]
    public static object AddAll(object? toList, object? fromList) => AddAll(toList, fromList, false);

    /// <summary>Appends the values of <paramref name="fromList"/>; with <paramref name="distinct"/> only those not yet present.</summary>
    [SiddhiFunction("list:addAll")]
    public static object AddAll(object? toList, object? fromList, bool? distinct)
    {
        var to = Of(toList, "list:addAll");
        foreach (var value in Of(fromList, "list:addAll", 2).ToList())
        {
            if (distinct != true || !to.Contains(value))
            {
                to.Add(value);
            }
        }

        return to;
    }

    [SiddhiFunction("list:clear")]
    public static object Clear(object? list)
    {
        var l = Of(list, "list:clear");
        l.Clear();
        return l;
    }

    [SiddhiFunction("list:clone")]
    public static object Clone(object? list) => new List<object?>(Of(list, "list:clone"));

    [SiddhiFunction("list:contains")]
    public static bool Contains(object? list, object? value) => Of(list, "list:contains").Contains(value);

    [SiddhiFunction("list:containsAll")]
    public static bool ContainsAll(object? list, object? givenList)
    {
        var l = Of(list, "list:containsAll");
        return Of(givenList, "list:containsAll", 2).All(l.Contains);
    }

    [SiddhiFunction("list:containsAny")]
    public static bool ContainsAny(object? list, object? givenList)
    {
        var l = Of(list, "list:containsAny");
        return Of(givenList, "list:containsAny", 2).Any(l.Contains);
    }

    /// <summary>A list of the values given (empty for none).</summary>
    [SiddhiFunction("list:create")]
    public static object Create(params object?[] values) => new List<object?>(values);

    /// <summary>The value at <paramref name="index"/>, or null when the index is outside the list.</summary>
    [SiddhiFunction("list:get")]
    public static object? Get(object? list, int? index)
    {
        var l = Of(list, "list:get");
        return index is { } i && i >= 0 && i < l.Count ? l[i] : null;
    }

    [SiddhiFunction("list:indexOf")]
    public static int IndexOf(object? list, object? value) => Of(list, "list:indexOf").IndexOf(value);

    [SiddhiFunction("list:isEmpty")]
    public static bool IsEmpty(object? list) => Of(list, "list:isEmpty").Count == 0;

    [SiddhiFunction("list:isList")]
    public static bool IsList(object? arg) => arg is IList<object?>;

    [SiddhiFunction("list:lastIndexOf")]
    public static int LastIndexOf(object? list, object? value) => Of(list, "list:lastIndexOf") is var l && l.Count == 0 ? -1 : ((List<object?>)AsList(l)).LastIndexOf(value);

    /// <summary>Removes the first occurrence of <paramref name="value"/>.</summary>
    [SiddhiFunction("list:remove")]
    public static object Remove(object? list, object? value)
    {
        var l = Of(list, "list:remove");
        l.Remove(value);
        return l;
    }

    [SiddhiFunction("list:removeAll")]
    public static object RemoveAll(object? list, object? givenList)
    {
        var l = Of(list, "list:removeAll");
        var remove = Of(givenList, "list:removeAll", 2).ToList();
        for (var i = l.Count - 1; i >= 0; i--)
        {
            if (remove.Contains(l[i]))
            {
                l.RemoveAt(i);
            }
        }

        return l;
    }

    [SiddhiFunction("list:removeByIndex")]
    public static object RemoveByIndex(object? list, int? index)
    {
        var l = Of(list, "list:removeByIndex");
        if (index is null || index < 0 || index >= l.Count)
        {
            throw Fail.Because("list:removeByIndex", "Index " + index + " is outside the list of size " + l.Count);
        }

        l.RemoveAt(index.Value);
        return l;
    }

    /// <summary>Keeps only the values <paramref name="givenList"/> also holds.</summary>
    [SiddhiFunction("list:retainAll")]
    public static object RetainAll(object? list, object? givenList)
    {
        var l = Of(list, "list:retainAll");
        var keep = Of(givenList, "list:retainAll", 2).ToList();
        for (var i = l.Count - 1; i >= 0; i--)
        {
            if (!keep.Contains(l[i]))
            {
                l.RemoveAt(i);
            }
        }

        return l;
    }

    [SiddhiFunction("list:setValue")]
    public static object SetValue(object? list, int? index, object? value)
    {
        var l = Of(list, "list:setValue");
        if (index is null || index < 0 || index >= l.Count)
        {
            throw Fail.Because("list:setValue", "Index " + index + " is outside the list of size " + l.Count);
        }

        l[index.Value] = value;
        return l;
    }

    [SiddhiFunction("list:size")]
    public static int Size(object? list) => Of(list, "list:size").Count;

    [SiddhiFunction("list:sort")]
    public static object Sort(object? list) => Sort(list, "ASC");

    /// <summary>Sorts in place by the values' natural order (numbers by value, strings ordinally); <c>'DESC'</c> reverses it.</summary>
    [SiddhiFunction("list:sort")]
    public static object Sort(object? list, [SiddhiConstant] string? order)
    {
        var l = Of(list, "list:sort");
        var descending = order?.ToUpperInvariant() switch
        {
            "ASC" => false,
            "DESC" => true,
            _ => throw Fail.Because("list:sort", "The order must be 'ASC' or 'DESC', not '" + order + "'"),
        };
        var sorted = l.ToList();
        try
        {
            sorted.Sort(Compare);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is SiddhiExtensionException inner)
        {
            throw inner;
        }

        if (descending)
        {
            sorted.Reverse();
        }

        l.Clear();
        foreach (var v in sorted)
        {
            l.Add(v);
        }

        return l;
    }

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (IComparable x, _) when a.GetType() == b.GetType() => x.CompareTo(b),
        _ => throw Fail.Because("list:sort", "Values of types " + a.GetType().Name + " and " + b.GetType().Name + " cannot be compared"),
    };

    private static IList<object?> AsList(IList<object?> l) => l as List<object?> ?? new List<object?>(l);

    private static IList<object?> Of(object? value, string function, int argument = 1) => value switch
    {
        IList<object?> list => list,
        null => throw Fail.Null(function, argument),
        _ => throw Fail.Because(function, "Argument " + argument + " must be a list, but found '" + value.GetType().Name + "'"),
    };
}
