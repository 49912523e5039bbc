using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

    private static void EnsureSupported(string provider)
    {
        if (!IsSupported(provider))
        {
            throw new NotSupportedException($"Database provider '{provider}' is not supported. Use '{Sqlite}'.");
        }
    }
}
