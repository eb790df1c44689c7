namespace SiddhiGen.Runtime.Evaluator;

/// <summary>
/// A table as on-demand <c>insert</c>, <c>delete</c>, <c>update</c> and <c>update or insert</c> queries change it:
/// positional rows in, positional rows to the conditions. Called under the app's processing lock.
/// </summary>
internal interface IOnDemandTable
{
    void Insert(object?[] row);

    /// <summary>Deletes the rows <paramref name="match"/> accepts; every row when it is null.</summary>
    void Delete(Func<object?[], bool>? match);

    /// <summary>Replaces each row <paramref name="match"/> accepts with <paramref name="update"/> of it.</summary>
    void Update(Func<object?[], bool> match, Func<object?[], object?[]> update);

    /// <summary>As <see cref="Update"/>, or inserts <paramref name="insert"/> when no row matches.</summary>
    void UpdateOrInsert(Func<object?[], bool> match, Func<object?[], object?[]> update, object?[] insert);
}

/// <summary>
/// <see cref="IOnDemandTable"/> over a generated app's <see cref="InMemoryTable{T}"/>: rows convert with the
/// generated <c>ToRow</c>/<c>FromRow</c>, and the table keeps its own rules (a duplicate primary key is logged and
/// dropped, an update that would duplicate a key is skipped), exactly as for a query's table action.
/// </summary>
internal sealed class OnDemandTable<T>(InMemoryTable<T> table, Func<T, object?[]> toRow, Func<object?[], T> fromRow) : IOnDemandTable
    where T : struct
{
    public void Insert(object?[] row) => table.Insert(fromRow(row));

    public void Delete(Func<object?[], bool>? match)
    {
        if (match is null)
        {
            table.Clear();
            return;
        }

        table.Delete(match, (row, accept) => accept(toRow(row)));
    }

    public void Update(Func<object?[], bool> match, Func<object?[], object?[]> update) =>
        table.Update((Match: match, Update: update), (row, a) => a.Match(toRow(row)), (row, a) => fromRow(a.Update(toRow(row))));

    public void UpdateOrInsert(Func<object?[], bool> match, Func<object?[], object?[]> update, object?[] insert) =>
        table.UpdateOrInsert((Match: match, Update: update), (row, a) => a.Match(toRow(row)), (row, a) => fromRow(a.Update(toRow(row))), fromRow(insert));
}
