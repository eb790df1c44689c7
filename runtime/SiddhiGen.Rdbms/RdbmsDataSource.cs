using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SiddhiGen.Runtime;

namespace SiddhiGen.Rdbms;

/// <summary>
/// Where a store table's rows live: an ADO.NET provider, a connection string and the SQL dialect. Built from
/// <c>@store(type='rdbms', jdbc.url='...', username, password)</c> (Siddhi's JDBC URLs translated:
/// <c>jdbc:sqlite:FILE</c> to Microsoft.Data.Sqlite, <c>jdbc:postgresql://host:port/db</c> to Npgsql) or from
/// <c>datasource='NAME'</c>: a source registered with <see cref="Register"/>, else configuration keys
/// <c>SiddhiGen:DataSources:NAME:ConnectionString</c> and <c>SiddhiGen:DataSources:NAME:Provider</c>
/// (<c>sqlite</c>, <c>postgresql</c>, or the invariant name of a provider registered with
/// <see cref="DbProviderFactories"/>). Connection pooling is the provider's.
/// </summary>
public sealed record RdbmsDataSource(DbProviderFactory Provider, string ConnectionString)
{
    private static readonly ConcurrentDictionary<string, RdbmsDataSource> s_registered = new(StringComparer.Ordinal);

    /// <summary>The dialect of <see cref="Provider"/>: SQLite's, else PostgreSQL's (standard SQL) for any other provider.</summary>
    internal SqlDialect Dialect => Provider is SqliteFactory ? SqlDialect.Sqlite : SqlDialect.PostgreSql;

    /// <summary>Makes <c>datasource='<paramref name="name"/>'</c> use <paramref name="source"/> (before the app is created).</summary>
    public static void Register(string name, RdbmsDataSource source)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(source);
        s_registered[name] = source;
    }

    /// <summary>The data source a table's options name.</summary>
    internal static RdbmsDataSource For(StoreTableDefinition table, IReadOnlyDictionary<string, string>? variables)
    {
        if (table.Option("datasource") is { } name)
        {
            return Named(name, variables, table.Name);
        }

        var url = table.Option("jdbc.url") ?? throw new StoreException($"@store(type='rdbms') on table '{table.Name}' needs jdbc.url or datasource.");
        return FromJdbcUrl(url, table.Option("username"), table.Option("password"));
    }

    /// <summary>Translates a Siddhi (JDBC) URL to an ADO.NET provider and connection string.</summary>
    public static RdbmsDataSource FromJdbcUrl(string url, string? username = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.StartsWith("jdbc:sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var file = url.Substring("jdbc:sqlite:".Length);
            return new RdbmsDataSource(SqliteFactory.Instance, new SqliteConnectionStringBuilder { DataSource = file }.ToString());
        }

        if (url.StartsWith("jdbc:postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new RdbmsDataSource(NpgsqlFactory.Instance, PostgreSqlConnectionString(url.Substring("jdbc:postgresql://".Length), username, password));
        }

        throw new StoreException($"jdbc.url '{url}' is not supported: use jdbc:sqlite:FILE, jdbc:postgresql://host:port/db, or datasource='NAME' for another ADO.NET provider.");
    }

    private static string PostgreSqlConnectionString(string rest, string? username, string? password)
    {
        var builder = new NpgsqlConnectionStringBuilder();
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var queryText = query < 0 ? string.Empty : rest.Substring(query + 1);
        var hostAndDatabase = query < 0 ? rest : rest.Substring(0, query);
        var slash = hostAndDatabase.IndexOf('/', StringComparison.Ordinal);
        var hostPort = slash < 0 ? hostAndDatabase : hostAndDatabase.Substring(0, slash);
        if (slash >= 0 && slash + 1 < hostAndDatabase.Length)
        {
            builder.Database = Uri.UnescapeDataString(hostAndDatabase.Substring(slash + 1));
        }

        var colon = hostPort.LastIndexOf(':');
        builder.Host = colon < 0 ? hostPort : hostPort.Substring(0, colon);
        if (colon >= 0)
        {
            builder.Port = int.Parse(hostPort.Substring(colon + 1), System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var pair in queryText.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pair : pair.Substring(0, eq);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(eq + 1));
            switch (key.ToLowerInvariant())
            {
                case "user":
                    builder.Username = value;
                    break;
                case "password":
                    builder.Password = value;
                    break;
            }
        }

        if (username is not null)
        {
            builder.Username = username;
        }

        if (password is not null)
        {
            builder.Password = password;
        }

        return builder.ToString();
    }

    private static RdbmsDataSource Named(string name, IReadOnlyDictionary<string, string>? variables, string table)
    {
        if (s_registered.TryGetValue(name, out var registered))
        {
            return registered;
        }

        var prefix = "SiddhiGen:DataSources:" + name + ":";
        var connectionString = Setting(prefix + "ConnectionString", variables)
            ?? throw new StoreException($"Table '{table}': data source '{name}' is not configured (set {prefix}ConnectionString and {prefix}Provider).");
        var provider = Setting(prefix + "Provider", variables) ?? "sqlite";
        return new RdbmsDataSource(ProviderNamed(provider, name), connectionString);
    }

    private static DbProviderFactory ProviderNamed(string provider, string dataSource) => provider.ToLowerInvariant() switch
    {
        "sqlite" or "microsoft.data.sqlite" => SqliteFactory.Instance,
        "postgresql" or "postgres" or "npgsql" => NpgsqlFactory.Instance,
        _ => DbProviderFactories.TryGetFactory(provider, out var factory)
            ? factory
            : throw new StoreException($"Data source '{dataSource}': provider '{provider}' is unknown: use sqlite, postgresql, or register it with DbProviderFactories.RegisterFactory."),
    };

    private static string? Setting(string key, IReadOnlyDictionary<string, string>? variables) =>
        variables is not null && variables.TryGetValue(key, out var value) ? value : Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal));
}
