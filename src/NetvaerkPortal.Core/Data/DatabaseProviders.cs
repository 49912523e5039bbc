using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Data;

/// <summary>Everything that depends on the database engine lives here (this file: the choice and SQLite;
/// DatabaseProviders.Postgres.cs: PostgreSQL, a schema per tenant), so the stores never ask which engine they run on.</summary>
public static partial class DatabaseProviders
{
    public const string Sqlite = "Sqlite";

    public const string Postgres = "Postgres";

    public static readonly IReadOnlyList<string> Names = [Sqlite, Postgres];

    /// <summary>The provider's name as the portal spells it, whatever its case; null when there is no such provider.</summary>
    public static string? Canonical(string? provider) =>
        Names.FirstOrDefault(name => string.Equals(name, provider, StringComparison.OrdinalIgnoreCase));

    public static bool IsSupported(string provider) => Canonical(provider) is not null;

    /// <summary>The settings a new tenant gets for its database: the provider's name checked and spelled the portal's
    /// way, and (for PostgreSQL) a connection string that parses and names a server and a database.</summary>
    /// <exception cref="TenantSetupException">The operator gave a provider or a connection string that cannot work.</exception>
    public static (string Provider, string ConnectionString) ForNewTenant(string? provider, string? connectionString)
    {
        var canonical = Canonical(string.IsNullOrWhiteSpace(provider) ? Sqlite : provider.Trim())
            ?? throw new TenantSetupException("The database provider '{0}' is not known. Use '{1}' or '{2}' (Portal:Database:Provider or --database-provider).", Files.SafePaths.Show(provider), Sqlite, Postgres);
        connectionString = connectionString?.Trim() ?? "";
        if (canonical == Sqlite)
        {
            // A SQLite tenant's database is its own file in its site folder; a path from outside would escape it.
            return connectionString.Length == 0 ? (Sqlite, "")
                : throw new TenantSetupException("A SQLite tenant keeps its database in its own site folder and takes no connection string. Leave --connection-string (Portal:Database:ConnectionString) empty, or use --database-provider Postgres.");
        }

        return (Postgres, CheckPostgresConnectionString(connectionString));
    }

    public static string ConnectionString(TenantSettings tenant, string sitePath)
    {
        if (IsPostgres(tenant))
        {
            return PostgresConnectionString(tenant);
        }

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
        ArgumentNullException.ThrowIfNull(options);
        var migrationsAssembly = typeof(PortalDbContext).Assembly.FullName;
        if (IsPostgres(tenant))
        {
            options.UseNpgsql(PostgresConnectionString(tenant), npgsql => npgsql.MigrationsAssembly(migrationsAssembly));
        }
        else
        {
            options.UseSqlite(ConnectionString(tenant, sitePath), sqlite => sqlite.MigrationsAssembly(migrationsAssembly));
            options.AddInterceptors(SqliteDanishCollation.Instance);
        }

        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    /// <summary>Configures a module's own DbContext for the engine, without a connection (<see cref="ModuleDbContext"/>
    /// takes the platform context's connection object when first used, so both share one transaction), with its own migrations history table.</summary>
    public static void ConfigureModule(DbContextOptionsBuilder options, bool postgres, string migrationsAssembly, string historyTable)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (postgres)
        {
            options.UseNpgsql(npgsql => npgsql.MigrationsAssembly(migrationsAssembly).MigrationsHistoryTable(historyTable));
        }
        else
        {
            options.UseSqlite(sqlite => sqlite.MigrationsAssembly(migrationsAssembly).MigrationsHistoryTable(historyTable));
            options.AddInterceptors(SqliteDanishCollation.Instance);
        }

        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    /// <summary>Gives a module context configured by <see cref="ConfigureModule"/> the platform context's connection object.</summary>
    public static void UsePlatformConnection(DbContextOptionsBuilder options, PortalDbContext portal)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(portal);
        var connection = portal.Database.GetDbConnection();
        if (portal.IsPostgres)
        {
            options.UseNpgsql(connection);
        }
        else
        {
            options.UseSqlite(connection);
        }
    }

    /// <summary>Makes a module's context write inside the platform context's current transaction, if there
    /// is one (a content write, a recipe), so both commit or roll back together.</summary>
    public static async Task EnlistAsync(DbContext module, PortalDbContext portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(portal);
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

    /// <summary>Makes room for a new tenant's tables before its migrations run: nothing for SQLite (its file appears
    /// on first use), the tenant's schema for PostgreSQL. True when this call made it, so a failed setup removes it.</summary>
    /// <exception cref="TenantSetupException">The server cannot be reached, or the schema already holds tables no tenant set up.</exception>
    public static Task<bool> CreateStorageAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        IsPostgres(tenant) ? CreateSchemaAsync(tenant, cancellationToken) : Task.FromResult(false);

    /// <summary>The stamp the last full migration left in the database (SQLite: the header's user_version, read without
    /// touching a table); null where the engine keeps none (PostgreSQL: its schemas are always checked).</summary>
    public static async Task<int?> ReadSchemaStampAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.IsPostgres)
        {
            return null;
        }

        return await db.Database.SqlQueryRaw<int>("SELECT user_version AS \"Value\" FROM pragma_user_version").FirstAsync(cancellationToken);
    }

    /// <summary>Records that the schema is what this build's migrations make it (see <see cref="ReadSchemaStampAsync"/>).</summary>
    public static async Task WriteSchemaStampAsync(PortalDbContext db, int stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.IsPostgres)
        {
            // PRAGMA takes no parameters; the stamp is an int the portal computed.
            await db.Database.ExecuteSqlRawAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA user_version = {stamp};"), cancellationToken);
        }
    }

    /// <summary>Engine settings applied once when a tenant database is created.</summary>
    public static async Task PrepareAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while the indexer or an editor writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>Lets go of a tenant's database after a failed setup: pooled connections are closed (SQLite's keep the file
    /// open, which the caller then deletes with the site folder) and, when <paramref name="dropStorage"/>, the
    /// PostgreSQL schema the setup made is dropped with everything in it.</summary>
    public static async Task ReleaseAsync(TenantSettings tenant, bool dropStorage)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (IsPostgres(tenant))
        {
            await ReleaseSchemaAsync(tenant, dropStorage);
            return;
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>The collation that sorts text the Danish way (æ, ø, å after z; case second) on this context's engine,
    /// for <c>EF.Functions.Collate</c> in an ORDER BY.</summary>
    public static string DanishCollation(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql() ? PostgresDanishCollation : SqliteDanishCollation.Name;
    }

    /// <summary>Orders by a text column in the database, the Danish way on either engine (see <see cref="DanishCollation"/>).</summary>
    public static IOrderedQueryable<T> OrderByDanish<T>(this IQueryable<T> query, DbContext db, Expression<Func<T, string>> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var collate = typeof(RelationalDbFunctionsExtensions).GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));
        var collated = Expression.Call(collate, Expression.Constant(EF.Functions), key.Body, Expression.Constant(DanishCollation(db)));
        return query.OrderBy(Expression.Lambda<Func<T, string>>(collated, key.Parameters));
    }

    private static bool IsPostgres(TenantSettings tenant) =>
        string.Equals(tenant.DatabaseProvider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>Closes the tenant's idle pooled connections (a pooled SQLite connection keeps the database, its -wal and
    /// -shm files open; a pooled PostgreSQL one a server process); one in use closes when it is returned. The next use opens a new one.</summary>
    public static void ReleaseConnections(TenantSettings tenant, string sitePath)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (IsPostgres(tenant))
        {
            using var connection = new Npgsql.NpgsqlConnection(ConnectionString(tenant, sitePath));
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
        else if (IsSupported(tenant.DatabaseProvider))
        {
            using var connection = new SqliteConnection(ConnectionString(tenant, sitePath));
            SqliteConnection.ClearPool(connection);
        }
    }

    private static void EnsureSupported(string provider)
    {
        if (!IsSupported(provider))
        {
            throw new NotSupportedException($"Database provider '{provider}' is not supported. Use '{Sqlite}' or '{Postgres}'.");
        }
    }
}
