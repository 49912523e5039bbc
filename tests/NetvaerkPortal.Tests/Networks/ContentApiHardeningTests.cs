using System.Net;
using System.Text.Json.Nodes;
using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>What the outside probe sent to /api/content, and its variants: every one is a 400 naming the field
/// (or a 404 where the item may not be read), never a 500, and nothing is stored.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class ContentApiHardeningTests(NetworkPortal portal)
{
    private static readonly Uri Content = new("/gamma/api/content", UriKind.Relative);

    [Fact]
    public async Task A_meeting_note_of_30000_quote_marks_is_refused_naming_the_markdown_and_the_allowed_depth()
    {
        var gamma = await HardeningTenant.OfAsync(portal);
        using var member = gamma.Member();
        var note = Note(gamma.NetworkP, "Dybt notat");
        note["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = new string('>', 30_000) };

        var response = await member.PostAsync(Content, NetworkPortal.Json(note));

        var message = await ExpectInvalidAsync(response, "MarkdownBodyPart.Markdown");
        Assert.Contains("at most 32 levels", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_and_case_texts_are_bounded_like_the_body()
    {
        var gamma = await HardeningTenant.OfAsync(portal);
        using var editor = gamma.Editor();

        var network = await editor.PostAsync(Content, NetworkPortal.Json($$$"""{"ContentType": "Network", "TitlePart": {"Title": "N"}, "NetworkPart": {"GroundRules": "{{{new string('>', 100)}}}"}}"""));
        var caseStory = await editor.PostAsync(Content, NetworkPortal.Json($$$"""{"ContentType": "Case", "TitlePart": {"Title": "C"}, "CasePart": {"Sector": "{{{new string('[', 100)}}}"}}"""));

        await ExpectInvalidAsync(network, "NetworkPart.GroundRules");
        await ExpectInvalidAsync(caseStory, "CasePart.Sector");
    }

    [Fact]
    public async Task A_stored_note_that_nests_too_deeply_shows_as_plain_text_on_its_page()
    {
        var gamma = await HardeningTenant.OfAsync(portal);
        var note = await gamma.PublishAsync(NetworkPortal.Item("KnowledgeArticle", "Gammelt dybt notat", "kort", "Public"));
        await gamma.StoreRawAsync(note.ContentItemId, new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = "Gammelt dybt notat" },
            ["VisibilityPart"] = new JsonObject { ["Visibility"] = "Public" },
            ["AutoroutePart"] = new JsonObject { ["Path"] = note.Text("AutoroutePart", "Path") },
            ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = new string('>', 30_000) + " <script>alert(1)</script>" },
        }.ToJsonString());
        using var anonymous = portal.Client(ReaderKind.Anonymous);

        var byId = await anonymous.GetAsync(new Uri($"/gamma/content/{note.ContentItemId}", UriKind.Relative));
        var byPath = await anonymous.GetAsync(new Uri($"/gamma/{note.Text("AutoroutePart", "Path")}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byPath.StatusCode);
        var page = await byId.Content.ReadAsStringAsync();
        Assert.Contains("class=\"plain-text\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_part_nested_62_levels_deep_is_refused_naming_it()
    {
        var gamma = await HardeningTenant.OfAsync(portal);
        using var member = gamma.Member();
        var deep = """{"ContentType": "KnowledgeArticle", "Published": true, "TitlePart": {"Title": "Artikel"}, "VisibilityPart": {"Visibility": "Tenant"}, "Extra": """
            + string.Concat(Enumerable.Repeat("""{"a": """, 62)) + "{}" + new string('}', 62) + "}";
        var shallow = """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "Artikel"}, "Extra": {}, "Andet": {"x": 1}}""";

        await ExpectInvalidAsync(await member.PostAsync(Content, NetworkPortal.Json(deep)), "Extra");
        var problem = JsonNode.Parse(await (await member.PostAsync(Content, NetworkPortal.Json(shallow))).Content.ReadAsStringAsync())!;
        Assert.Equal(["Andet", "Extra"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_stored_item_nested_62_levels_deep_is_left_out_and_lists_and_exports_still_answer()
    {
        var gamma = await HardeningTenant.OfAsync(portal);
        var bad = await gamma.PublishAsync(NetworkPortal.Item("KnowledgeArticle", "Forgiftet artikel", "x", "Tenant"));
        await gamma.StoreRawAsync(bad.ContentItemId,
            """{"TitlePart": {"Title": "Forgiftet artikel"}, "VisibilityPart": {"Visibility": "Tenant"}, "Extra": """ + string.Concat(Enumerable.Repeat("""{"a": """, 62)) + "{}" + new string('}', 62) + "}");
        using var member = gamma.Member();
        using var editor = gamma.Editor();

        foreach (var (client, uri) in new[] { (member, "/gamma/api/content?pageSize=100"), (editor, "/gamma/api/content?pageSize=100"), (member, "/gamma/api/export"), (editor, "/gamma/api/export") })
        {
            var response = await client.GetAsync(new Uri(uri, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{uri}: {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains(gamma.TenantArticle, body, StringComparison.Ordinal);
            Assert.DoesNotContain(bad.ContentItemId, body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(new Uri($"/gamma/api/content/{bad.ContentItemId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.DeleteAsync(new Uri($"/gamma/api/content/{bad.ContentItemId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync(new Uri($"/gamma/api/content/{bad.ContentItemId}", UriKind.Relative))).StatusCode);
    }

    public static TheoryData<string, string, string> ProbeBodies() => new()
    {
        { "visibility as a number", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "a"}, "VisibilityPart": {"Visibility": 1}}""", "VisibilityPart.Visibility" },
        { "visibility as a bool", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "a"}, "VisibilityPart": {"Visibility": true}}""", "VisibilityPart.Visibility" },
        { "a duplicate key", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "a"}, "VisibilityPart": {"Visibility": "Tenant", "Visibility": "Public"}}""", "VisibilityPart.Visibility" },
        { "a duplicate part", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "a"}, "TitlePart": {"Title": "b"}}""", "TitlePart" },
        { "a lone surrogate", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "a\ud800"}}""", "TitlePart.Title" },
        { "an array for Title", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": ["a"]}}""", "TitlePart.Title" },
        { "a string for a part", """{"ContentType": "KnowledgeArticle", "TitlePart": "a"}""", "TitlePart" },
        { "a number for the path", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "a"}, "AutoroutePart": {"Path": 5}}""", "AutoroutePart.Path" },
        { "NUL in the title", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "a\u0000b"}}""", "TitlePart.Title" },
        { "a right-to-left override in the title", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "rapport\u202Excod.exe"}}""", "TitlePart.Title" },
        { "an id that climbs out", """{"ContentItemId": "../../etc", "ContentType": "KnowledgeArticle", "TitlePart": {"Title": "a"}}""", "ContentItemId" },
        { "a path browsers read as another host", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "a"}, "AutoroutePart": {"Path": "\\\\evil.example/phish"}}""", "AutoroutePart.Path" },
        { "a number for the type", """{"ContentType": 5, "TitlePart": {"Title": "a"}}""", "ContentType" },
        { "a string for Published", """{"ContentType": "KnowledgeArticle", "Published": "yes", "TitlePart": {"Title": "a"}}""", "Published" },
    };

    [Theory]
    [MemberData(nameof(ProbeBodies))]
    public async Task What_the_probe_sent_is_a_400_naming_the_field_for_a_member_and_an_editor(string because, string json, string field)
    {
        var gamma = await HardeningTenant.OfAsync(portal);
        using var member = gamma.Member();
        using var editor = gamma.Editor();

        // In the member's own network, so that only what is wrong with the body can refuse it.
        json = json.Replace("\"ContentType\": \"KnowledgeArticle\"", $"\"ContentType\": \"KnowledgeArticle\", \"NetworkItemPart\": {{\"NetworkContentItemId\": \"{gamma.NetworkP}\"}}", StringComparison.Ordinal);

        await ExpectInvalidAsync(await member.PostAsync(Content, NetworkPortal.Json(json)), field, because);
        await ExpectInvalidAsync(await editor.PostAsync(Content, NetworkPortal.Json(json)), field, because);
    }

    /// <summary>The class, not the instances: every field of every part the module and the platform define, given
    /// each JSON type it must not be, by POST and by PUT.</summary>
    [Fact]
    public async Task Every_field_of_every_part_refuses_every_wrong_json_type_by_post_and_put()
    {
        var gamma = await HardeningTenant.OfAsync(portal);
        using var editor = gamma.Editor();
        var existing = new Dictionary<string, string>();
        foreach (var type in NetworkContentTypes.Names)
        {
            var created = await editor.PostAsync(Content, NetworkPortal.Json(Valid(type, gamma.NetworkP)));
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{type}: {await created.Content.ReadAsStringAsync()}");
            existing[type] = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["ContentItemId"]!;
        }

        var failures = new List<string>();
        foreach (var (type, part, field, shape) in Fields())
        {
            foreach (var wrong in WrongValues(shape))
            {
                var body = Valid(type, gamma.NetworkP);
                var partObject = body[part] as JsonObject ?? new JsonObject();
                body[part] = partObject;
                partObject[field] = "WRONG_VALUE";
                var json = body.ToJsonString().Replace("\"WRONG_VALUE\"", wrong, StringComparison.Ordinal);
                foreach (var (verb, send) in new (string, Func<Task<HttpResponseMessage>>)[]
                {
                    ("POST", () => editor.PostAsync(Content, NetworkPortal.Json(json))),
                    ("PUT", () => editor.PutAsync(new Uri($"/gamma/api/content/{existing[type]}", UriKind.Relative), NetworkPortal.Json(json))),
                })
                {
                    var response = await send();
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.BadRequest || JsonNode.Parse(text)?["errors"]?[$"{part}.{field}"] is null || text.Contains("System.", StringComparison.Ordinal))
                    {
                        failures.Add($"{verb} {type} {part}.{field} = {wrong}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Posting_the_id_of_an_item_the_caller_may_not_read_is_404_as_if_it_did_not_exist()
    {
        var gamma = await HardeningTenant.OfAsync(portal);
        using var member = gamma.Member();
        using var editor = gamma.Editor();

        var unreadable = Note(gamma.NetworkP, "Stjålet id");
        unreadable["ContentItemId"] = gamma.NoteInQ;
        var readable = Note(gamma.NetworkP, "Kendt id");
        readable["ContentItemId"] = gamma.TenantArticle;

        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync(Content, NetworkPortal.Json(unreadable))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await member.PostAsync(Content, NetworkPortal.Json(readable))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsync(Content, NetworkPortal.Json(unreadable))).StatusCode);
    }

    [Theory]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("4GJXGAM51TFYF5VHJ02ZHVQECB")]
    [InlineData("findes-ikke")]
    public async Task An_id_not_of_the_id_shape_is_404_for_reads_and_for_writes_to_it(string id)
    {
        var gamma = await HardeningTenant.OfAsync(portal);
        using var editor = gamma.Editor();
        var uri = new Uri($"/gamma/api/content/{id}", UriKind.Relative);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PutAsync(uri, NetworkPortal.Json("""{"TitlePart": {"Title": "x"}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.DeleteAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(new Uri($"/gamma/content/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(new Uri($"/gamma/api/networks/{id}/members", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("""{"Role": 5}""", "Role")]
    [InlineData("""{"Role": true}""", "Role")]
    [InlineData("""{"Role": ["member"]}""", "Role")]
    [InlineData("""{"Role": "member", "Role": "coordinator"}""", "Role")]
    [InlineData("""{"Role": "member", "role": "coordinator"}""", "role")]
    [InlineData("""{"Role": "\ud800"}""", "Role")]
    [InlineData("""{"Rolle": "member"}""", "Rolle")]
    [InlineData("""["member"]""", "body")]
    [InlineData("""{"Role": """, "body")]
    public async Task The_members_api_says_what_role_must_be_without_naming_a_dotnet_type(string json, string field)
    {
        var gamma = await HardeningTenant.OfAsync(portal);
        using var editor = gamma.Editor();

        var response = await editor.PutAsync(new Uri($"/gamma/api/networks/{gamma.NetworkP}/members/medlem-p", UriKind.Relative), NetworkPortal.Json(json));

        var message = await ExpectInvalidAsync(response, field, json);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
    }

    private static JsonObject Note(string network, string title) => JsonNode.Parse($$$"""
        {"ContentType": "MeetingNote", "Published": true, "TitlePart": {"Title": "{{{title}}}"}, "MarkdownBodyPart": {"Markdown": "Referat"},
         "VisibilityPart": {"Visibility": "Network"}, "NetworkItemPart": {"NetworkContentItemId": "{{{network}}}"}, "MeetingNotePart": {"MeetingDate": "2026-11-11"}}
        """)!.AsObject();

    private static JsonObject Valid(string type, string network) => type == NetworkContentTypes.MeetingNote
        ? Note(network, "Gyldigt notat")
        : new JsonObject { ["ContentType"] = type, ["TitlePart"] = new JsonObject { ["Title"] = "Gyldig " + type } };

    /// <summary>Every field of every part with a shape, on a type that has the part.</summary>
    private static IEnumerable<(string Type, string Part, string Field, FieldShape Shape)> Fields() =>
        ContentPartShape.Platform.Concat(NetworkPartShapes.All)
            .SelectMany(shape => NetworkContentTypes.Definitions.Where(t => t.HasPart(shape.PartName)).Take(1)
                .SelectMany(type => shape.Fields.Select(field => (type.Name, shape.PartName, field.Key, field.Value))));

    private static string[] WrongValues(FieldShape shape) => shape.Type switch
    {
        FieldType.Text => ["5", "true", "[\"a\"]", "{\"Text\": \"a\"}", "\"a\\ud800\"", "\"a\\u0000\""],
        FieldType.TextList => ["5", "\"a\"", "{}", "[5]", "[[\"a\"]]", "[\"\\udc00\"]"],
        _ => ["\"true\"", "1", "[]", "{}"],
    };

    private static async Task<string> ExpectInvalidAsync(HttpResponseMessage response, string field, string? because = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: {(int)response.StatusCode} {text}");
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"{because}: expected '{field}' in {errors.ToJsonString()}");
        return (string)errors[field]![0]!;
    }
}
