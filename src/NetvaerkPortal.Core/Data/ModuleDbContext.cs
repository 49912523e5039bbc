using Microsoft.EntityFrameworkCore;

namespace NetvaerkPortal.Data;

/// <summary>A module's own tables in the tenant's database: the context runs on the platform context's connection, joins
/// its transaction (<see cref="InPortalTransactionAsync{T}"/>) and keeps its own migrations history table.</summary>
public abstract class ModuleDbContext : DbContext
{
    protected ModuleDbContext(DbContextOptions options, PortalDbContext portal)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(portal);
        Portal = portal;
    }

    public PortalDbContext Portal { get; }

    public bool IsPostgres => Portal.IsPostgres;

    /// <summary>The options are kept per engine (<see cref="TenantDbOptions"/>) and carry no connection: the context takes
    /// the platform context's when it is first used, not when it is made (many requests make one they never use).</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        DatabaseProviders.UsePlatformConnection(optionsBuilder, Portal);

    /// <summary>Runs <paramref name="work"/> inside the platform context's current transaction, if there is
    /// one (on SQLite a command outside it would be refused while it is open), then forgets what it tracked.</summary>
    public async Task<T> InPortalTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await DatabaseProviders.EnlistAsync(this, Portal, cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            // Nothing tracked outlives the unit of work: if the platform rolls the transaction back, rows this
            // context saved (with their ids) are gone, and must not clash with the next write.
            ChangeTracker.Clear();
            if (Database.CurrentTransaction is not null)
            {
                // Let go at once: the platform context commits or rolls back, and a stale transaction must not linger here.
                await Database.UseTransactionAsync(null, CancellationToken.None);
            }
        }
    }

    public async Task InPortalTransactionAsync(Func<Task> work, CancellationToken cancellationToken) =>
        await InPortalTransactionAsync(async () => { await work(); return true; }, cancellationToken);
}
