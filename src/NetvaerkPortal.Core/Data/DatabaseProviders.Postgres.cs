using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Data;

/// <summary>PostgreSQL: every tenant in one database, each in a schema of its own (<see cref="SchemaName"/>), chosen by the
/// connection's search path so that the same unqualified migrations and queries serve every tenant.</summary>
public static partial class DatabaseProviders
{
    /// <summary>PostgreSQL's ICU collation for Danish: æ, ø, å after z, letters before case.</summary>
    private const string PostgresDanishCollation = "da-DK-x-icu";

    private const string SchemaPrefix = "tenant_";

    // PostgreSQL cuts identifiers at 63 bytes; longer names would silently share a schema.
    private const int MaxIdentifierLength = 63;

    /// <summary>DateTime as 'timestamp without time zone' whatever its Kind, as SQLite stores it: the portal keeps UTC
    /// throughout, but values parsed from recipes and forms arrive Unspecified and must not be refused. Npgsql reads the
    /// switch once, on first use, so it is set when this assembly loads, before any caller (the tenant registry, the
    /// command line, a test) can touch Npgsql.</summary>
#pragma warning disable CA2255 // The switch must precede every use of Npgsql in the process, whoever comes first.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void UseUtcTimestampsAsStored() => AppContext.SetSwitch("Npgsql.EnableLegacyTimestampBehavior", true);

    /// <summary>The tenant's schema: <c>tenant_</c> and its lowercased name (names differing in case are one tenant);
    /// a name too long for an identifier keeps its start and gains a hash of the whole. Quoted wherever it is used.</summary>
    public static string SchemaName(string tenantName)
    {
        if (TenantNames.CheckName(tenantName) is { } problem)
        {
            throw problem;
        }

        var schema = SchemaPrefix + tenantName.ToLowerInvariant();
        if (schema.Length <= MaxIdentifierLength)
        {
            return schema;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenantName.ToLowerInvariant())))[..8];
        return schema[..(MaxIdentifierLength - hash.Length - 1)] + "_" + hash;
    }

    /// <summary>An identifier in double quotes, inner quotes doubled: safe in SQL whatever it holds.</summary>
    public static string QuoteIdentifier(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Opens a connection to the server of a PostgreSQL connection string.</summary>
    public static async Task<NpgsqlConnection> OpenPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string CheckPostgresConnectionString(string connectionString)
    {
        const string example = "Host=127.0.0.1;Port=5432;Username=netvaerk;Password=...;Database=netvaerk";
        if (connectionString.Length == 0)
        {
            throw new TenantSetupException("A PostgreSQL tenant needs a connection string to its server and database. Set Portal:Database:ConnectionString or give --connection-string, e.g. \"{0}\".", example);
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new TenantSetupException("The PostgreSQL connection string is not valid ({0}). Write it as key=value pairs, e.g. \"{1}\".", e.Message, example);
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new TenantSetupException("The PostgreSQL connection string must name the server (Host=) and the database (Database=), e.g. \"{0}\".", example);
        }

        // The schema comes from the tenant's name, never from what was typed; the connection string is stored without one.
        builder.SearchPath = null;
        return builder.ConnectionString;
    }

    private static string PostgresConnectionString(TenantSettings tenant) =>
        new NpgsqlConnectionStringBuilder(tenant.ConnectionString) { SearchPath = QuoteIdentifier(SchemaName(tenant.Name)) }.ConnectionString;

    private static async Task<bool> CreateSchemaAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var schema = SchemaName(tenant.Name);
        var server = new NpgsqlConnectionStringBuilder(tenant.ConnectionString);
        try
        {
            await using var connection = await OpenPostgresAsync(tenant.ConnectionString, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Two nodes setting up the same tenant wait for each other here instead of racing on CREATE SCHEMA.
            await Execute(connection, "SELECT pg_advisory_xact_lock(hashtext(@schema))", schema, cancellationToken);
            var exists = await Scalar(connection, "SELECT count(*) FROM pg_namespace WHERE nspname = @schema", schema, cancellationToken) > 0;
            if (exists && await Scalar(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = @schema", schema, cancellationToken) > 0)
            {
                throw new TenantSetupException("The schema {0} in database {1} already holds tables that no tenant set up; they are left alone. Drop the schema or choose another tenant name.", schema, server.Database ?? "");
            }

            if (!exists)
            {
                await Execute(connection, "CREATE SCHEMA " + QuoteIdentifier(schema), null, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return !exists;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new TenantSetupException("Could not reach the PostgreSQL database {0} on {1}:{2} ({3}). Check that the server runs and that Portal:Database:ConnectionString (or --connection-string) names it, its database and a role that may create schemas.", server.Database ?? "", server.Host ?? "", server.Port, e.Message);
        }
    }

    private static async Task ReleaseSchemaAsync(TenantSettings tenant, bool drop)
    {
        var tenantConnection = PostgresConnectionString(tenant);
        using (var pooled = new NpgsqlConnection(tenantConnection))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        if (!drop)
        {
            return;
        }

        await using var connection = await OpenPostgresAsync(tenant.ConnectionString, CancellationToken.None);
        await Execute(connection, "DROP SCHEMA IF EXISTS " + QuoteIdentifier(SchemaName(tenant.Name)) + " CASCADE", null, CancellationToken.None);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, string? schema, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, schema);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql, string schema, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, schema);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string? schema)
    {
        var command = new NpgsqlCommand(sql, connection);
        if (schema is not null)
        {
            command.Parameters.AddWithValue("schema", schema);
        }

        return command;
    }
}
