namespace SiddhiGen.Runtime;

/// <summary>
/// A table condition as the generator compiled it for a store: <see cref="Sql"/> is the part that SQL can express
/// (a <c>WHERE</c> clause over quoted columns, with <c>@p0</c>, <c>@p1</c>, ... for values), whose parameters
/// <see cref="Parameters"/> compute from the argument (the event, the output row); <see cref="Match"/> is the whole
/// condition in C#, applied to the fetched rows unless <see cref="IsExact"/> says SQL expressed all of it.
/// Event values are always parameters, never SQL text.
/// </summary>
/// <param name="Sql">The pushed-down part, or null when SQL can express none of it (every row is fetched).</param>
/// <param name="IsExact">True when <paramref name="Sql"/> is the whole condition.</param>
/// <param name="Match">The whole condition over (row, argument); null when the caller filters the rows itself (joins).</param>
/// <param name="Parameters">The values of <c>@p0</c>, <c>@p1</c>, ... for an argument.</param>
public sealed record StoreCondition<T, TArg>(string? Sql, bool IsExact, Func<T, TArg, bool>? Match, params Func<TArg, StoreValue>[] Parameters)
    where T : struct
{
    /// <summary>True when a fetched row must still pass <see cref="Match"/>.</summary>
    public bool NeedsClientFilter => !IsExact && Match is not null;

    /// <summary>True when <paramref name="row"/> matches for <paramref name="argument"/>, judged in C#.</summary>
    public bool Accepts(in T row, TArg argument) => Match is null || Match(row, argument);
}

/// <summary>
/// <c>set T.a = ..., ...</c> of an update as the generator compiled it: <see cref="Sql"/> is the SQL <c>SET</c> list
/// (with <c>@s0</c>, <c>@s1</c>, ... for values) when SQL can compute every new value, else null and
/// <see cref="Apply"/> computes each new row in C#.
/// </summary>
public sealed record StoreUpdate<T, TArg>(string? Sql, Func<T, TArg, T> Apply, params Func<TArg, StoreValue>[] Parameters)
    where T : struct;

/// <summary>A parameter value with its Siddhi type, so a null still binds as a typed null.</summary>
public readonly record struct StoreValue(object? Value, SiddhiType Type)
{
    public static implicit operator StoreValue(string? value) => new(value, SiddhiType.String);

    public static implicit operator StoreValue(int? value) => new(value, SiddhiType.Int);

    public static implicit operator StoreValue(long? value) => new(value, SiddhiType.Long);

    public static implicit operator StoreValue(float? value) => new(value, SiddhiType.Float);

    public static implicit operator StoreValue(double? value) => new(value, SiddhiType.Double);

    public static implicit operator StoreValue(bool? value) => new(value, SiddhiType.Bool);
}

/// <summary>Shorthands generated code uses, so a condition's argument type is inferred.</summary>
public static class StoreTableExtensions
{
    /// <summary><c>cond in T</c> over a store table.</summary>
    public static bool Contains<T, TArg>(this IStoreTable<T> table, TArg argument, string? sql, bool isExact, Func<T, TArg, bool> match, params Func<TArg, StoreValue>[] parameters)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Contains(argument, new StoreCondition<T, TArg>(sql, isExact, match, parameters));
    }
}
