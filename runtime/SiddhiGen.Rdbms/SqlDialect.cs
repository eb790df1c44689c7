namespace SiddhiGen.Rdbms;

/// <summary>
/// What differs between the databases a store table talks to: column types (Siddhi's type mapping), the
/// null-safe equality that matches a row by its values, and how a scan keeps insertion order.
/// </summary>
internal abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();

    public static readonly SqlDialect PostgreSql = new PostgreSqlDialect();

    /// <summary>The column type of an attribute; strings are <c>VARCHAR(length)</c>.</summary>
    public abstract string ColumnType(SiddhiGen.Runtime.SiddhiType type, int length);

    /// <summary>A comparison that is true when both sides are equal or both are null.</summary>
    public abstract string NullSafeEquals(string left, string right);

    /// <summary>Appended to a scan so rows come back in insertion order (empty where the database has no such order).</summary>
    public abstract string ScanOrder { get; }

    /// <summary>The update statement's verb: SQLite skips a row whose new key would duplicate another's, as the in-memory table does.</summary>
    public virtual string UpdateVerb => "UPDATE";

    /// <summary>Quotes an identifier (a table or column name).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class SqliteDialect : SqlDialect
    {
        // INT, not INTEGER: a single INTEGER primary key would become SQLite's rowid and lose insertion order.
        public override string ColumnType(SiddhiGen.Runtime.SiddhiType type, int length) => type switch
        {
            SiddhiGen.Runtime.SiddhiType.String => $"VARCHAR({length})",
            SiddhiGen.Runtime.SiddhiType.Int => "INT",
            SiddhiGen.Runtime.SiddhiType.Long => "BIGINT",
            SiddhiGen.Runtime.SiddhiType.Float => "REAL",
            SiddhiGen.Runtime.SiddhiType.Double => "DOUBLE",
            SiddhiGen.Runtime.SiddhiType.Bool => "BOOLEAN",
            _ => "BLOB",
        };

        public override string NullSafeEquals(string left, string right) => $"{left} IS {right}";

        public override string ScanOrder => " ORDER BY rowid";

        public override string UpdateVerb => "UPDATE OR IGNORE";
    }

    private sealed class PostgreSqlDialect : SqlDialect
    {
        public override string ColumnType(SiddhiGen.Runtime.SiddhiType type, int length) => type switch
        {
            SiddhiGen.Runtime.SiddhiType.String => $"VARCHAR({length})",
            SiddhiGen.Runtime.SiddhiType.Int => "INTEGER",
            SiddhiGen.Runtime.SiddhiType.Long => "BIGINT",
            SiddhiGen.Runtime.SiddhiType.Float => "REAL",
            SiddhiGen.Runtime.SiddhiType.Double => "DOUBLE PRECISION",
            SiddhiGen.Runtime.SiddhiType.Bool => "BOOLEAN",
            _ => "BYTEA",
        };

        public override string NullSafeEquals(string left, string right) => $"{left} IS NOT DISTINCT FROM {right}";

        public override string ScanOrder => string.Empty;
    }
}
