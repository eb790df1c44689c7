using SiddhiGen.Runtime;

[assembly: StoreTableFactory("rdbms", typeof(SiddhiGen.Rdbms.RdbmsStoreFactory))]

namespace SiddhiGen.Rdbms;

/// <summary>Creates <c>@store(type='rdbms')</c> tables; <see cref="StoreTables"/> loads it by the assembly's attribute.</summary>
public sealed class RdbmsStoreFactory : IStoreTableFactory
{
    public IStoreTable<T> Create<T>(SiddhiApp app, StoreTableDefinition definition, Func<T, object?[]> toRow, Func<object?[], T> fromRow)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(definition);
        var source = RdbmsDataSource.For(definition, app.Options.Variables);
        return new RdbmsTable<T>(app, definition, source, toRow, fromRow);
    }
}
