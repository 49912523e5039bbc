using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>A SQLite tenant's database carries the stamp of the build that last migrated it, so a tenant's first request
/// after a start reads that instead of every migration history; a database stamped by another build is migrated.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class SchemaStampTests(NetworkPortal portal)
{
    [Fact]
    public async Task A_database_this_build_migrated_is_not_checked_again_and_one_from_another_build_is()
    {
        var stamp = await portal.InTenantAsync(portal.Beta, services =>
            DatabaseProviders.ReadSchemaStampAsync(services.GetRequiredService<PortalDbContext>(), CancellationToken.None));
        Assert.NotNull(stamp);
        Assert.NotEqual(0, stamp);

        // Without its history table, EF would take every migration for pending and fail on the tables that exist.
        await BetaSqlAsync("ALTER TABLE \"__EFMigrationsHistory\" RENAME TO \"__HiddenHistory\"");
        try
        {
            await portal.InTenantAsync(portal.Beta, async services =>
            {
                await TenantSetup.MigrateAsync(services, CancellationToken.None);
                return true;
            });

            var otherBuild = await Record.ExceptionAsync(() => portal.InTenantAsync(portal.Beta, async services =>
            {
                await DatabaseProviders.WriteSchemaStampAsync(services.GetRequiredService<PortalDbContext>(), stamp.Value + 1, CancellationToken.None);
                await TenantSetup.MigrateAsync(services, CancellationToken.None);
                return true;
            }));
            Assert.NotNull(otherBuild);
        }
        finally
        {
            // The failed attempt made an empty history table of its own before it stopped at the first existing table.
            await BetaSqlAsync("DROP TABLE IF EXISTS \"__EFMigrationsHistory\"");
            await BetaSqlAsync("ALTER TABLE \"__HiddenHistory\" RENAME TO \"__EFMigrationsHistory\"");
        }

        // With its history back, the other build's stamp leads to a full check, which finds nothing to do and stamps again.
        var after = await portal.InTenantAsync(portal.Beta, async services =>
        {
            await TenantSetup.MigrateAsync(services, CancellationToken.None);
            return await DatabaseProviders.ReadSchemaStampAsync(services.GetRequiredService<PortalDbContext>(), CancellationToken.None);
        });
        Assert.Equal(stamp, after);
    }

    private Task<int> BetaSqlAsync(string sql) => portal.InTenantAsync(portal.Beta, services =>
        services.GetRequiredService<PortalDbContext>().Database.ExecuteSqlRawAsync(sql));
}
