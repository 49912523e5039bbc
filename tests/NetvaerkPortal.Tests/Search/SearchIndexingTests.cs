using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Netvaerk.Search.Lucene.Indexes;
using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Content;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Web.CommandLine;
using static NetvaerkPortal.Tests.Search.SearchTestSite;

namespace NetvaerkPortal.Tests.Search;

/// <summary>The index follows the database: every write is applied from the indexing log, and an index
/// rebuilt from the database (by command, or because it was lost) answers as before.</summary>
public class SearchIndexingTests
{
    /// <summary>The engine the tenants' databases are on (the provider matrix); SQLite here.</summary>
    protected virtual string? Provider => null;

    [Fact]
    public async Task Publish_edit_unpublish_and_delete_are_followed_by_the_index()
    {
        await using var site = Create(Provider);
        var tenant = await site.CreateTenantAsync("Skrivninger");
        var item = Item("KnowledgeArticle", "Tjekliste til opstartsmødet", "Husk kaffe og navneskilte.");

        await site.PublishAsync(tenant, item);
        await site.CatchUpAsync(tenant);
        Assert.Equal([item.ContentItemId], await site.HitIdsAsync(tenant, Anonymous, "navneskilte"));

        await site.WriteAsync(tenant, async content =>
        {
            var latest = (await content.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Husk kage og taletid.";
            await content.PublishAsync(latest);
        });
        await site.CatchUpAsync(tenant);
        Assert.Empty(await site.HitIdsAsync(tenant, Anonymous, "navneskilte"));
        Assert.Equal([item.ContentItemId], await site.HitIdsAsync(tenant, Anonymous, "taletid"));

        await site.WriteAsync(tenant, content => content.UnpublishAsync(item.ContentItemId));
        await site.CatchUpAsync(tenant);
        Assert.Empty(await site.HitIdsAsync(tenant, Editor, "taletid"));

        await site.WriteAsync(tenant, content => content.PublishLatestAsync(item.ContentItemId));
        await site.CatchUpAsync(tenant);
        Assert.Equal([item.ContentItemId], await site.HitIdsAsync(tenant, Anonymous, "taletid"));

        await site.WriteAsync(tenant, content => content.DeleteAsync(item.ContentItemId));
        await site.CatchUpAsync(tenant);
        Assert.Empty(await site.HitIdsAsync(tenant, Editor, "taletid"));
        Assert.Equal(0, (await site.SearchAsync(tenant, Editor, "")).Total);
    }

    [Fact]
    public async Task A_visibility_change_is_followed_by_the_index()
    {
        await using var site = Create(Provider);
        var tenant = await site.CreateTenantAsync("Synlighed", withNetworks: true);
        var item = await site.PublishAsync(tenant, Item("MeetingNote", "Referat", "Vi aftalte tavshedspligt.", NetvaerkPortal.Security.Visibility.Public, NetworkA));
        await site.CatchUpAsync(tenant);
        Assert.Single(await site.HitIdsAsync(tenant, Anonymous, "tavshedspligt"));

        await site.WriteAsync(tenant, async content =>
        {
            var latest = (await content.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.GetOrCreatePart("VisibilityPart")["Visibility"] = NetvaerkPortal.Security.Visibility.Network;
            await content.PublishAsync(latest);
        });
        await site.CatchUpAsync(tenant);

        Assert.Empty(await site.HitIdsAsync(tenant, Anonymous, "tavshedspligt"));
        Assert.Empty(await site.HitIdsAsync(tenant, MemberOfB, "tavshedspligt"));
        Assert.Single(await site.HitIdsAsync(tenant, MemberOfA, "tavshedspligt"));
    }

    [Fact]
    public async Task Items_of_types_the_index_does_not_hold_are_not_found()
    {
        await using var site = Create(Provider);
        var tenant = await site.CreateTenantAsync("Typer");
        await site.PublishAsync(tenant, NetvaerkPortal.Tests.Infrastructure.TestContent.NewArticle("Artikel om trivselsmåling", "Uden for søgeindekset."));
        await site.PublishAsync(tenant, Item("Case", "Case om trivselsmåling", "I søgeindekset."));
        await site.CatchUpAsync(tenant);

        var results = await site.SearchAsync(tenant, Editor, "trivselsmåling");

        Assert.Equal(["Case"], results.Hits.Select(hit => hit.ContentType));
    }

    [Fact]
    public async Task A_rebuild_gives_the_same_results()
    {
        await using var site = Create(Provider);
        var tenant = await site.CreateTenantAsync("Genopbyg", withNetworks: true);
        await PublishSampleAsync(site, tenant);
        await site.CatchUpAsync(tenant);
        var before = await AnswersAsync(site, tenant);

        await site.Host.Services.GetRequiredService<SearchIndexer>().RebuildAsync(tenant);

        Assert.Equal(before, await AnswersAsync(site, tenant));
        Assert.Contains("tillid", before, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("corrupt")]
    [InlineData("outdated")]
    public async Task A_lost_or_damaged_index_is_rebuilt_when_its_tenant_is_first_used_after_a_start(string damage)
    {
        await using var site = Create(Provider);
        var tenant = await site.CreateTenantAsync("Opstart", withNetworks: true);
        await PublishSampleAsync(site, tenant);
        await site.CatchUpAsync(tenant);
        var before = await AnswersAsync(site, tenant);
        var registry = site.Host.Services.GetRequiredService<LuceneIndexRegistry>();
        var indexPath = registry.IndexPath(tenant.Name, LuceneIndexesDocument.DefaultIndexName);
        // The first portal stops (its writers close) and the index is lost or damaged before the next start.
        registry.Close(tenant.Name);
        Damage(indexPath, damage);

        var restarted = PortalCommands.BuildHost(CommandConfiguration(site));
        await restarted.StartAsync();
        try
        {
            // A start opens no tenant's database (issue 14): the tenant's first request wakes it, as this does.
            await restarted.Services.GetRequiredService<TenantActivity>().EnterAsync(tenant);
            var rebuilt = restarted.Services.GetRequiredService<LuceneIndexRegistry>();
            Assert.True(await Eventually.TrueAsync(() => rebuilt.Find(tenant.Name, LuceneIndexesDocument.DefaultIndexName) is { RebuildReason: null, DocumentCount: 6 }),
                "the restarted portal did not rebuild the index");
        }
        finally
        {
            await restarted.StopAsync();
            // Its writer must close before the first portal reads the index again.
            restarted.Dispose();
        }

        using (var directory = Lucene.Net.Store.FSDirectory.Open(indexPath))
        using (var reader = Lucene.Net.Index.DirectoryReader.Open(directory))
        {
            Assert.Equal(LuceneIndex.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.IndexCommit.UserData["schema"]);
        }

        Assert.Equal(before, await AnswersAsync(site, tenant));
    }

    [Fact]
    public async Task The_search_rebuild_command_rebuilds_from_the_database()
    {
        await using var site = Create(Provider);
        var tenant = await site.CreateTenantAsync("Kommando", withNetworks: true);
        await PublishSampleAsync(site, tenant);
        await site.CatchUpAsync(tenant);
        var before = await AnswersAsync(site, tenant);
        site.Host.Services.GetRequiredService<LuceneIndexRegistry>().Close(tenant.Name);
        Damage(site.Host.Services.GetRequiredService<LuceneIndexRegistry>().IndexPath(tenant.Name, "Search"), "deleted");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PortalCommands.RunAsync(["search", "rebuild", "--tenant", tenant.Name], output, error, CommandConfiguration(site));

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("Rebuilt search index 'Search' of tenant 'Kommando': 6 documents.", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await AnswersAsync(site, tenant));
    }

    [Fact]
    public async Task The_search_rebuild_command_names_what_is_wrong()
    {
        await using var site = Create(Provider);
        var tenant = await site.CreateTenantAsync("Fejl", withNetworks: true);
        var config = CommandConfiguration(site);
        var error = new StringWriter();

        var unknownTenant = await PortalCommands.RunAsync(["search", "rebuild", "--tenant", "Findesikke"], new StringWriter(), error, config);
        var unknownIndex = await PortalCommands.RunAsync(["search", "rebuild", "--tenant", tenant.Name, "--index", "Nope"], new StringWriter(), error, config);

        Assert.Equal(1, unknownTenant);
        Assert.Equal(1, unknownIndex);
        Assert.Contains("no tenant named 'Findesikke'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("no search index named 'Nope'", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The command line sees what the portal sees: its App_Data and, on PostgreSQL, the registry in the database.</summary>
    private static Dictionary<string, string?> CommandConfiguration(SearchTestSite site) =>
        new(site.Host.Database.Settings.Append(new("Portal:AppDataPath", site.Host.AppData.Path)));

    private static async Task PublishSampleAsync(SearchTestSite site, TenantSettings tenant)
    {
        await site.PublishAsync(tenant, Item("KnowledgeArticle", "Tillid i netværket", "Tillid opstår, når man holder, hvad man lover.", tags: ["tillid"]));
        await site.PublishAsync(tenant, Item("Case", "Casen om vagtplanen", "Casegiveren fortalte om weekendvagter og tillid.", tags: ["vagtplan"]));
        await site.PublishAsync(tenant, Item("MeetingNote", "Mødenotat marts", "Netværksmødet drøftede tillid og sparring.", NetvaerkPortal.Security.Visibility.Network, NetworkA));
        await site.PublishAsync(tenant, Item("Network", "Ledernetværket", "Et netværk for mellemledere.", NetvaerkPortal.Security.Visibility.Tenant));
    }

    // Everything a reader could observe, for a few readers and queries, as one comparable string.
    private static async Task<string> AnswersAsync(SearchTestSite site, TenantSettings tenant)
    {
        var answers = new List<string>();
        foreach (var reader in new[] { Anonymous, MemberOfA, Editor })
        {
            foreach (var query in new[] { "tillid", "møde", "sparring -vagtplan", "" })
            {
                var results = await site.SearchAsync(tenant, reader, query);
                answers.Add(System.Text.Json.JsonSerializer.Serialize(results));
            }
        }

        return string.Join('\n', answers);
    }

    private static void Damage(string indexPath, string damage)
    {
        if (damage == "deleted")
        {
            Directory.Delete(indexPath, recursive: true);
            return;
        }

        if (damage == "outdated")
        {
            // As an index written before a schema change: its documents are of the old shape.
            using var directory = Lucene.Net.Store.FSDirectory.Open(indexPath);
            using var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(
                Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer()));
            var older = (LuceneIndex.SchemaVersion - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            writer.SetCommitData(new Dictionary<string, string> { ["schema"] = older, ["analyzer"] = "danish" });
            writer.Commit();
            using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
            Assert.Equal(older, reader.IndexCommit.UserData["schema"]);
            return;
        }

        foreach (var file in Directory.GetFiles(indexPath, "segments*"))
        {
            File.WriteAllBytes(file, [1, 2, 3, 4, 5, 6, 7, 8]);
        }
    }
}

public sealed class SearchIndexingTestsOnPostgres : SearchIndexingTests
{
    protected override string? Provider => NetvaerkPortal.Data.DatabaseProviders.Postgres;
}
