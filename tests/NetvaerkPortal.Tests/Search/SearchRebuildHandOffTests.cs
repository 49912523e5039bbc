using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Web.CommandLine;
using static NetvaerkPortal.Tests.Search.SearchTestSite;

namespace NetvaerkPortal.Tests.Search;

/// <summary>Two processes never write one index: the running portal holds the App_Data's index-writer lock,
/// and <c>search rebuild</c> then only marks the rebuild in the database for the portal to do.</summary>
public sealed class SearchRebuildHandOffTests
{
    [Fact]
    public void Only_one_holder_at_a_time_gets_the_index_writer_lock()
    {
        using var appData = new TempAppData();
        using var portal = new IndexWriterProcessLock(appData.Path);
        using var command = new IndexWriterProcessLock(appData.Path);

        Assert.True(portal.TryAcquire());
        Assert.False(command.TryAcquire());
        Assert.Equal($"process {Environment.ProcessId}", command.Holder());

        portal.Release();
        Assert.True(command.TryAcquire());
        Assert.True(File.Exists(command.LockPath));
    }

    [Fact]
    public async Task Search_rebuild_hands_off_to_a_portal_that_holds_the_lock_and_touches_no_index_file()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Overdrag");
        var item = await site.PublishAsync(tenant, Item("KnowledgeArticle", "Overdragelse", "Ordet valmue står her."));
        await site.CatchUpAsync(tenant);
        var registry = site.Host.Services.GetRequiredService<LuceneIndexRegistry>();
        var lucene = Path.GetDirectoryName(registry.IndexPath(tenant.Name, LuceneIndexesDocument.DefaultIndexName))!;
        registry.Close(tenant.Name);
        // The running portal, in another process: it holds the lock as SearchIndexingService does.
        using var portal = new IndexWriterProcessLock(site.Host.AppData.Path);
        Assert.True(portal.TryAcquire());
        var before = Snapshot(lucene);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PortalCommands.RunAsync(["search", "rebuild", "--tenant", tenant.Name], output, error,
            new Dictionary<string, string?> { ["Portal:AppDataPath"] = site.Host.AppData.Path });

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("The portal is running", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Rebuilt", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(lucene));
        Assert.Equal([LuceneIndexesDocument.DefaultIndexName], await PendingRebuildAsync(site.Host, tenant));

        // The portal's indexer picks the mark up from the database.
        portal.Release();
        await site.CatchUpAsync(tenant);

        Assert.Empty(await PendingRebuildAsync(site.Host, tenant));
        Assert.Equal([item.ContentItemId], await site.HitIdsAsync(tenant, Anonymous, "valmue"));
    }

    [Fact]
    public async Task Search_rebuild_against_a_running_portal_leaves_the_rebuild_and_write_lock_to_it()
    {
        await using var portal = new PortalWebFactory();
        using var client = portal.CreateClient();
        var tenant = portal.Store.Find(TenantSettings.DefaultName)!;
        await portal.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(tenant);
        var index = portal.Services.GetRequiredService<LuceneIndexRegistry>().Find(tenant.Name, LuceneIndexesDocument.DefaultIndexName)!;
        var writeLock = Path.Combine(index.Path, "write.lock");
        Assert.True(File.Exists(writeLock));
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PortalCommands.RunAsync(["search", "rebuild", "--tenant", tenant.Name], output, error,
            new Dictionary<string, string?> { ["Portal:AppDataPath"] = portal.AppData.Path });

        Assert.True(exit == 0, error.ToString());
        Assert.Contains($"process {Environment.ProcessId} holds the search indexes", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(writeLock));
        // The portal's own background indexer (not this test) does the rebuild within a few ticks.
        Assert.True(await Eventually.TrueAsync(async () => (await PendingRebuildAsync(portal, tenant)).Count == 0), "the running portal did not pick up the rebuild");
        var search = await client.GetAsync(new Uri("/api/search?q=netv%C3%A6rk", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.True(File.Exists(writeLock));
    }

    // Every file of the tenant's Lucene folder (indexes and cursors), with a hash of its bytes.
    private static string Snapshot(string folder) =>
        string.Join('\n', Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => $"{Path.GetRelativePath(folder, file)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))}"));

    private static Task<IReadOnlyList<string>> PendingRebuildAsync(PortalTestHost host, TenantSettings tenant) =>
        PendingRebuildAsync(host.Services, tenant);

    private static Task<IReadOnlyList<string>> PendingRebuildAsync(PortalWebFactory portal, TenantSettings tenant) =>
        PendingRebuildAsync(portal.Services, tenant);

    private static async Task<IReadOnlyList<string>> PendingRebuildAsync(IServiceProvider services, TenantSettings tenant)
    {
        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        var indexes = await scope.ServiceProvider.GetRequiredService<SiteDocuments>().GetAsync<LuceneIndexesDocument>(LuceneIndexesDocument.DocumentName);
        return [.. indexes.PendingRebuild];
    }
}
