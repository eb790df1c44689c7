namespace SiddhiGen.Runtime.Evaluator;

/// <summary>
/// <see cref="IOnDemandTable"/> over a store table: an on-demand query's condition is bound at run time, so it is
/// judged here in C# over the fetched rows (a client-side scan), and the matched rows are deleted or replaced by
/// their values (<see cref="IStoreTable{T}.DeleteRows"/>, <see cref="IStoreTable{T}.ReplaceRows"/>).
/// </summary>
internal sealed class OnDemandStoreTable<T>(IStoreTable<T> table, Func<T, object?[]> toRow, Func<object?[], T> fromRow) : IOnDemandTable
    where T : struct
{
    /// <summary>Every row, as positional rows, in the store's scan order.</summary>
    public IEnumerable<object?[]> Rows()
    {
        var rows = table.Find<object?>(null, null);
        var copy = new object?[rows.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            copy[i] = toRow(rows[i]);
        }

        return copy;
    }

    public void Insert(object?[] row) => table.Insert([fromRow(row)]);

    public void Delete(Func<object?[], bool>? match)
    {
        if (match is null)
        {
            table.Delete<object?>([null], null);
            return;
        }

        table.DeleteRows(Matching(match));
    }

    public void Update(Func<object?[], bool> match, Func<object?[], object?[]> update) => Replace(match, update);

    public void UpdateOrInsert(Func<object?[], bool> match, Func<object?[], object?[]> update, object?[] insert)
    {
        if (!Replace(match, update))
        {
            Insert(insert);
        }
    }

    private bool Replace(Func<object?[], bool> match, Func<object?[], object?[]> update)
    {
        var matched = Matching(match);
        table.ReplaceRows(matched.Select(row => (row, fromRow(update(toRow(row))))).ToList());
        return matched.Count > 0;
    }

    private List<T> Matching(Func<object?[], bool> match)
    {
        var matched = new List<T>();
        foreach (var row in table.Find<object?>(null, null))
        {
            if (match(toRow(row)))
            {
                matched.Add(row);
            }
        }

        return matched;
    }
}
