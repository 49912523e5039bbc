using Npgsql;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>The engine a test portal's new tenants get. For PostgreSQL a database of its own on the test server, so
/// test classes running side by side never meet (tenants Alfa and Beta exist in many); dropped when disposed.</summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>The test server; <c>NETVAERK_TEST_POSTGRES</c> names another. Each portal under test gets a database of its own there.</summary>
    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("NETVAERK_TEST_POSTGRES") is { Length: > 0 } configured ? configured
        : "Host=127.0.0.1;Port=5432;Username=netvaerk;Password=netvaerk;Database=netvaerk_test";

    private const string HowToStart =
        "The PostgreSQL tests need a server on loopback with the role netvaerk/netvaerk (or NETVAERK_TEST_POSTGRES set to another). "
        + "Install and start it: apt-get install -y postgresql && pg_ctlcluster 15 main start && "
        + "su postgres -c \"psql -c \\\"CREATE ROLE netvaerk LOGIN SUPERUSER PASSWORD 'netvaerk'\\\"\"";

    private bool _disposed;

    private TestDatabase(string provider, string connectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DatabaseName = databaseName;
    }

    public string Provider { get; }

    /// <summary>Portal:Database:ConnectionString for the portal under test; empty for SQLite.</summary>
    public string ConnectionString { get; }

    public string? DatabaseName { get; }

    public bool IsPostgres => Provider == DatabaseProviders.Postgres;

    /// <summary>The Portal:Database settings for the portal under test.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Portal:Database:Provider", Provider),
        new("Portal:Database:ConnectionString", ConnectionString),
    ];

    public static TestDatabase Create(string? provider)
    {
        if (provider is null or DatabaseProviders.Sqlite)
        {
            return new TestDatabase(DatabaseProviders.Sqlite, "", null);
        }

        var name = "netvaerk_t_" + Guid.NewGuid().ToString("N")[..12];
        Server($"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProviders.Postgres, connection, name);
    }

    /// <summary>Runs one statement in the server's maintenance database (which always exists), failing with how to start the server.</summary>
    public static void Server(string sql)
    {
        try
        {
            var maintenance = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
            // Through the portal's provider, so Npgsql's timestamp switch is set as in the portal.
            using var connection = DatabaseProviders.OpenPostgresAsync(maintenance, CancellationToken.None).GetAwaiter().GetResult();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"{HowToStart} ({e.Message})", e);
        }
    }

    /// <summary>The schemas in this test database whose names start with <c>tenant_</c>.</summary>
    public async Task<IReadOnlyList<string>> TenantSchemasAsync()
    {
        await using var connection = await DatabaseProviders.OpenPostgresAsync(ConnectionString, CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' ORDER BY nspname", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public void Dispose()
    {
        if (_disposed || DatabaseName is null)
        {
            return;
        }

        _disposed = true;
        NpgsqlConnection.ClearAllPools();
        Server($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
    }
}
