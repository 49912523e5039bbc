using Npgsql;

namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>A PostgreSQL database of the test class's own on the test server (<c>NETVAERK_TEST_POSTGRES</c>, else the
/// local netvaerk role), dropped when disposed.</summary>
public sealed class PostgresDatabase : IDisposable
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=netvaerk;Password=netvaerk;Database=netvaerk_test";

    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string Server => Environment.GetEnvironmentVariable("NETVAERK_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultServer;

    public static PostgresDatabase Create(string purpose)
    {
        var name = $"netvaerk_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        try
        {
            using var connection = Admin();
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException($"The PostgreSQL tests need a server at {new NpgsqlConnectionStringBuilder(Server).Host}:{new NpgsqlConnectionStringBuilder(Server).Port} "
                + $"({error.Message}). Install and start it ('sudo apt-get install postgresql', a role netvaerk/netvaerk that may create databases), "
                + "or point NETVAERK_TEST_POSTGRES at one.", error);
        }

        return new PostgresDatabase(name, new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = Admin();
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private static NpgsqlConnection Admin() => new(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString);
}
