using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Content;

/// <summary>Every write (API, admin, recipe) goes through ContentManager, which refuses, naming the field, what the
/// item's type does not define, fields of the wrong JSON type, control and text-direction characters, Markdown nested
/// too deeply, ids not of Orchard's shape and paths that are not slugs; and nothing is written then.</summary>
public sealed class ContentShapeTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private TenantSettings _tenant = null!;

    public async Task InitializeAsync()
    {
        _host = PortalTestHost.Create();
        _tenant = await _host.CreateTenantAsync("Shape");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string, string> RefusedItems() => new()
    {
        { "an unknown part nested deep", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "Extra": {"a": {"b": {"c": {}}}}}""", "Extra" },
        { "an unknown field", """{"ContentType": "Article", "TitlePart": {"Title": "a", "Subtitle": "b"}}""", "TitlePart.Subtitle" },
        { "a title that is an array", """{"ContentType": "Article", "TitlePart": {"Title": ["a"]}}""", "TitlePart.Title" },
        { "a title that is an object", """{"ContentType": "Article", "TitlePart": {"Title": {"Text": "a"}}}""", "TitlePart.Title" },
        { "a title that is true", """{"ContentType": "Article", "TitlePart": {"Title": true}}""", "TitlePart.Title" },
        { "Markdown that is a number", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "MarkdownBodyPart": {"Markdown": 5}}""", "MarkdownBodyPart.Markdown" },
        { "a path that is a number", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "AutoroutePart": {"Path": 5}}""", "AutoroutePart.Path" },
        { "a flag that is a string", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "AutoroutePart": {"SetHomepage": "yes"}}""", "AutoroutePart.SetHomepage" },
        { "NUL in a title", """{"ContentType": "Article", "TitlePart": {"Title": "a\u0000b"}}""", "TitlePart.Title" },
        { "a right-to-left override in a title", """{"ContentType": "Article", "TitlePart": {"Title": "faktura\u202Efdp.exe"}}""", "TitlePart.Title" },
        { "a directional isolate in a title", """{"ContentType": "Article", "TitlePart": {"Title": "a\u2067b\u2069"}}""", "TitlePart.Title" },
        { "a tab in a title", """{"ContentType": "Article", "TitlePart": {"Title": "a\tb"}}""", "TitlePart.Title" },
        { "a line break in a title", """{"ContentType": "Article", "TitlePart": {"Title": "a\nb"}}""", "TitlePart.Title" },
        { "a C1 control in a title", """{"ContentType": "Article", "TitlePart": {"Title": "a\u0085b"}}""", "TitlePart.Title" },
        { "a bell in Markdown", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "MarkdownBodyPart": {"Markdown": "ding\u0007"}}""", "MarkdownBodyPart.Markdown" },
        { "an override in Markdown", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "MarkdownBodyPart": {"Markdown": "x\u202Dy"}}""", "MarkdownBodyPart.Markdown" },
        { "Markdown nested 40 levels", $$$"""{"ContentType": "Article", "TitlePart": {"Title": "a"}, "MarkdownBodyPart": {"Markdown": "{{{new string('>', 40)}}} x"}}""", "MarkdownBodyPart.Markdown" },
        { "an id that climbs out", """{"ContentItemId": "../../etc", "ContentType": "Article", "TitlePart": {"Title": "a"}}""", "ContentItemId" },
        { "an id with capitals", """{"ContentItemId": "4GJXGAM51TFYF5VHJ02ZHVQECB", "ContentType": "Article", "TitlePart": {"Title": "a"}}""", "ContentItemId" },
        { "an id one too short", """{"ContentItemId": "4gjxgam51tfyf5vhj02zhvqec", "ContentType": "Article", "TitlePart": {"Title": "a"}}""", "ContentItemId" },
        { "a backslash path (a link to another host)", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "AutoroutePart": {"Path": "\\\\evil.example/phish"}}""", "AutoroutePart.Path" },
        { "a path with a dot segment", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "AutoroutePart": {"Path": "viden/./x"}}""", "AutoroutePart.Path" },
        { "a path with a host", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "AutoroutePart": {"Path": "evil.example/x"}}""", "AutoroutePart.Path" },
        { "a path with a space", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "AutoroutePart": {"Path": "viden/to ord"}}""", "AutoroutePart.Path" },
        { "a path with an escape", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "AutoroutePart": {"Path": "viden/%2e%2e"}}""", "AutoroutePart.Path" },
        { "a path with a Danish letter", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "AutoroutePart": {"Path": "viden/møde"}}""", "AutoroutePart.Path" },
    };

    [Theory]
    [MemberData(nameof(RefusedItems))]
    public async Task A_refused_item_names_the_field_and_nothing_is_written(string because, string json, string field)
    {
        var item = ContentJson.Parse(json);

        var refused = await Assert.ThrowsAsync<ContentValidationException>(() => WriteAsync(content => content.PublishAsync(item)));

        Assert.True(refused.Fields.Contains(field), $"{because}: {string.Join(", ", refused.Fields)}: {refused.Reason}");
        Assert.Equal(0, await _host.QueryAsync(_tenant, db => db.ContentItems.CountAsync()));
    }

    [Fact]
    public async Task Every_unknown_part_is_named()
    {
        var item = ContentJson.Parse("""{"ContentType": "Article", "TitlePart": {"Title": "a"}, "Extra": {}, "Andet": {}}""");

        var refused = await Assert.ThrowsAsync<ContentValidationException>(() => WriteAsync(content => content.PublishAsync(item)));

        Assert.Equal(["Extra", "Andet"], refused.Fields);
        Assert.Contains("TitlePart, MarkdownBodyPart, AutoroutePart", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_deep_markdown_is_refused_saying_how_deep_is_allowed()
    {
        var item = TestContent.NewArticle("Dybt", new string('>', 30_000));

        var refused = await Assert.ThrowsAsync<ContentValidationException>(() => WriteAsync(content => content.PublishAsync(item)));

        Assert.Equal("MarkdownBodyPart.Markdown", refused.Field);
        Assert.Contains("at most 32 levels", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orchard_ids_multi_line_text_and_valid_unicode_are_accepted()
    {
        var item = ContentJson.Parse("""
            {"ContentItemId": "4gjxgam51tfyf5vhj02zhvqecb", "ContentType": "Article", "TitlePart": {"Title": "Møde i ‏עברית‏ 😀"},
             "MarkdownBodyPart": {"Markdown": "Linje 1\r\n\tLinje 2"}, "AutoroutePart": {"Path": "viden/4-faser", "SetHomepage": false}}
            """);

        await WriteAsync(content => content.PublishAsync(item));

        Assert.Equal(1, await _host.QueryAsync(_tenant, db => db.ContentItems.CountAsync(r => r.ContentItemId == "4gjxgam51tfyf5vhj02zhvqecb")));
    }

    [Fact]
    public async Task An_item_larger_than_the_stored_limit_is_refused()
    {
        var item = TestContent.NewArticle("Stor", string.Concat(Enumerable.Repeat("Et helt almindeligt afsnit.\n\n", ContentItemShape.MaxStoredLength / 25)));

        var refused = await Assert.ThrowsAsync<ContentValidationException>(() => WriteAsync(content => content.PublishAsync(item)));

        Assert.Contains($"at most {ContentItemShape.MaxStoredLength}", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_id_not_of_the_id_shape_is_replaced()
    {
        var item = TestContent.NewArticle("Version");
        item.ContentItemVersionId = "../version";

        await WriteAsync(content => content.ImportAsync(item));

        var stored = await _host.QueryAsync(_tenant, db => db.ContentItems.Select(r => r.ContentItemVersionId).SingleAsync());
        Assert.True(ContentIds.IsValid(stored), stored);
    }

    [Fact]
    public void A_stored_path_from_before_the_rules_never_becomes_a_link_off_the_site()
    {
        var item = TestContent.NewArticle("Gammel", path: "x");
        item.GetOrCreatePart("AutoroutePart")["Path"] = "\\\\evil.example/phish";

        Assert.Equal("/alfa/content/" + item.ContentItemId, ContentUrls.Of("/alfa", item));
        item.GetOrCreatePart("AutoroutePart")["Path"] = "viden/god-sti";
        Assert.Equal("/alfa/viden/god-sti", ContentUrls.Of("/alfa", item));
    }

    private async Task WriteAsync(Func<ContentManager, Task> write)
    {
        await using var scope = _host.OpenScope(_tenant);
        await write(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }
}
