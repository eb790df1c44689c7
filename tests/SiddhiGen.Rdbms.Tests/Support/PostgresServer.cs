using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SiddhiGen.Rdbms.Tests;

/// <summary>
/// A throw-away PostgreSQL cluster: <c>initdb</c> in a temp folder, the server started with <c>pg_ctl</c> on a free
/// loopback port, stopped and removed on dispose. initdb and postgres refuse to run as root, so as root they run as
/// the <c>postgres</c> user (Debian's package creates it) through <c>runuser</c>. Where no PostgreSQL is installed,
/// <see cref="Start"/> says why and the caller skips.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    private PostgresServer(string bin, string folder, int port, bool asPostgresUser)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <summary>Connects as the superuser <c>postgres</c> to database <c>postgres</c> (trust authentication, loopback only).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    private string Data => Path.Combine(_folder, "data");

    /// <summary>Starts a cluster, or returns null with the reason PostgreSQL is not available.</summary>
    public static PostgresServer? Start(out string? unavailable)
    {
        unavailable = null;
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            unavailable = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; .ci/run installs Debian's postgresql package)";
            return null;
        }

        var asPostgresUser = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), "siddhigen-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(bin, folder, FreePort(), asPostgresUser);
        try
        {
            if (asPostgresUser)
            {
                Run("chown", $"postgres {folder}");
            }

            server.Pg("initdb", $"-D {server.Data} -U postgres -A trust -E UTF8 --no-sync");
            server.Pg("pg_ctl", $"-D {server.Data} -l {Path.Combine(folder, "server.log")} -w -t 60 -o \"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off\" start");
            return server;
        }
        catch (InvalidOperationException ex)
        {
            server.Dispose();
            unavailable = "PostgreSQL could not start: " + ex.Message;
            return null;
        }
    }

    /// <summary>Runs one statement.</summary>
    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>The first value of a query.</summary>
    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Data))
            {
                Pg("pg_ctl", $"-D {Data} -m immediate -w stop");
            }
        }
        catch (InvalidOperationException)
        {
            // Not running.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Pg(string tool, string arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgresUser)
        {
            Run("runuser", $"-u postgres -- {path} {arguments}");
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException(file + " did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {arguments} timed out");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
