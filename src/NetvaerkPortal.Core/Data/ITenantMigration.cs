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
        await db.Database.MigrateAsync(cancellationToken);
        await DatabaseProviders.PrepareAsync(db, cancellationToken);
    }
}
