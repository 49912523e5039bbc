using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>Bad input on the JSON API: HTTP 400 with RFC 7807 problem details naming the field, and nothing stored.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class ContentApiBadInputTests(NetworkPortal portal)
{
    public static TheoryData<string, string, string> BadItems() => new()
    {
        { "missing title", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "  "}, "VisibilityPart": {"Visibility": "Public"}}""", "TitlePart.Title" },
        { "missing title part", """{"ContentType": "KnowledgeArticle", "MarkdownBodyPart": {"Markdown": "Ingen titel"}}""", "TitlePart" },
        { "over-long title", $$$"""{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "{{{new string('x', 201)}}}"}}""", "TitlePart.Title" },
        { "over-long body", $$$"""{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "Lang"}, "MarkdownBodyPart": {"Markdown": "{{{new string('x', 100_001)}}}"}}""", "MarkdownBodyPart.Markdown" },
        { "over-long cadence", $$$"""{"ContentType": "Network", "TitlePart": {"Title": "Netværk"}, "NetworkPart": {"Cadence": "{{{new string('x', 201)}}}"}}""", "NetworkPart.Cadence" },
        { "unknown network id", """{"ContentType": "MeetingNote", "TitlePart": {"Title": "Notat"}, "NetworkItemPart": {"NetworkContentItemId": "findes-ikke"}, "MeetingNotePart": {"MeetingDate": "2026-09-16"}}""", "NetworkItemPart.NetworkContentItemId" },
        { "meeting note without network part", """{"ContentType": "MeetingNote", "TitlePart": {"Title": "Notat"}, "MeetingNotePart": {"MeetingDate": "2026-09-16"}}""", "NetworkItemPart" },
        { "meeting note without network", """{"ContentType": "MeetingNote", "TitlePart": {"Title": "Notat"}, "NetworkItemPart": {}, "MeetingNotePart": {"MeetingDate": "2026-09-16"}}""", "NetworkItemPart.NetworkContentItemId" },
        { "bad visibility", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "Synlighed"}, "VisibilityPart": {"Visibility": "Hemmelig"}}""", "VisibilityPart.Visibility" },
        { "network visibility without network", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "Synlighed"}, "VisibilityPart": {"Visibility": "Network"}}""", "VisibilityPart.Visibility" },
        { "bad meeting date", """{"ContentType": "MeetingNote", "TitlePart": {"Title": "Notat"}, "NetworkItemPart": {"NetworkContentItemId": "x"}, "MeetingNotePart": {"MeetingDate": "i går"}}""", "MeetingNotePart.MeetingDate" },
        { "tags not a list", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "Emner"}, "TagsPart": {"Tags": "ledelse"}}""", "TagsPart.Tags" },
        { "title not text", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": 42}}""", "TitlePart.Title" },
        { "part not an object", """{"ContentType": "KnowledgeArticle", "TitlePart": "Titel"}""", "TitlePart" },
        { "unknown type", """{"ContentType": "Opskrift", "TitlePart": {"Title": "Æblekage"}}""", "ContentType" },
        { "missing type", """{"TitlePart": {"Title": "Uden type"}}""", "ContentType" },
        { "reserved path", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "Sti"}, "AutoroutePart": {"Path": "api/content"}}""", "AutoroutePart.Path" },
        { "malformed JSON", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "Halv" """, "body" },
        { "not an object", """["KnowledgeArticle"]""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task Bad_input_is_refused_with_a_problem_naming_the_field_and_nothing_is_stored(string because, string json, string field)
    {
        using var editor = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "redaktoer"));
        var before = await CountsAsync();

        var response = await editor.PostAsync(new Uri("/alfa/api/content", UriKind.Relative), NetworkPortal.Json(json));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"{because}: expected '{field}' in {errors.ToJsonString()}");
        Assert.False(string.IsNullOrWhiteSpace((string)errors[field]![0]!));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_refused_update_leaves_the_item_as_it_was()
    {
        using var editor = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "redaktoer"));
        var uri = new Uri($"/alfa/api/content/{portal.PublicItem.Id}", UriKind.Relative);
        var before = await CountsAsync();

        var response = await editor.PutAsync(uri, NetworkPortal.Json($$$"""{"TitlePart": {"Title": "{{{new string('y', 300)}}}"}, "Published": true}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
        using var anonymous = portal.Client(ReaderKind.Anonymous);
        Assert.Contains(portal.PublicItem.Title, await anonymous.GetStringAsync(uri), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_answer_404_for_every_verb()
    {
        using var editor = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "redaktoer"));
        var uri = new Uri("/alfa/api/content/findes-ikke", UriKind.Relative);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PutAsync(uri, NetworkPortal.Json("""{"TitlePart": {"Title": "x"}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.DeleteAsync(uri)).StatusCode);
    }

    [Fact]
    public async Task Bad_paging_is_refused_naming_the_parameter()
    {
        using var client = portal.Client(ReaderKind.Anonymous);

        var response = await client.GetAsync(new Uri("/alfa/api/content?pageSize=1000", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().ContainsKey("pageSize"));
    }

    private Task<(int Versions, int Log, int Routes)> CountsAsync() => portal.InTenantAsync(portal.Alfa, async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        return (await db.ContentItems.CountAsync(), await db.IndexingLog.CountAsync(), await db.AutorouteIndex.CountAsync());
    });
}
