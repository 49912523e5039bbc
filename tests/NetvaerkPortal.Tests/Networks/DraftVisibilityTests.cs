using System.Net;
using System.Text.Json.Nodes;
using static NetvaerkPortal.Tests.Networks.AuthorizationMatrixTests;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>A draft is seen only by those who may edit it: never on a page, never by a reader who may not edit.</summary>
[Collection(NetworkPortalCollection.Name)]
public class DraftVisibilityTests(NetworkPortal portal)
{
    public static TheoryData<ReaderKind> NonEditors() => [ReaderKind.Anonymous, ReaderKind.MemberOfX, ReaderKind.MemberOfY, ReaderKind.AdministratorOfOtherTenant];

    [Theory]
    [MemberData(nameof(NonEditors))]
    public async Task A_never_published_item_is_invisible_to_readers_who_cannot_edit_it(ReaderKind reader)
    {
        using var client = portal.Client(reader);

        foreach (var path in Enum.GetValues<ReadPath>())
        {
            var (status, body) = await ReadAsync(client, path, portal.DraftItem);

            Assert.Equal(path is ReadPath.Page or ReadPath.ApiGet ? HttpStatusCode.NotFound : HttpStatusCode.OK, status);
            Assert.DoesNotContain(portal.DraftItem.Title, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(NonEditors))]
    public async Task A_newer_draft_of_a_published_item_never_reaches_readers_who_cannot_edit_it(ReaderKind reader)
    {
        using var client = portal.Client(reader);

        foreach (var path in Enum.GetValues<ReadPath>())
        {
            var (status, body) = await ReadAsync(client, path, portal.PublishedWithDraft);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(portal.PublishedWithDraft.Body, body, StringComparison.Ordinal);
            Assert.DoesNotContain(NetworkPortal.DraftOnlyText, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ReaderKind.Editor)]
    [InlineData(ReaderKind.Administrator)]
    public async Task Editors_get_the_latest_version_through_the_API_but_pages_show_the_published_one(ReaderKind reader)
    {
        using var client = portal.Client(reader);

        var (draftStatus, draft) = await ReadAsync(client, ReadPath.ApiGet, portal.DraftItem);
        var (_, latest) = await ReadAsync(client, ReadPath.ApiGet, portal.PublishedWithDraft);
        var (_, list) = await ReadAsync(client, ReadPath.ApiList, portal.DraftItem);
        var (pageStatus, _) = await ReadAsync(client, ReadPath.Page, portal.DraftItem);
        var (_, page) = await ReadAsync(client, ReadPath.Page, portal.PublishedWithDraft);

        Assert.Equal(HttpStatusCode.OK, draftStatus);
        Assert.False((bool)JsonNode.Parse(draft)!["Published"]!);
        Assert.Contains(NetworkPortal.DraftOnlyText, latest, StringComparison.Ordinal);
        Assert.Contains(portal.DraftItem.Id, Ids(ReadPath.ApiList, list));
        Assert.Equal(HttpStatusCode.NotFound, pageStatus);
        Assert.DoesNotContain(NetworkPortal.DraftOnlyText, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_members_own_draft_is_theirs_and_their_coordinators_alone()
    {
        await portal.CreateUserAsync(portal.Alfa, "tovholder-x-kladde", "Member", (portal.NetworkX, "coordinator"));
        using var author = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "medlem-x"));
        using var coordinatorClient = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "tovholder-x-kladde"));
        var created = await author.PostAsync(new Uri("/alfa/api/content", UriKind.Relative), NetworkPortal.Json($$$"""
            {"ContentType": "MeetingNote", "TitlePart": {"Title": "Mit udkast 7007"}, "MarkdownBodyPart": {"Markdown": "Udkast 7007"},
             "NetworkItemPart": {"NetworkContentItemId": "{{{portal.NetworkX}}}"}, "MeetingNotePart": {"MeetingDate": "2026-10-01"}}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["ContentItemId"]!;
        var uri = new Uri($"/alfa/api/content/{id}", UriKind.Relative);

        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinatorClient.GetAsync(uri)).StatusCode);
        foreach (var reader in new[] { ReaderKind.Anonymous, ReaderKind.MemberOfY })
        {
            using var other = portal.Client(reader);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(uri)).StatusCode);
        }

        // Another member of the same network reads published notes of the network, but not this draft.
        await portal.CreateUserAsync(portal.Alfa, "medlem-x-2", "Member", (portal.NetworkX, "member"));
        using var colleague = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "medlem-x-2"));
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync(new Uri($"/alfa/api/content/{portal.NetworkXItem.Id}", UriKind.Relative))).StatusCode);
    }
}

[Collection(NetworkPortalOnPostgresCollection.Name)]
public sealed class DraftVisibilityTestsOnPostgres(NetworkPortalOnPostgres portal) : DraftVisibilityTests(portal);
