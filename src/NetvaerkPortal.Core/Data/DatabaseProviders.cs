using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Data;

/// <summary>Everything that depends on the database engine lives here, so that adding PostgreSQL
/// (schema per tenant) means adding a branch to this class, not touching the stores.</summary>
public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";

    public static bool IsSupported(string provider) => string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public static string ConnectionString(TenantSettings tenant, string sitePath)
    {
        EnsureSupported(tenant.DatabaseProvider);
        if (!string.IsNullOrEmpty(tenant.ConnectionString))
        {
            return tenant.ConnectionString;
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(sitePath, "portal.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public static void Configure(DbContextOptionsBuilder options, TenantSettings tenant, string sitePath)
    {
        EnsureSupported(tenant.DatabaseProvider);
        options.UseSqlite(ConnectionString(tenant, sitePath), sqlite => sqlite.MigrationsAssembly(typeof(PortalDbContext).Assembly.FullName));
    }

    /// <summary>Configures a module's own DbContext on the tenant's connection (the platform context's
    /// connection object, so both can share one transaction), with its own migrations history table.</summary>
    public static void ConfigureModule(DbContextOptionsBuilder options, PortalDbContext portal, string migrationsAssembly, string historyTable)
    {
        if (!portal.Database.IsSqlite())
        {
            throw new NotSupportedException($"Database provider '{portal.Database.ProviderName}' is not supported for module tables. Use '{Sqlite}'.");
        }

        options.UseSqlite(portal.Database.GetDbConnection(), sqlite => sqlite.MigrationsAssembly(migrationsAssembly).MigrationsHistoryTable(historyTable));
    }

    /// <summary>Makes a module's context write inside the platform context's current transaction, if there
    /// is one (a content write, a recipe), so both commit or roll back together.</summary>
    public static async Task EnlistAsync(DbContext module, PortalDbContext portal, CancellationToken cancellationToken)
    {
        var transaction = portal.Database.CurrentTransaction?.GetDbTransaction();
        if (module.Database.CurrentTransaction?.GetDbTransaction() == transaction)
        {
            return;
        }

        if (module.Database.CurrentTransaction is not null)
        {
            // A transaction enlisted earlier has ended; EF refuses a second one until the first is let go.
            await module.Database.UseTransactionAsync(null, cancellationToken);
        }

        if (transaction is not null)
        {
            await module.Database.UseTransactionAsync(transaction, cancellationToken);
        }
    }

    /// <summary>Engine settings applied once when a tenant database is created.</summary>
    public static async Task PrepareAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while the indexer or an editor writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>Removes a tenant's database (the SQLite file lives in the site folder, which the caller deletes).</summary>
    public static void ReleaseFiles()
    {
        // Pooled SQLite connections keep the file open; clear them so the folder can be deleted.
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Closes the tenant's idle pooled connections (a pooled SQLite connection keeps the database, its -wal and
    /// -shm files open); one in use closes when it is returned. The next use opens a new one.</summary>
    public static void ReleaseConnections(TenantSettings tenant, string sitePath)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (IsSupported(tenant.DatabaseProvider))
        {
            using var connection = new SqliteConnection(ConnectionString(tenant, sitePath));
            SqliteConnection.ClearPool(connection);
        }
    }

    private static void EnsureSupported(string provider)
    {
        if (!IsSupported(provider))
        {
            throw new NotSupportedException($"Database provider '{provider}' is not supported. Use '{Sqlite}'.");
        }
    }
}
