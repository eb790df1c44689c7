using System.Data;
using System.Data.Common;
using System.Globalization;
using SiddhiGen.Runtime;

namespace SiddhiGen.Rdbms;

/// <summary>
/// The database side of a store table, as siddhi-store-rdbms sets it up: the table (<c>table.name</c>, by default the
/// Siddhi table's name) with one column per attribute in Siddhi's type mapping (strings <c>VARCHAR(254)</c>, or the
/// length <c>field.length='attr:n, ...'</c> gives), <c>@PrimaryKey</c> as its primary key and an index per
/// <c>@Index</c>; created when absent, never altered. Also the fixed statements and the row conversions.
/// </summary>
internal sealed class RdbmsSchema
{
    private const int DefaultFieldLength = 254;

    private readonly StoreTableDefinition _definition;
    private readonly SqlDialect _dialect;
    private readonly string[] _columns;

    public RdbmsSchema(StoreTableDefinition definition, SqlDialect dialect)
    {
        _definition = definition;
        _dialect = dialect;
        TableName = definition.Option("table.name") ?? definition.Name;
        Table = SqlDialect.Quote(TableName);
        _columns = definition.Schema.Attributes.Select(a => SqlDialect.Quote(a.Name)).ToArray();
        Types = definition.Schema.Attributes.Select(a => a.Type).ToArray();
        var keyed = definition.PrimaryKey.Count > 0 ? " ON CONFLICT DO NOTHING" : string.Empty;
        Insert = $"INSERT INTO {Table} ({string.Join(", ", _columns)}) VALUES ({string.Join(", ", _columns.Select((_, i) => "@c" + i))}){keyed}";
        Select = $"SELECT {string.Join(", ", _columns)} FROM {Table}";
    }

    /// <summary>The database table's name, unquoted.</summary>
    public string TableName { get; }

    /// <summary>The database table's name, quoted.</summary>
    public string Table { get; }

    /// <summary>The attribute types, in column order.</summary>
    public SiddhiType[] Types { get; }

    /// <summary>Inserts one row from <c>@c0</c>, <c>@c1</c>, ...; with a primary key a duplicate inserts nothing.</summary>
    public string Insert { get; }

    /// <summary>Selects every column, in attribute order.</summary>
    public string Select { get; }

    /// <summary>The statements that create the table and its indexes when absent.</summary>
    public IEnumerable<string> Setup()
    {
        var lengths = FieldLengths();
        var columns = _definition.Schema.Attributes.Select((a, i) =>
            _columns[i] + " " + _dialect.ColumnType(a.Type, lengths.TryGetValue(a.Name, out var n) ? n : DefaultFieldLength));
        var key = _definition.PrimaryKey.Count == 0 ? string.Empty : $", PRIMARY KEY ({string.Join(", ", _definition.PrimaryKey.Select(SqlDialect.Quote))})";
        if (_dialect == SqlDialect.Sqlite)
        {
            // Readers (the CDC source, other apps) do not block writers, and a commit does not wait for the disk twice.
            yield return "PRAGMA journal_mode=WAL";
            yield return "PRAGMA synchronous=NORMAL";
        }

        yield return $"CREATE TABLE IF NOT EXISTS {Table} ({string.Join(", ", columns)}{key})";
        foreach (var index in _definition.Indexes)
        {
            yield return $"CREATE INDEX IF NOT EXISTS {SqlDialect.Quote(TableName + "_" + index + "_index")} ON {Table} ({SqlDialect.Quote(index)})";
        }
    }

    /// <summary>A condition matching a row by all of its values (<c>@{prefix}0</c>, ...), nulls included.</summary>
    public string AllColumnsMatch(string prefix) =>
        string.Join(" AND ", _columns.Select((c, i) => _dialect.NullSafeEquals(c, "@" + prefix + i)));

    /// <summary>A <c>SET</c> list giving every column its value (<c>@{prefix}0</c>, ...).</summary>
    public string AllColumnsSet(string prefix) => string.Join(", ", _columns.Select((c, i) => $"{c} = @{prefix}{i}"));

    /// <summary>Reads the current row of <paramref name="reader"/> as a positional row of Siddhi values.</summary>
    public object?[] ReadRow(DbDataReader reader)
    {
        var row = new object?[Types.Length];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = reader.IsDBNull(i) ? null : Convert(reader.GetValue(i), Types[i]);
        }

        return row;
    }

    /// <summary>A parameter typed by its Siddhi type, so a null binds as a typed null.</summary>
    public static DbParameter Parameter(DbCommand command, string name, object? value, SiddhiType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.DbType = type switch
        {
            SiddhiType.String => DbType.String,
            SiddhiType.Int => DbType.Int32,
            SiddhiType.Long => DbType.Int64,
            SiddhiType.Float => DbType.Single,
            SiddhiType.Double => DbType.Double,
            SiddhiType.Bool => DbType.Boolean,
            _ => DbType.Binary,
        };
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    private static object? Convert(object value, SiddhiType type) => type switch
    {
        SiddhiType.String => value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture),
        SiddhiType.Int => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
        SiddhiType.Long => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
        SiddhiType.Float => System.Convert.ToSingle(value, CultureInfo.InvariantCulture),
        SiddhiType.Double => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
        SiddhiType.Bool => System.Convert.ToBoolean(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary><c>field.length='symbol:100, name:50'</c>.</summary>
    private Dictionary<string, int> FieldLengths()
    {
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in (_definition.Option("field.length") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(entry.AsSpan(colon + 1).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) && length > 0)
            {
                lengths[entry.Substring(0, colon).Trim()] = length;
            }
            else
            {
                throw new StoreException($"Table '{_definition.Name}': field.length entry '{entry}' is not 'attribute:length'.");
            }
        }

        return lengths;
    }
}
