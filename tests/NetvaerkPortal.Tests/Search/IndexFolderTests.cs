using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Netvaerk.Search.Lucene.Indexes;
using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Files;
using NetvaerkPortal.Tenants;
using static NetvaerkPortal.Tests.Search.SearchTestSite;

namespace NetvaerkPortal.Tests.Search;

/// <summary>An index lives in a folder the portal created for it, and the portal deletes nothing but its own
/// index files there: a folder that holds anything else is left alone, and the index is not opened.</summary>
public sealed class IndexFolderTests
{
    [Fact]
    public async Task An_index_folder_that_holds_other_files_is_left_alone_and_not_opened()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Fremmed");
        var registry = site.Host.Services.GetRequiredService<LuceneIndexRegistry>();
        var folder = registry.IndexPath(tenant.Name, LuceneIndexesDocument.DefaultIndexName);
        Directory.CreateDirectory(folder);
        // Someone else's files, and a file by Lucene's name that no index can read: the old code deleted them all.
        File.WriteAllText(Path.Combine(folder, "victim.db"), "somebody's data");
        File.WriteAllBytes(Path.Combine(folder, "segments_1"), [1, 2, 3, 4, 5, 6, 7, 8]);

        await site.CatchUpAsync(tenant);

        Assert.Equal("somebody's data", File.ReadAllText(Path.Combine(folder, "victim.db")));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], File.ReadAllBytes(Path.Combine(folder, "segments_1")));
        Assert.Equal(["segments_1", "victim.db"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("victim.db", registry.Refusal(tenant.Name, LuceneIndexesDocument.DefaultIndexName), StringComparison.Ordinal);
        Assert.Null(registry.Find(tenant.Name, LuceneIndexesDocument.DefaultIndexName));
        await Assert.ThrowsAsync<SearchUnavailableException>(() => site.SearchAsync(tenant, Editor, "netværk"));
    }

    [Fact]
    public async Task An_index_whose_name_climbs_to_the_tenant_folder_never_touches_the_database()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Klatrer");
        var sitePath = site.Host.AppData.SitePath(tenant.Name);
        var database = Directory.GetFiles(sitePath, "*.db").Single();
        var before = File.ReadAllBytes(database);

        // What LuceneIndexRegistry.IndexPath made of the index name "..": the tenant's own folder.
        var path = Path.Combine(sitePath, "Lucene", "..");
        var refused = Assert.Throws<IndexFolderRefusedException>(() =>
            LuceneIndex.Open(tenant.Name, "..", path, new LuceneIndexSettings(), NullLogger.Instance));

        Assert.Contains(Path.GetFileName(database), refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(database));
        Assert.False(OwnedFolders.IsOwned(sitePath, IndexFolder.Purpose));
    }

    [Fact]
    public async Task A_symbolic_link_as_index_folder_is_refused_and_its_target_untouched()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Genvej");
        var registry = site.Host.Services.GetRequiredService<LuceneIndexRegistry>();
        var target = Path.Combine(site.Host.AppData.Path, "elsewhere");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "segments.gen"), "not an index");
        var folder = registry.IndexPath(tenant.Name, LuceneIndexesDocument.DefaultIndexName);
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        Directory.CreateSymbolicLink(folder, target);

        await site.CatchUpAsync(tenant);

        Assert.Equal(["segments.gen"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Contains("symbolic link", registry.Refusal(tenant.Name, LuceneIndexesDocument.DefaultIndexName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_made_before_folders_were_marked_is_adopted_and_searched_as_before()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Gammel");
        var item = await site.PublishAsync(tenant, Item("KnowledgeArticle", "Arkiv", "Ordet hyldeblomst står her."));
        await site.CatchUpAsync(tenant);
        var registry = site.Host.Services.GetRequiredService<LuceneIndexRegistry>();
        var folder = registry.IndexPath(tenant.Name, LuceneIndexesDocument.DefaultIndexName);
        registry.Close(tenant.Name);
        File.Delete(Path.Combine(folder, OwnedFolders.MarkerFileName));
        Assert.False(OwnedFolders.IsOwned(folder, IndexFolder.Purpose));

        Assert.Equal([item.ContentItemId], await site.HitIdsAsync(tenant, Anonymous, "hyldeblomst"));

        Assert.True(OwnedFolders.IsOwned(folder, IndexFolder.Purpose));
        Assert.Null(registry.Find(tenant.Name, LuceneIndexesDocument.DefaultIndexName)!.RebuildReason);
    }

    [Fact]
    public async Task Rebuilding_a_damaged_index_deletes_only_its_own_files()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Egne");
        var item = await site.PublishAsync(tenant, Item("KnowledgeArticle", "Noter", "Ordet kornblomst står her."));
        await site.CatchUpAsync(tenant);
        var registry = site.Host.Services.GetRequiredService<LuceneIndexRegistry>();
        var folder = registry.IndexPath(tenant.Name, LuceneIndexesDocument.DefaultIndexName);
        registry.Close(tenant.Name);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "an operator's note");
        foreach (var file in Directory.GetFiles(folder, "segments*"))
        {
            File.WriteAllBytes(file, [1, 2, 3]);
        }

        await site.CatchUpAsync(tenant);

        Assert.Equal("an operator's note", File.ReadAllText(Path.Combine(folder, "notes.txt")));
        Assert.Equal([item.ContentItemId], await site.HitIdsAsync(tenant, Anonymous, "kornblomst"));
    }

    [Theory]
    [InlineData("segments_2", true)]
    [InlineData("segments.gen", true)]
    [InlineData("write.lock", true)]
    [InlineData("_0.cfs", true)]
    [InlineData("_a_Lucene41_0.tim", true)]
    [InlineData("_3_1.liv", true)]
    // A marker the portal wrote for another purpose (here: none) is never adopted: such a folder is someone else's.
    [InlineData(".netvaerk-owned", false)]
    [InlineData("portal.db", false)]
    [InlineData("_notes.txt", false)]
    [InlineData("segments", false)]
    [InlineData("_0.cfs.bak", false)]
    public void Only_lucene_files_and_the_portal_marks_count_as_an_index(string name, bool isIndexFile)
    {
        var folder = Path.Combine(Path.GetTempPath(), "netvaerk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, name), "");

            Assert.Equal(isIndexFile, OwnedFolders.Adopt(folder, "test", IndexFolder.IsIndexFile));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
