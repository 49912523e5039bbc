using NetvaerkPortal.Security;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>The front page and item pages are cached for anonymous readers only, and a write shows at once.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class AnonymousPageCacheTests(NetworkPortal portal)
{
    [Fact]
    public async Task A_new_public_item_shows_on_the_cached_front_page_at_the_next_request()
    {
        using var anonymous = portal.Client(ReaderKind.Anonymous);
        var before = await FrontPageAsync(anonymous);
        var title = "Nyhed efter cache " + Guid.NewGuid().ToString("N")[..8];
        Assert.DoesNotContain(title, before, StringComparison.Ordinal);

        await portal.PublishAsync(portal.Alfa, NetworkPortal.Item("KnowledgeArticle", title, "Tekst", Visibility.Public));

        Assert.Contains(title, await FrontPageAsync(anonymous), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_members_front_page_is_never_served_to_an_anonymous_reader_nor_the_other_way()
    {
        var title = "Kun for netværk X " + Guid.NewGuid().ToString("N")[..8];
        await portal.PublishAsync(portal.Alfa, NetworkPortal.Item("MeetingNote", title, "Tekst", Visibility.Network, portal.NetworkX));
        using var anonymous = portal.Client(ReaderKind.Anonymous);
        using var member = portal.Client(ReaderKind.MemberOfX);

        // Anonymous first (its page is stored), then the member, then anonymous again (the member's page was not stored).
        Assert.DoesNotContain(title, await FrontPageAsync(anonymous), StringComparison.Ordinal);
        Assert.Contains(title, await FrontPageAsync(member), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await FrontPageAsync(anonymous), StringComparison.Ordinal);
        var memberResponse = await member.GetAsync(new Uri("/alfa/", UriKind.Relative));
        Assert.DoesNotContain("Age", memberResponse.Headers.Select(h => h.Key));
    }

    [Fact]
    public async Task A_members_kept_front_page_shows_a_new_network_note_at_once_and_never_to_another_network()
    {
        using var memberOfX = portal.Client(ReaderKind.MemberOfX);
        using var memberOfY = portal.Client(ReaderKind.MemberOfY);
        await FrontPageAsync(memberOfX);
        await FrontPageAsync(memberOfY);
        var title = "Ny note i X " + Guid.NewGuid().ToString("N")[..8];

        await portal.PublishAsync(portal.Alfa, NetworkPortal.Item("MeetingNote", title, "Tekst", Visibility.Network, portal.NetworkX));

        Assert.Contains(title, await FrontPageAsync(memberOfX), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await FrontPageAsync(memberOfY), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cached_pages_follow_the_readers_language()
    {
        using var danish = portal.Client(ReaderKind.Anonymous);
        using var english = portal.Client(ReaderKind.Anonymous);
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        Assert.Contains("<html lang=\"da\"", await FrontPageAsync(danish), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", await FrontPageAsync(english), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"da\"", await FrontPageAsync(danish), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_anonymous_request_for_a_page_is_served_from_the_cache()
    {
        using var anonymous = portal.Client(ReaderKind.Anonymous);
        await anonymous.GetAsync(new Uri("/alfa/" + portal.PublicItem.Path, UriKind.Relative));

        var second = await anonymous.GetAsync(new Uri("/alfa/" + portal.PublicItem.Path, UriKind.Relative));

        // The output cache answers with the stored response's age.
        Assert.True(second.Headers.Age is not null, "expected the page from the anonymous page cache");
    }

    private static async Task<string> FrontPageAsync(HttpClient client) =>
        await (await client.GetAsync(new Uri("/alfa/", UriKind.Relative))).Content.ReadAsStringAsync();
}
