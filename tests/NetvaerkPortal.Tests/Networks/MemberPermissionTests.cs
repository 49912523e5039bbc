using System.Net;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>Who may write: members in their own networks, coordinators for their network, editors everywhere.</summary>
[Collection(NetworkPortalCollection.Name)]
public class MemberPermissionTests(NetworkPortal portal)
{
    private static readonly Uri Content = new("/alfa/api/content", UriKind.Relative);

    private static string Note(string network, string title, string visibility = "Network") => $$$"""
        {"ContentType": "MeetingNote", "Published": true, "TitlePart": {"Title": "{{{title}}}"}, "MarkdownBodyPart": {"Markdown": "Referat"},
         "VisibilityPart": {"Visibility": "{{{visibility}}}"}, "NetworkItemPart": {"NetworkContentItemId": "{{{network}}}"}, "MeetingNotePart": {"MeetingDate": "2026-11-11"}}
        """;

    [Fact]
    public async Task A_member_writes_notes_in_their_own_network_only()
    {
        using var member = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "medlem-x"));

        var own = await member.PostAsync(Content, NetworkPortal.Json(Note(portal.NetworkX, "Eget netværk")));
        var other = await member.PostAsync(Content, NetworkPortal.Json(Note(portal.NetworkY, "Andet netværk")));
        var publicNote = await member.PostAsync(Content, NetworkPortal.Json(Note(portal.NetworkX, "Offentligt notat", "Public")));
        var caseStory = await member.PostAsync(Content, NetworkPortal.Json("""{"ContentType": "Case", "TitlePart": {"Title": "Min case"}}"""));
        var lowercase = await member.PostAsync(Content, NetworkPortal.Json(Note(portal.NetworkX, "Små bogstaver", "network")));

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Created, lowercase.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, publicNote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, caseStory.StatusCode);
        var created = JsonNode.Parse(await own.Content.ReadAsStringAsync())!;
        Assert.Equal("moedenotater/eget-netvaerk", (string)created["AutoroutePart"]!["Path"]!);
        Assert.Equal("Network", (string)created["VisibilityPart"]!["Visibility"]!);
        Assert.True((bool)created["Published"]!);
        Assert.False(string.IsNullOrEmpty((string)created["Owner"]!));
    }

    [Fact]
    public async Task A_member_edits_their_own_note_but_not_a_colleagues_and_a_coordinator_edits_both()
    {
        await portal.CreateUserAsync(portal.Alfa, "kollega-x", "Member", (portal.NetworkX, "member"));
        await portal.CreateUserAsync(portal.Alfa, "tovholder-x", "Member", (portal.NetworkX, "coordinator"));
        using var author = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "medlem-x"));
        using var colleague = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "kollega-x"));
        using var coordinator = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "tovholder-x"));
        var created = await author.PostAsync(Content, NetworkPortal.Json(Note(portal.NetworkX, "Redigerbart notat")));
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["ContentItemId"]!;
        var uri = new Uri($"/alfa/api/content/{id}", UriKind.Relative);

        var byAuthor = await author.PutAsync(uri, NetworkPortal.Json(Note(portal.NetworkX, "Rettet af forfatteren")));
        var byColleague = await colleague.PutAsync(uri, NetworkPortal.Json(Note(portal.NetworkX, "Rettet af kollega")));
        var moved = await author.PutAsync(uri, NetworkPortal.Json(Note(portal.NetworkY, "Flyttet til Y")));
        var byCoordinator = await coordinator.PutAsync(uri, NetworkPortal.Json(Note(portal.NetworkX, "Rettet af tovholder")));
        var deleteByColleague = await colleague.DeleteAsync(uri);
        var deleteByCoordinator = await coordinator.DeleteAsync(uri);

        Assert.Equal(HttpStatusCode.OK, byAuthor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byColleague.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byCoordinator.StatusCode);
        Assert.Equal("Rettet af tovholder", (string)JsonNode.Parse(await byCoordinator.Content.ReadAsStringAsync())!["TitlePart"]!["Title"]!);
        Assert.Equal(HttpStatusCode.Forbidden, deleteByColleague.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteByCoordinator.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync(uri)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_writes_are_refused_and_store_nothing()
    {
        using var anonymous = portal.Client(ReaderKind.Anonymous);

        var response = await anonymous.PostAsync(Content, NetworkPortal.Json("""{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "Anonym 1212"}}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var editor = portal.Client(ReaderKind.Editor);
        Assert.DoesNotContain("Anonym 1212", await editor.GetStringAsync(new Uri("/alfa/api/content?pageSize=100", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_manages_their_networks_members_and_a_new_member_reads_at_once()
    {
        await portal.CreateUserAsync(portal.Alfa, "tovholder-y", "Member", (portal.NetworkY, "tovholder"));
        await portal.CreateUserAsync(portal.Alfa, "ny-i-x", "Member");
        using var coordinatorY = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "tovholder-y"));
        using var memberX = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "medlem-x"));
        using var newcomer = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "ny-i-x"));
        var note = new Uri($"/alfa/api/content/{portal.NetworkXItem.Id}", UriKind.Relative);
        Assert.Equal(HttpStatusCode.NotFound, (await newcomer.GetAsync(note)).StatusCode);

        var byMember = await memberX.PutAsync(new Uri($"/alfa/api/networks/{portal.NetworkX}/members/ny-i-x", UriKind.Relative), NetworkPortal.Json("""{"Role": "member"}"""));
        var byOtherCoordinator = await coordinatorY.PutAsync(new Uri($"/alfa/api/networks/{portal.NetworkX}/members/ny-i-x", UriKind.Relative), NetworkPortal.Json("""{"Role": "member"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherCoordinator.StatusCode);

        var added = await coordinatorY.PutAsync(new Uri($"/alfa/api/networks/{portal.NetworkY}/members/ny-i-x", UriKind.Relative), NetworkPortal.Json("""{"Role": "medlem"}"""));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var list = JsonNode.Parse(await coordinatorY.GetStringAsync(new Uri($"/alfa/api/networks/{portal.NetworkY}/members", UriKind.Relative)))!.AsArray();
        Assert.Contains(list, m => (string)m!["userName"]! == "ny-i-x" && (string)m["role"]! == "member");
        Assert.Contains(list, m => (string)m!["userName"]! == "tovholder-y" && (string)m["role"]! == "coordinator");

        using var editor = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "redaktoer"));
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsync(new Uri($"/alfa/api/networks/{portal.NetworkX}/members/ny-i-x", UriKind.Relative), NetworkPortal.Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync(note)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync(new Uri($"/alfa/api/networks/{portal.NetworkX}/members/ny-i-x", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await newcomer.GetAsync(note)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_role_is_refused_naming_the_field()
    {
        using var editor = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "redaktoer"));

        var response = await editor.PutAsync(new Uri($"/alfa/api/networks/{portal.NetworkX}/members/medlem-y", UriKind.Relative), NetworkPortal.Json("""{"Role": "konge"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().ContainsKey("Role"));
    }
}

[Collection(NetworkPortalOnPostgresCollection.Name)]
public sealed class MemberPermissionTestsOnPostgres(NetworkPortalOnPostgres portal) : MemberPermissionTests(portal);
