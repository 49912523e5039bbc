using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Data;

/// <summary>Brings one part of a tenant's database to the current schema. The platform's own tables are
/// one; a module with tables of its own (in its own DbContext, with its own migrations history table)
/// registers another. All run at setup and on a running tenant's first request in each process (<see cref="Tenants.TenantActivity"/>).</summary>
public interface ITenantMigration
{
    Task MigrateAsync(IServiceProvider tenantServices, CancellationToken cancellationToken);
}

public sealed class PortalDbMigration : ITenantMigration
{
    public async Task MigrateAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var db = tenantServices.GetRequiredService<PortalDbContext>();
        await TenantMigrations.MigrateIfPendingAsync(db, cancellationToken);
        await DatabaseProviders.PrepareAsync(db, cancellationToken);
    }
}

public static class TenantMigrations
{
    /// <summary>Reads which migrations are missing first, and migrates only when one is: EF's MigrateAsync takes its
    /// migration lock (a write) even when nothing is to do, and a tenant's first request after a start pays for it.</summary>
    public static async Task MigrateIfPendingAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
