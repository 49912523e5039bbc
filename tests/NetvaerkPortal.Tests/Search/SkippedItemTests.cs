using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using static NetvaerkPortal.Tests.Search.SearchTestSite;

namespace NetvaerkPortal.Tests.Search;

/// <summary>One item that cannot be indexed (a poison item) is skipped, listed for the administrators, and
/// never holds back the items written after it, in catching up as in a rebuild.</summary>
public sealed class SkippedItemTests
{
    [Fact]
    public async Task A_note_whose_markdown_cannot_be_read_is_skipped_and_the_notes_after_it_are_found()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Giftig", withNetworks: true);
        var before = await site.PublishAsync(tenant, Item("KnowledgeArticle", "Før", "Ordet forårsblomst står her."));
        var poison = await StorePoisonAsync(site, tenant, Item("MeetingNote", "Citatnoten", "pladsholder", Visibility.Tenant), StoredDirectly.DeeplyNestedMarkdown);
        var after = await site.PublishAsync(tenant, Item("KnowledgeArticle", "Efter", "Ordet sommerfugl står her."));

        await site.CatchUpAsync(tenant);

        Assert.Equal([before.ContentItemId], await site.HitIdsAsync(tenant, Editor, "forårsblomst"));
        Assert.Equal([after.ContentItemId], await site.HitIdsAsync(tenant, Editor, "sommerfugl"));
        var skipped = Assert.Single(await SkippedAsync(site, tenant));
        Assert.Equal(poison.ContentItemId, skipped.ContentItemId);
        Assert.Equal("MeetingNote", skipped.ContentType);
        Assert.Equal("Citatnoten", skipped.DisplayText);
        Assert.Contains("nested", skipped.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_item_the_index_writer_refuses_is_skipped_and_its_old_document_leaves_the_index()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Afvist", withNetworks: true);
        var item = await site.PublishAsync(tenant, Item("MeetingNote", "Referat", "Vi drøftede kantineordningen.", Visibility.Public, NetworkA));
        await site.CatchUpAsync(tenant);
        Assert.Single(await site.HitIdsAsync(tenant, Anonymous, "kantineordningen"));

        // The note is made Network-only, and its new version carries a tag the writer refuses.
        await site.WriteAsync(tenant, async content =>
        {
            var latest = (await content.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.GetOrCreatePart("VisibilityPart")["Visibility"] = Visibility.Network;
            await content.PublishAsync(latest);
        });
        await ChangeStoredAsync(site, tenant, item.ContentItemId, parts => parts["TagsPart"] = new JsonObject { ["Tags"] = new JsonArray(StoredDirectly.ImmenseTag) });
        var later = await site.PublishAsync(tenant, Item("KnowledgeArticle", "Senere", "Ordet efterårsløv står her."));

        await site.CatchUpAsync(tenant);

        // The old public document would show a note that is now for network members only.
        Assert.Empty(await site.HitIdsAsync(tenant, Anonymous, "kantineordningen"));
        Assert.Empty(await site.HitIdsAsync(tenant, Editor, "kantineordningen"));
        Assert.Equal([later.ContentItemId], await site.HitIdsAsync(tenant, Anonymous, "efterårsløv"));
        Assert.Equal([item.ContentItemId], (await SkippedAsync(site, tenant)).Select(skipped => skipped.ContentItemId));
    }

    [Fact]
    public async Task An_item_whose_stored_content_cannot_be_read_is_skipped_and_the_items_after_it_are_found()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Ulaeselig");
        var broken = await site.PublishAsync(tenant, Item("KnowledgeArticle", "Dybt indhold", "pladsholder"));
        await using (var scope = site.Host.OpenScope(tenant))
        {
            await StoredDirectly.SetDataAsync(scope, broken.ContentItemId, StoredDirectly.TooDeepData("Dybt indhold"));
        }

        var after = await site.PublishAsync(tenant, Item("Case", "Efter", "Ordet skovsyre står her."));

        await site.CatchUpAsync(tenant);
        Assert.Equal([after.ContentItemId], await site.HitIdsAsync(tenant, Editor, "skovsyre"));
        await site.Host.Services.GetRequiredService<SearchIndexer>().RebuildAsync(tenant);

        Assert.Equal([after.ContentItemId], await site.HitIdsAsync(tenant, Editor, "skovsyre"));
        var skipped = Assert.Single(await SkippedAsync(site, tenant));
        Assert.Equal((broken.ContentItemId, "KnowledgeArticle", "Dybt indhold"), (skipped.ContentItemId, skipped.ContentType, skipped.DisplayText));
        Assert.Contains("nested deeper", skipped.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task One_bad_item_never_stops_a_rebuild()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Genopbygning", withNetworks: true);
        var first = await site.PublishAsync(tenant, Item("KnowledgeArticle", "Først", "Ordet anemone står her."));
        var deep = await StorePoisonAsync(site, tenant, Item("MeetingNote", "Dyb", "pladsholder", Visibility.Tenant), StoredDirectly.DeeplyNestedMarkdown);
        var tagged = await site.PublishAsync(tenant, Item("Case", "Mærket", "Ordet krokus står her."));
        await ChangeStoredAsync(site, tenant, tagged.ContentItemId, parts => parts["TagsPart"] = new JsonObject { ["Tags"] = new JsonArray(StoredDirectly.ImmenseTag) });
        var last = await site.PublishAsync(tenant, Item("KnowledgeArticle", "Sidst", "Ordet vintergæk står her."));

        var rebuilt = await site.Host.Services.GetRequiredService<SearchIndexer>().RebuildAsync(tenant);

        Assert.True(rebuilt > 0);
        Assert.Equal([first.ContentItemId], await site.HitIdsAsync(tenant, Editor, "anemone"));
        Assert.Equal([last.ContentItemId], await site.HitIdsAsync(tenant, Editor, "vintergæk"));
        Assert.Empty(await site.HitIdsAsync(tenant, Editor, "krokus"));
        Assert.Equal(new[] { deep.ContentItemId, tagged.ContentItemId }.Order(StringComparer.Ordinal),
            (await SkippedAsync(site, tenant)).Select(skipped => skipped.ContentItemId).Order(StringComparer.Ordinal));
        Assert.Null(site.Host.Services.GetRequiredService<LuceneIndexRegistry>().Find(tenant.Name, LuceneIndexesDocument.DefaultIndexName)!.RebuildReason);
    }

    [Fact]
    public async Task A_skipped_item_leaves_the_list_when_it_is_indexed_fine_or_deleted()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Rettet", withNetworks: true);
        var deep = await StorePoisonAsync(site, tenant, Item("MeetingNote", "Dyb", "pladsholder", Visibility.Tenant), StoredDirectly.DeeplyNestedMarkdown);
        var tagged = await site.PublishAsync(tenant, Item("Case", "Mærket", "Ordet krokus står her."));
        await ChangeStoredAsync(site, tenant, tagged.ContentItemId, parts => parts["TagsPart"] = new JsonObject { ["Tags"] = new JsonArray(StoredDirectly.ImmenseTag) });
        await site.CatchUpAsync(tenant);
        Assert.Equal(2, (await SkippedAsync(site, tenant)).Count);

        // An editor corrects the note, and deletes the case.
        await site.WriteAsync(tenant, async content =>
        {
            var latest = (await content.GetAsync(deep.ContentItemId, VersionOptions.Latest))!;
            latest.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "> Et citat om tulipaner.";
            await content.PublishAsync(latest);
            await content.DeleteAsync(tagged.ContentItemId);
        });
        await site.CatchUpAsync(tenant);

        Assert.Empty(await SkippedAsync(site, tenant));
        Assert.Equal([deep.ContentItemId], await site.HitIdsAsync(tenant, Editor, "tulipaner"));
    }

    /// <summary>Publishes <paramref name="item"/>, then stores <paramref name="markdown"/> as its body directly.</summary>
    internal static async Task<ContentItem> StorePoisonAsync(SearchTestSite site, TenantSettings tenant, ContentItem item, string markdown)
    {
        if (item.ContentType == "MeetingNote" && item.Text("NetworkItemPart", "NetworkContentItemId") is null)
        {
            item.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = NetworkA;
        }

        await site.PublishAsync(tenant, item);
        await ChangeStoredAsync(site, tenant, item.ContentItemId, parts => parts["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = markdown });
        return item;
    }

    private static async Task ChangeStoredAsync(SearchTestSite site, TenantSettings tenant, string contentItemId, Action<JsonObject> change)
    {
        await using var scope = site.Host.OpenScope(tenant);
        await StoredDirectly.ChangePartsAsync(scope, contentItemId, change);
    }

    private static Task<IReadOnlyList<SkippedItem>> SkippedAsync(SearchTestSite site, TenantSettings tenant) =>
        site.Host.Services.GetRequiredService<SearchIndexer>().SkippedAsync(tenant, LuceneIndexesDocument.DefaultIndexName);
}
