using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.Data;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Data;

/// <summary>The tenants' EF options are built once per tenant (not per request), the module contexts still run on the
/// request's platform connection, and a signed-in request's one connection goes back when the request ends.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class TenantDbOptionsTests(NetworkPortal portal)
{
    [Fact]
    public async Task A_tenant_keeps_one_set_of_options_and_another_tenant_has_its_own()
    {
        var first = await portal.InTenantAsync(portal.Alfa, services => Task.FromResult(services.GetRequiredService<DbContextOptions<PortalDbContext>>()));
        var again = await portal.InTenantAsync(portal.Alfa, services => Task.FromResult(services.GetRequiredService<DbContextOptions<PortalDbContext>>()));
        var beta = await portal.InTenantAsync(portal.Beta, services => Task.FromResult(services.GetRequiredService<DbContextOptions<PortalDbContext>>()));

        Assert.Same(first, again);
        Assert.NotSame(first, beta);
        var alfaUsers = await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<PortalDbContext>().Users.Select(u => u.UserName).ToListAsync());
        var betaUsers = await portal.InTenantAsync(portal.Beta, services => services.GetRequiredService<PortalDbContext>().Users.Select(u => u.UserName).ToListAsync());
        Assert.Contains(NetworkPortal.UserName(ReaderKind.MemberOfX), alfaUsers);
        Assert.DoesNotContain(NetworkPortal.UserName(ReaderKind.MemberOfX), betaUsers);
    }

    [Fact]
    public async Task Module_contexts_run_on_the_platform_contexts_connection_and_inside_its_transaction()
    {
        var (sameConnection, memberRowsInside, memberRowsAfterRollback) = await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var platform = services.GetRequiredService<PortalDbContext>();
            var networks = services.GetRequiredService<NetworksDbContext>();
            var meetings = services.GetRequiredService<MeetingsDbContext>();
            await using var transaction = await platform.Database.BeginTransactionAsync();
            var inside = await networks.InPortalTransactionAsync(async () =>
            {
                await networks.Database.ExecuteSqlRawAsync("DELETE FROM \"NetworkMembers\"");
                return await networks.Members.CountAsync();
            }, CancellationToken.None);
            var same = ReferenceEquals(platform.Database.GetDbConnection(), networks.Database.GetDbConnection())
                && ReferenceEquals(platform.Database.GetDbConnection(), meetings.Database.GetDbConnection());
            await transaction.RollbackAsync();
            return (same, inside, await networks.Members.CountAsync());
        });

        Assert.True(sameConnection);
        Assert.Equal(0, memberRowsInside);
        Assert.True(memberRowsAfterRollback > 0, "the rollback of the platform transaction undid the module's delete");
    }

    [Fact]
    public async Task A_released_tenant_forgets_its_options()
    {
        var before = await portal.InTenantAsync(portal.Beta, services => Task.FromResult(services.GetRequiredService<DbContextOptions<PortalDbContext>>()));

        portal.Factory.Services.GetRequiredService<TenantDbOptions>().Forget(portal.Beta.Name);

        var after = await portal.InTenantAsync(portal.Beta, services => Task.FromResult(services.GetRequiredService<DbContextOptions<PortalDbContext>>()));
        Assert.NotSame(before, after);
    }

    [Fact]
    public async Task A_signed_in_request_gives_its_connection_back_when_it_ends()
    {
        var database = Path.GetFullPath(await portal.InTenantAsync(portal.Alfa, services =>
            Task.FromResult(Path.Combine(services.GetRequiredService<TenantContext>().SitePath, "portal.db"))));
        using var member = portal.Client(ReaderKind.MemberOfX);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri($"/alfa/{portal.TenantItem.Path}", UriKind.Relative))).StatusCode);
        var before = OpenHandles(database);

        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri($"/alfa/{portal.TenantItem.Path}", UriKind.Relative))).StatusCode);
        }

        // One request at a time: the pool hands the same connection out again; a connection kept past its request would
        // leave one more open file per request.
        Assert.True(OpenHandles(database) <= before + 2, $"{OpenHandles(database)} handles on the database after 40 requests, {before} before");
    }

    private static int OpenHandles(string file) =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(fd =>
        {
            try
            {
                return fd.LinkTarget == file;
            }
            catch (IOException)
            {
                return false; // closed while we looked
            }
        });
}
