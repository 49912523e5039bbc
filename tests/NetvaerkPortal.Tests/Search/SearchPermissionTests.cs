using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Security;
using static NetvaerkPortal.Tests.Search.SearchTestSite;

namespace NetvaerkPortal.Tests.Search;

/// <summary>A reader's search never shows what the reader may not open: not as a hit, a count, a facet
/// value, a snippet, nor a "Mente du" suggestion.</summary>
public sealed class SearchPermissionTests
{
    [Fact]
    public async Task Readers_see_hits_counts_facets_and_snippets_only_from_what_they_may_read()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Rettigheder", withNetworks: true);
        var open = await site.PublishAsync(tenant, Item("KnowledgeArticle", "Gode møder for alle", "Offentlig viden om møder.", tags: ["offentlig"]));
        var inside = await site.PublishAsync(tenant, Item("KnowledgeArticle", "Interne møder", "Kun for organisationens medlemmer: møder om budget.", Visibility.Tenant, tags: ["intern"]));
        var noteA = await site.PublishAsync(tenant, Item("MeetingNote", "Mødenotat fra netværk A", "Vi talte om møder og om lønforhandling i afdeling A.", Visibility.Network, NetworkA, ["alfa-emne"]));
        var noteB = await site.PublishAsync(tenant, Item("MeetingNote", "Mødenotat fra netværk B", "Fortroligt om møder: omstrukturering af zebrafinkeafdelingen.", Visibility.Network, NetworkB, ["beta-emne"]));
        await site.CatchUpAsync(tenant);

        await ExpectOnly(site, tenant, Anonymous, open.ContentItemId);
        await ExpectOnly(site, tenant, SignedInWithoutNetworks, open.ContentItemId, inside.ContentItemId);
        await ExpectOnly(site, tenant, MemberOfA, open.ContentItemId, inside.ContentItemId, noteA.ContentItemId);
        await ExpectOnly(site, tenant, MemberOfB, open.ContentItemId, inside.ContentItemId, noteB.ContentItemId);
        await ExpectOnly(site, tenant, Editor, open.ContentItemId, inside.ContentItemId, noteA.ContentItemId, noteB.ContentItemId);

        var asA = await site.SearchAsync(tenant, MemberOfA, "møder");
        Assert.Equal([NetworkA], asA.Facets.Network.Keys);
        Assert.DoesNotContain("beta-emne", asA.Facets.Tag.Keys);
        Assert.Equal(2, asA.Facets.ContentType["KnowledgeArticle"]);
        Assert.Equal(1, asA.Facets.ContentType["MeetingNote"]);
        Assert.All(asA.Hits, hit => Assert.DoesNotContain("zebrafinke", hit.Snippet, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_word_only_an_unreadable_item_contains_finds_nothing_and_is_never_suggested()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Hemmelig", withNetworks: true);
        await site.PublishAsync(tenant, Item("KnowledgeArticle", "Offentlig side", "Om sparring i netværket.", tags: ["sparring"]));
        await site.PublishAsync(tenant, Item("MeetingNote", "Fortroligt notat", "Zebrafinkeprojektet lukker.", Visibility.Network, NetworkB, ["zebrafinke"]));
        await site.CatchUpAsync(tenant);

        foreach (var reader in new[] { Anonymous, MemberOfA, SignedInWithoutNetworks })
        {
            var exact = await site.SearchAsync(tenant, reader, "zebrafinkeprojektet");
            var typo = await site.SearchAsync(tenant, reader, "zebrafinkeprojaktet");
            var filtered = await site.SearchAsync(tenant, reader, "", network: NetworkB);
            var tagged = await site.SearchAsync(tenant, reader, "", tag: "zebrafinke");

            Assert.Equal(0, exact.Total);
            Assert.Null(exact.DidYouMean);
            Assert.Equal(0, typo.Total);
            Assert.Null(typo.DidYouMean);
            Assert.Equal(0, filtered.Total);
            Assert.Equal(0, tagged.Total);
            Assert.Empty(tagged.Facets.Tag);
        }

        var member = await site.SearchAsync(tenant, MemberOfB, "zebrafinkeprojaktet");
        Assert.StartsWith("zebrafinkeprojekt", member.DidYouMean, StringComparison.Ordinal);
        Assert.Equal(1, member.Total);
    }

    [Fact]
    public async Task Another_tenants_items_are_never_found_even_by_its_editors()
    {
        await using var site = Create();
        var first = await site.CreateTenantAsync("Forste");
        var second = await site.CreateTenantAsync("Anden");
        await site.PublishAsync(first, Item("KnowledgeArticle", "Lønpolitik i første organisation", "Offentlig lønpolitik.", tags: ["løn"]));
        await site.PublishAsync(second, Item("KnowledgeArticle", "Mødekultur", "Om mødekultur.", tags: ["møder"]));
        await site.CatchUpAsync(first);
        await site.CatchUpAsync(second);

        var results = await site.SearchAsync(second, Editor, "lønpolitik");
        var everything = await site.SearchAsync(second, Editor, "");

        Assert.Equal(0, results.Total);
        Assert.Equal(1, everything.Total);
        Assert.DoesNotContain("løn", everything.Facets.Tag.Keys);
        Assert.Equal(1, (await site.SearchAsync(first, Anonymous, "lønpolitik")).Total);
    }

    [Fact]
    public async Task A_draft_is_found_by_nobody_until_it_is_published()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Kladde");
        var draft = Item("KnowledgeArticle", "Kladde om kvalitetsmodellen", "Ikke færdig endnu.");
        await site.WriteAsync(tenant, content => content.SaveDraftAsync(draft));
        await site.CatchUpAsync(tenant);

        Assert.Equal(0, (await site.SearchAsync(tenant, Editor, "kvalitetsmodellen")).Total);

        await site.WriteAsync(tenant, content => content.PublishLatestAsync(draft.ContentItemId));
        await site.CatchUpAsync(tenant);

        Assert.Equal(1, (await site.SearchAsync(tenant, Anonymous, "kvalitetsmodellen")).Total);
    }

    private static async Task ExpectOnly(SearchTestSite site, NetvaerkPortal.Tenants.TenantSettings tenant, Reader reader, params string[] ids)
    {
        var results = await site.SearchAsync(tenant, reader, "møder", pageSize: 50);
        Assert.Equal(ids.Order(StringComparer.Ordinal), results.Hits.Select(hit => hit.ContentItemId).Order(StringComparer.Ordinal));
        Assert.Equal(ids.Length, results.Total);
        Assert.Equal(ids.Length, results.Facets.ContentType.Values.Sum());
        // Browsing everything also lists the networks themselves, which only their members and editors may read.
        var networks = new[] { NetworkA, NetworkB }.Where(n => reader.CanReadEverything || reader.NetworkIds.Contains(n)).ToList();
        var browsing = await site.SearchAsync(tenant, reader, "", pageSize: 50);
        Assert.Equal(ids.Concat(networks).Order(StringComparer.Ordinal), browsing.Hits.Select(hit => hit.ContentItemId).Order(StringComparer.Ordinal));
    }
}
