using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Web.CommandLine;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>A start opens no tenant's database or index: a node with a thousand tenants pays for a tenant on its first request.</summary>
public sealed class LazyTenantStartTests
{
    [Fact]
    public async Task A_start_opens_no_tenant_until_its_first_request_and_that_request_opens_only_it()
    {
        await using var site = PortalTestHost.Create();
        var first = await site.CreateTenantAsync("Foerste");
        var second = await site.CreateTenantAsync("Anden");
        foreach (var tenant in new[] { first, second })
        {
            site.Services.GetRequiredService<LuceneIndexRegistry>().Close(tenant.Name);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var sites = Path.Combine(site.AppData.Path, "Sites") + Path.DirectorySeparatorChar;
        Assert.Equal([], Held(sites));

        using var restarted = PortalCommands.BuildHost(new Dictionary<string, string?> { ["Portal:AppDataPath"] = site.AppData.Path });
        await restarted.StartAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal([], Held(sites));

            await restarted.Services.GetRequiredService<TenantActivity>().EnterAsync(first);

            var held = Held(sites);
            Assert.NotEmpty(held);
            Assert.All(held, path => Assert.StartsWith(Path.Combine(sites, first.Name), path, StringComparison.Ordinal));
        }
        finally
        {
            await restarted.StopAsync();
        }
    }

    // What this process has open below the folder, read from /proc/self/fd.
    private static List<string> Held(string folder) =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Select(fd => { try { return fd.LinkTarget; } catch (IOException) { return null; } })
            .OfType<string>().Where(target => target.StartsWith(folder, StringComparison.Ordinal)).ToList();
}
