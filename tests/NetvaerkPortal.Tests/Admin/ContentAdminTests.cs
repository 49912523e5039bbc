using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Admin;

/// <summary>Editors write, publish, version and restore content through the admin pages, as in a browser.</summary>
public sealed class ContentAdminTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();

    public async Task InitializeAsync()
    {
        _ = _portal.Server;
        await CreateUserAsync("redaktoer", PortalRoles.Editor);
        await CreateUserAsync("medlem", PortalRoles.Member);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    private static Dictionary<string, string> Article(string title, string body = "Vi mødes hver sjette uge.") => new()
    {
        ["type"] = "KnowledgeArticle",
        ["p.TitlePart.Title"] = title,
        ["p.MarkdownBodyPart.Markdown"] = body,
        ["p.VisibilityPart.Visibility"] = "Public",
        ["p.TagsPart.Tags"] = "sparring, møder",
        ["p.AutoroutePart.Path"] = "",
        ["p.NetworkItemPart.NetworkContentItemId"] = "",
    };

    [Fact]
    public async Task An_editor_saves_a_draft_publishes_it_and_restores_an_old_version()
    {
        using var editor = await SignedInAsync("redaktoer");

        var draft = await editor.SubmitAsync("/admin/content/new?type=KnowledgeArticle", With(Article("Mødeform"), "draft"));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var id = IdFrom(draft);
        Assert.Null(await GetAsync(id, VersionOptions.Published));
        await editor.SubmitAsync($"/admin/content/{id}", With(Article("Mødeformer"), "publish"));
        Assert.Equal("Mødeformer", (await GetAsync(id, VersionOptions.Published))?.DisplayText);

        var published = await editor.SubmitAsync($"/admin/content/{id}", With(Article("Mødeformer i netværket"), "publish"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("Mødeformer i netværket", (await GetAsync(id, VersionOptions.Published))?.DisplayText);

        var history = await (await editor.GetAsync($"/admin/content/{id}/history")).Content.ReadAsStringAsync();
        var firstVersion = (await VersionsAsync(id)).Last();
        Assert.Contains(firstVersion.ContentItemVersionId, history);
        var restored = await editor.SubmitAsync($"/admin/content/{id}/history", new Dictionary<string, string> { ["versionId"] = firstVersion.ContentItemVersionId });

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("Mødeformer", (await GetAsync(id, VersionOptions.Latest))?.DisplayText);
        Assert.Equal("Mødeformer i netværket", (await GetAsync(id, VersionOptions.Published))?.DisplayText);
    }

    [Fact]
    public async Task Unpublish_and_delete_take_the_item_off_the_site()
    {
        using var editor = await SignedInAsync("redaktoer");
        var id = IdFrom(await editor.SubmitAsync("/admin/content/new?type=KnowledgeArticle", With(Article("Kort levetid"), "publish")));

        await editor.SubmitAsync($"/admin/content/{id}", new Dictionary<string, string> { ["action"] = "unpublish" });
        Assert.Null(await GetAsync(id, VersionOptions.Published));
        Assert.NotNull(await GetAsync(id, VersionOptions.Latest));

        var asked = await editor.SubmitAsync($"/admin/content/{id}", new Dictionary<string, string> { ["action"] = "delete" });
        Assert.Contains("Ja, slet", await asked.Content.ReadAsStringAsync());
        Assert.NotNull(await GetAsync(id, VersionOptions.Latest));

        await editor.SubmitAsync($"/admin/content/{id}", new Dictionary<string, string> { ["action"] = "delete-confirmed" });
        Assert.Null(await GetAsync(id, VersionOptions.Latest));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/content/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("", "Titel skal udfyldes.")]
    [InlineData("x", "Titel må højst være 200 tegn")]
    public async Task A_missing_or_overlong_title_is_refused_in_danish_and_nothing_is_stored(string title, string message)
    {
        using var editor = await SignedInAsync("redaktoer");
        if (title == "x")
        {
            title = new string('x', 201);
        }

        var response = await editor.SubmitAsync("/admin/content/new?type=KnowledgeArticle", With(Article(title), "publish"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/content?type=KnowledgeArticle")).StatusCode);
        Assert.DoesNotContain(await ListAsync("KnowledgeArticle"), i => i.DisplayText.Length == 0 || i.DisplayText.Length > 200);
    }

    [Fact]
    public async Task A_path_taken_by_another_item_is_refused_naming_the_field_in_danish()
    {
        using var editor = await SignedInAsync("redaktoer");
        await editor.SubmitAsync("/admin/content/new?type=KnowledgeArticle", With(Set(Article("Første"), "p.AutoroutePart.Path", "viden/samme"), "publish"));

        var response = await editor.SubmitAsync("/admin/content/new?type=KnowledgeArticle", With(Set(Article("Anden"), "p.AutoroutePart.Path", "viden/samme"), "publish"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Adressen »viden/samme« bruges allerede", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(await ListAsync("KnowledgeArticle"), i => i.DisplayText == "Anden");
    }

    [Fact]
    public async Task Markdown_nested_too_deeply_is_refused_in_danish_and_its_preview_shows_it_as_plain_text()
    {
        using var editor = await SignedInAsync("redaktoer");
        var body = new string('>', 30_000);

        var refused = await editor.SubmitAsync("/admin/content/new?type=KnowledgeArticle", With(Article("Dybt citat", body), "publish"));
        var preview = await editor.SubmitAsync("/admin/content/new?type=KnowledgeArticle", With(Article("Dybt citat", body), "preview"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("højst 32 niveauer er tilladt", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("class=\"plain-text\"", await preview.Content.ReadAsStringAsync());
        Assert.Empty(await ListAsync("KnowledgeArticle", "Dybt citat"));
    }

    [Theory]
    [InlineData("p.TitlePart.Title", "Faktura\u202Efdp.exe", "tekstretningstegnet U+202E")]
    [InlineData("p.TitlePart.Title", "Klokke\u0007tegn", "kontroltegnet U+0007")]
    [InlineData("p.AutoroutePart.Path", "\\\\evil.example/phish", "kan ikke bruges som adresse")]
    [InlineData("p.AutoroutePart.Path", "viden/../hemmelig", "kan ikke bruges som adresse")]
    public async Task Control_characters_and_paths_that_are_not_slugs_are_refused_in_danish(string field, string value, string message)
    {
        using var editor = await SignedInAsync("redaktoer");
        var before = (await ListAsync("KnowledgeArticle")).Count;

        var response = await editor.SubmitAsync("/admin/content/new?type=KnowledgeArticle", With(Set(Article("Tegn og stier"), field, value), "publish"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, (await ListAsync("KnowledgeArticle")).Count);
    }

    [Fact]
    public async Task An_item_stored_with_a_part_its_type_does_not_define_can_still_be_edited_and_the_part_is_left_out()
    {
        using var editor = await SignedInAsync("redaktoer");
        var id = IdFrom(await editor.SubmitAsync("/admin/content/new?type=KnowledgeArticle", With(Article("Importeret"), "publish")));
        await using (var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(_portal.Store.Find("Default")!))
        {
            // As an import from before parts were checked left it: Orchard Core's ContainedPart beside the type's own parts.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var record = await db.ContentItems.SingleAsync(r => r.ContentItemId == id && r.Latest);
            record.Data = record.Data[..^1] + ",\"ContainedPart\":{\"ListContentItemId\":\"x\"}}";
            await db.SaveChangesAsync();
        }

        var saved = await editor.SubmitAsync($"/admin/content/{id}", With(Article("Importeret og rettet"), "publish"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var item = await GetAsync(id, VersionOptions.Published);
        Assert.Equal("Importeret og rettet", item?.DisplayText);
        Assert.Null(item?.Part("ContainedPart"));
    }

    [Fact]
    public async Task Preview_renders_markdown_without_anything_that_can_run()
    {
        using var editor = await SignedInAsync("redaktoer");
        var body = "# Overskrift\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(2)) <img src=x onerror=alert(3)>";

        var response = await editor.SubmitAsync("/admin/content/new?type=KnowledgeArticle", With(Article("Forhåndsvisning", body), "preview"));
        var html = await response.Content.ReadAsStringAsync();
        var preview = html[html.IndexOf("<section class=\"preview\"", StringComparison.Ordinal)..];

        Assert.Contains("<h1", preview);
        Assert.DoesNotContain("<script", preview, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", preview, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", preview, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await ListAsync("KnowledgeArticle", "Forhåndsvisning"));
    }

    [Fact]
    public async Task Members_and_anonymous_readers_cannot_use_the_admin_and_a_post_without_token_is_refused()
    {
        using var member = await SignedInAsync("medlem");
        using var anonymous = new BrowserlessSession(_portal);
        using var editor = await SignedInAsync("redaktoer");

        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/admin/content")).StatusCode);
        Assert.Contains("/account/denied", (await member.GetAsync("/admin/content")).Headers.Location!.ToString());
        Assert.Contains("/account/login", (await anonymous.GetAsync("/admin/content")).Headers.Location!.ToString());
        var forged = await editor.PostAsync("/admin/content/new?type=KnowledgeArticle", With(Article("Forfalsket"), "publish"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await ListAsync("KnowledgeArticle", "Forfalsket"));
    }

    private static Dictionary<string, string> With(Dictionary<string, string> fields, string action)
    {
        fields["action"] = action;
        return fields;
    }

    private static Dictionary<string, string> Set(Dictionary<string, string> fields, string key, string value)
    {
        fields[key] = value;
        return fields;
    }

    private static string IdFrom(HttpResponseMessage redirect) =>
        redirect.Headers.Location!.OriginalString.Split('/', '?')[3];

    private async Task<BrowserlessSession> SignedInAsync(string user)
    {
        var session = new BrowserlessSession(_portal);
        await session.SignInAsync(user, PortalTestHost.AdminPassword);
        return session;
    }

    private async Task CreateUserAsync(string name, string role)
    {
        await using var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(_portal.Store.Find("Default")!);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = name, Email = name + "@example.dk" };
        Assert.True((await users.CreateAsync(user, PortalTestHost.AdminPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    private async Task<T> InDefaultAsync<T>(Func<ContentManager, Task<T>> work)
    {
        await using var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(_portal.Store.Find("Default")!);
        return await work(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }

    private Task<ContentItem?> GetAsync(string id, VersionOptions version) => InDefaultAsync(c => c.GetAsync(id, version));

    private Task<IReadOnlyList<ContentItem>> VersionsAsync(string id) => InDefaultAsync(c => c.ListVersionsAsync(id));

    private async Task<IReadOnlyList<ContentItem>> ListAsync(string type, string? title = null) =>
        (await InDefaultAsync(c => c.ListAsync(type, VersionOptions.Latest, 0, 500))).Where(i => title is null || i.DisplayText == title).ToList();
}
