using Microsoft.EntityFrameworkCore;

namespace NetvaerkPortal.Data;

/// <summary>A module's own tables in the tenant's database: the context runs on the platform context's connection, joins
/// its transaction (<see cref="InPortalTransactionAsync{T}"/>) and keeps its own migrations history table.</summary>
public abstract class ModuleDbContext(DbContextOptions options, PortalDbContext portal) : DbContext(options)
{
    public PortalDbContext Portal => portal;

    /// <summary>Runs <paramref name="work"/> inside the platform context's current transaction, if there is
    /// one (on SQLite a command outside it would be refused while it is open), then forgets what it tracked.</summary>
    public async Task<T> InPortalTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await DatabaseProviders.EnlistAsync(this, portal, cancellationToken);
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
