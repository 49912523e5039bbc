using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Data;

/// <summary>Brings the module's tables to the current schema (after the platform's), fills the
/// visibility index for content written before the module kept it, and removes memberships that older
/// versions left behind when a user or a network was deleted.</summary>
public sealed class NetworksDbMigration : ITenantMigration
{
    public async Task MigrateAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var db = tenantServices.GetRequiredService<NetworksDbContext>();
        await db.InPortalTransactionAsync(() => TenantMigrations.MigrateIfPendingAsync(db, cancellationToken), cancellationToken);
        await db.InPortalTransactionAsync(() => db.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM "NetworkMembers"
            WHERE "UserId" NOT IN (SELECT "Id" FROM "AspNetUsers")
               OR "NetworkContentItemId" NOT IN (SELECT "ContentItemId" FROM "ContentItems" WHERE "Latest" AND "ContentType" = {NetworkContentTypes.Network})
            """, cancellationToken), cancellationToken);
        await RebuildIndexIfEmptyAsync(db, tenantServices.GetRequiredService<ContentManager>(), tenantServices.GetRequiredService<ItemVisibility>(), cancellationToken);
    }

    /// <summary>An empty index beside stored content means the content was written before the module kept the index.</summary>
    private static async Task RebuildIndexIfEmptyAsync(NetworksDbContext db, ContentManager content, ItemVisibility visibility, CancellationToken cancellationToken)
    {
        if (await db.InPortalTransactionAsync(() => db.VisibilityIndex.AnyAsync(cancellationToken), cancellationToken))
        {
            return;
        }

        const int batch = 200;
        var versions = new Dictionary<string, (ContentItem? Latest, ContentItem? Published)>(StringComparer.Ordinal);
        foreach (var option in new[] { VersionOptions.Latest, VersionOptions.Published })
        {
            for (var skip = 0; ; skip += batch)
            {
                var items = await content.ListAsync(null, option, skip, batch, cancellationToken);
                foreach (var item in items)
                {
                    var entry = versions.GetValueOrDefault(item.ContentItemId);
                    versions[item.ContentItemId] = option == VersionOptions.Latest ? (item, entry.Published) : (entry.Latest, item);
                }

                if (items.Count < batch)
                {
                    break;
                }
            }
        }

        if (versions.Count == 0)
        {
            return;
        }

        await db.InPortalTransactionAsync(async () =>
        {
            foreach (var (id, (latest, published)) in versions)
            {
                db.VisibilityIndex.AddRange(ContentVisibilityIndexer.Rows(new ContentWrite(id, latest, published), visibility));
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }
}
