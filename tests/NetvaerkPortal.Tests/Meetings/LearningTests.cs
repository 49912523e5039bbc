using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>A learning promoted from the notes becomes a draft knowledge article of the network, visible to its members
/// only and owned by the writer; it cannot be published wider than the network until the anonymisation checklist is
/// ticked, and its page links back to the meeting for the network's members only.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class LearningTests(MeetingsApiPortal portal)
{
    private async Task<(string Meeting, string Article)> PromotedAsync(string title = "Sådan tager vi den svære samtale")
    {
        var meeting = await portal.NotedMeetingAsync();
        using var carl = portal.Client("carl");
        var response = await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/learnings"),
            MeetingsApiPortal.Json(new JsonObject { ["Title"] = title, ["Text"] = "Start med at lytte. Aftal næste skridt sammen." }.ToJsonString()));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (meeting, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["articleId"]!);
    }

    private Task<(ContentItem? Latest, ContentItem? Published)> ArticleAsync(string id) => portal.InTenantAsync(portal.Alfa, async services =>
    {
        var content = services.GetRequiredService<ContentManager>();
        return (await content.GetAsync(id, VersionOptions.Latest), await content.GetAsync(id, VersionOptions.Published));
    });

    /// <summary>The editor publishes the article with a visibility and the checklist boxes given.</summary>
    private async Task<HttpResponseMessage> PublishAsync(string article, string visibility, params string[] ticked)
    {
        using var editor = portal.Client("redaktoer");
        var json = JsonNode.Parse(await editor.GetStringAsync(MeetingsApiPortal.Url($"/api/content/{article}")))!.AsObject();
        json["Published"] = true;
        json["VisibilityPart"]!["Visibility"] = visibility;
        foreach (var box in ticked)
        {
            json["MeetingLearningPart"]![box] = true;
        }

        return await editor.PutAsync(MeetingsApiPortal.Url($"/api/content/{article}"), MeetingsApiPortal.Json(json.ToJsonString()));
    }

    [Fact]
    public async Task A_promoted_learning_is_an_unpublished_draft_of_the_network_owned_by_the_writer()
    {
        var (meeting, article) = await PromotedAsync();

        var (latest, published) = await ArticleAsync(article);
        Assert.Null(published);
        Assert.NotNull(latest);
        Assert.False(latest.Published);
        Assert.Equal("KnowledgeArticle", latest.ContentType);
        Assert.Equal("Network", latest.Text("VisibilityPart", "Visibility"));
        Assert.Equal(portal.NetworkX, latest.Text("NetworkItemPart", "NetworkContentItemId"));
        Assert.Equal(portal.UserIds["carl"], latest.Owner);
        Assert.Equal(meeting, latest.Text("MeetingLearningPart", "MeetingId"));
        Assert.False((bool)latest.Part("MeetingLearningPart")!["NamesRemoved"]!);
        Assert.EndsWith("learnings 1", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);

        var listed = (await portal.NotesJsonAsync("bo", meeting))["learnings"]![0]!;
        Assert.Equal("Sådan tager vi den svære samtale", (string)listed["title"]!);
        Assert.False((bool)listed["published"]!);
    }

    [Fact]
    public async Task Publishing_wider_than_the_network_is_refused_naming_each_unticked_box_until_the_checklist_is_complete()
    {
        var (_, article) = await PromotedAsync();

        var none = await PublishAsync(article, "Tenant");
        Assert.Equal("MeetingLearningPart.NamesRemoved", await NotesTestMeetings.RefusedFieldAsync(none));
        var two = await PublishAsync(article, "Public", "NamesRemoved", "WorkplacesRemoved");
        Assert.Equal("MeetingLearningPart.CitizensRemoved", await NotesTestMeetings.RefusedFieldAsync(two));
        Assert.Null((await ArticleAsync(article)).Published);

        var all = await PublishAsync(article, "Tenant", "NamesRemoved", "WorkplacesRemoved", "CitizensRemoved");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("Tenant", (await ArticleAsync(article)).Published!.Text("VisibilityPart", "Visibility"));
    }

    [Fact]
    public async Task Removing_the_part_does_not_get_round_the_checklist()
    {
        var (_, article) = await PromotedAsync();
        using var editor = portal.Client("redaktoer");
        var json = JsonNode.Parse(await editor.GetStringAsync(MeetingsApiPortal.Url($"/api/content/{article}")))!.AsObject();
        json.Remove("MeetingLearningPart");
        json["Published"] = true;
        json["VisibilityPart"]!["Visibility"] = "Public";

        var response = await editor.PutAsync(MeetingsApiPortal.Url($"/api/content/{article}"), MeetingsApiPortal.Json(json.ToJsonString()));

        Assert.Equal("MeetingLearningPart.NamesRemoved", await NotesTestMeetings.RefusedFieldAsync(response));
    }

    [Fact]
    public async Task Published_for_the_network_only_needs_no_checklist_and_its_page_links_back_to_the_meeting_for_members()
    {
        var (meeting, article) = await PromotedAsync("Læring med link 6610");
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(article, "Network")).StatusCode);
        var url = ContentUrls.Of("", (await ArticleAsync(article)).Published!);

        using var bo = await portal.PageSessionAsync("bo");
        var html = await bo.HtmlAsync(url);
        Assert.Contains("Fra netværksmødet", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/alfa/moeder/{meeting}\"", html, StringComparison.Ordinal);
        Assert.Contains("udgivet", await bo.HtmlAsync($"/moeder/{meeting}/noter"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_outside_the_network_see_a_published_learning_without_the_link_to_the_meeting()
    {
        var (meeting, article) = await PromotedAsync("Delt læring 4471");
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(article, "Tenant", "NamesRemoved", "WorkplacesRemoved", "CitizensRemoved")).StatusCode);
        var url = ContentUrls.Of("", (await ArticleAsync(article)).Published!);

        using var yrsa = await portal.PageSessionAsync("yrsa");
        var html = await yrsa.HtmlAsync(url);

        Assert.Contains("Delt læring 4471", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Fra netværksmødet", html, StringComparison.Ordinal);
        Assert.DoesNotContain(meeting, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editor_shows_the_anonymisation_checklist_with_its_hint()
    {
        var (_, article) = await PromotedAsync();
        using var editor = await portal.PageSessionAsync("redaktoer");

        var html = await editor.HtmlAsync($"/indhold/{article}/rediger");

        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        Assert.Contains("Navne er fjernet", html, StringComparison.Ordinal);
        Assert.Contains("Borgere kan ikke genkendes", html, StringComparison.Ordinal);
        Assert.Contains("Anonymisering: før teksten deles bredere end netværket", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_editor_refuses_wider_publishing_beside_the_box_and_publishes_once_all_are_ticked()
    {
        var (_, article) = await PromotedAsync();
        using var editor = await portal.PageSessionAsync("redaktoer");
        var path = $"/indhold/{article}/rediger";
        var fields = new Dictionary<string, string>
        {
            ["p.TitlePart.Title"] = "Anonymiseret læring",
            ["p.MarkdownBodyPart.Markdown"] = "Start med at lytte.",
            ["p.VisibilityPart.Visibility"] = "Tenant",
            ["p.NetworkItemPart.NetworkContentItemId"] = portal.NetworkX,
            ["action"] = "publish",
        };

        var refused = await editor.SubmitAsync(path, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Før den udgives bredere end netværket", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null((await ArticleAsync(article)).Published);

        fields["p.MeetingLearningPart.NamesRemoved"] = "true";
        fields["p.MeetingLearningPart.WorkplacesRemoved"] = "true";
        fields["p.MeetingLearningPart.CitizensRemoved"] = "true";
        var published = await editor.SubmitAsync(path, fields);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("Tenant", (await ArticleAsync(article)).Published!.Text("VisibilityPart", "Visibility"));
    }

    [Fact]
    public async Task A_plain_member_cannot_promote_a_learning_and_bad_input_names_the_field()
    {
        var meeting = await portal.NotedMeetingAsync();
        using var bo = portal.Client("bo");
        var refused = await bo.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/learnings"), MeetingsApiPortal.Json("""{"Title": "Min", "Text": "Tekst"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var carl = portal.Client("carl");
        Assert.Equal("Title", await NotesTestMeetings.RefusedFieldAsync(await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/learnings"),
            MeetingsApiPortal.Json(new JsonObject { ["Title"] = new string('t', 10_000), ["Text"] = "x" }.ToJsonString()))));
        Assert.Equal("Text", await NotesTestMeetings.RefusedFieldAsync(await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/learnings"),
            MeetingsApiPortal.Json("""{"Title": "Titel", "Text": false}"""))));
        Assert.Equal("Title", await NotesTestMeetings.RefusedFieldAsync(await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/learnings"),
            MeetingsApiPortal.Json("""{"Title": "a", "Title": "b", "Text": "x"}"""))));
        Assert.EndsWith("learnings 0", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_note_taker_shares_an_items_notes_as_a_learning_from_the_notes_page()
    {
        var meeting = await portal.NotedMeetingAsync();
        await portal.PutNoteAsync("carl", meeting, "0", """{"Text": "Runden viste, at alle mangler tid til ledelse.", "Revision": 0}""");
        using var carl = await portal.PageSessionAsync("carl");
        var path = $"/moeder/{meeting}/noter";

        var prefilled = await carl.HtmlAsync(path + "?laering=0");
        Assert.Contains("Runden viste, at alle mangler tid til ledelse.</textarea>", prefilled[prefilled.IndexOf("id=\"laering-tekst\"", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var empty = await carl.SubmitAsync(path, new Dictionary<string, string> { ["titel"] = "", ["tekst"] = "Noget" }, path + "/laering");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Feltet skal udfyldes.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var done = await carl.SubmitAsync(path, new Dictionary<string, string> { ["titel"] = "Tid til ledelse 2290", ["tekst"] = "Alle mangler tid." }, path + "/laering");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var html = await carl.HtmlAsync(path);
        Assert.Contains("Tid til ledelse 2290", html, StringComparison.Ordinal);
        Assert.Contains("kladde", html, StringComparison.Ordinal);
    }
}
