namespace SiddhiGen.Runtime;

/// <summary>
/// A table whose rows live in a store (<c>@store(type='...')</c>) rather than in memory: the contract generated code
/// calls for every table operation. Conditions come compiled from the generator (<see cref="StoreCondition{T, TArg}"/>:
/// parameterized SQL plus the same condition in C#), so a store pushes down what it can and filters the rest.
/// </summary>
/// <remarks>
/// Each write takes a chunk of arguments (one per output row of the query, in order) so a store can apply the chunk in
/// one transaction. A store that cannot reach its database throws <see cref="StoreException"/>: the caller's error
/// policy (<c>@OnError</c>, the log) handles it, and the next call tries again. Called under the app's processing
/// lock, so implementations need not be thread-safe.
/// </remarks>
public interface IStoreTable<T>
    where T : struct
{
    /// <summary>The Siddhi table name.</summary>
    string Name { get; }

    /// <summary>How many operations failed on a database fault since the app started.</summary>
    long Faults { get; }

    /// <summary>Inserts <paramref name="rows"/>, in order; with a primary key, a row whose key is present is logged and dropped.</summary>
    void Insert(ReadOnlySpan<T> rows);

    /// <summary>For each argument in order, deletes the rows matching <paramref name="condition"/> (every row when null).</summary>
    /// <returns>The number of rows deleted.</returns>
    int Delete<TArg>(ReadOnlySpan<TArg> arguments, StoreCondition<T, TArg>? condition);

    /// <summary>For each argument in order, applies <paramref name="update"/> to the rows matching <paramref name="condition"/>.</summary>
    /// <returns>The number of rows updated.</returns>
    int Update<TArg>(ReadOnlySpan<TArg> arguments, StoreCondition<T, TArg> condition, StoreUpdate<T, TArg> update);

    /// <summary>As <see cref="Update{TArg}"/>, but an argument that matches no row inserts <paramref name="insert"/> of it.</summary>
    void UpdateOrInsert<TArg>(ReadOnlySpan<TArg> arguments, StoreCondition<T, TArg> condition, StoreUpdate<T, TArg> update, Func<TArg, T> insert);

    /// <summary>True when some row matches <paramref name="condition"/> for <paramref name="argument"/> (<c>cond in T</c>).</summary>
    bool Contains<TArg>(TArg argument, StoreCondition<T, TArg> condition);

    /// <summary>
    /// The rows matching <paramref name="condition"/> for <paramref name="argument"/> (every row when null), in the
    /// store's scan order. Valid until the next call on this table.
    /// </summary>
    ReadOnlySpan<T> Find<TArg>(TArg argument, StoreCondition<T, TArg>? condition);

    /// <summary>Deletes each of <paramref name="rows"/> (matched by all of its values); for client-side conditions.</summary>
    void DeleteRows(IReadOnlyList<T> rows);

    /// <summary>Replaces each row equal to <c>Old</c> by <c>New</c>; for client-side updates.</summary>
    void ReplaceRows(IReadOnlyList<(T Old, T New)> rows);
}

/// <summary>A store operation failed: the database is unreachable or refused a statement.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
