using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;

namespace Netvaerk.Meetings.Data;

/// <summary>Brings the module's tables to the current schema, after the platform's and the Networks module's.</summary>
public sealed class MeetingsDbMigration : ITenantMigration
{
    public async Task MigrateAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var db = tenantServices.GetRequiredService<MeetingsDbContext>();
        await db.InPortalTransactionAsync(() => TenantMigrations.MigrateIfPendingAsync(db, cancellationToken), cancellationToken);
    }
}
