using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Modules.NoticeBoard;

namespace NetvaerkPortal.Tests.Modules;

/// <summary>A content type added in a test module gets its editor, page and admin menu entry without any change in the host:
/// the portal under test is the real host with <see cref="NoticeBoardModule"/> added to its catalog, enabled on the tenant
/// as a recipe's feature step would.</summary>
public sealed class NewContentTypeTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new(services => services.AddPortalModule(NoticeBoardModule.Descriptor));

    public async Task InitializeAsync()
    {
        _ = _portal.Server;
        var tenant = _portal.Store.Find(TenantSettings.DefaultName)!;
        await using var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(tenant);
        var services = scope.ServiceProvider;
        var documents = services.GetRequiredService<SiteDocuments>();
        var features = services.GetRequiredService<TenantFeatures>();
        await features.SetAsync(tenant.Name, documents, [.. await features.GetAsync(tenant.Name, documents), NoticeBoardModule.Id]);
        await services.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        services.GetRequiredService<SiteDisplays>().Forget(tenant.Name);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task The_content_admin_lists_the_type_and_its_editor_shows_the_modules_fields()
    {
        using var admin = await SignedInAsync();

        var list = await TextAsync(admin, "/admin/content");
        var editor = await TextAsync(admin, $"/admin/content/new?type={NoticeBoardModule.Type}");

        Assert.Contains($"href=\"?type={NoticeBoardModule.Type}\"", list, StringComparison.Ordinal);
        Assert.Contains(">Kontaktperson</label>", editor, StringComparison.Ordinal);
        Assert.Contains("Hvem man kan spørge om opslaget.", editor, StringComparison.Ordinal);
        Assert.Contains($"name=\"p.{NoticeBoardModule.Part}.Kontakt\" value=\"\" maxlength=\"{NoticeBoardModule.ContactLimit}\"", editor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editor_enforces_the_modules_limit_and_stores_nothing()
    {
        using var admin = await SignedInAsync();

        var response = await admin.SubmitAsync($"/admin/content/new?type={NoticeBoardModule.Type}",
            Notice("Cykel til salg", "opslag/cykel", contact: new string('k', NoticeBoardModule.ContactLimit + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"Kontaktperson må højst være {NoticeBoardModule.ContactLimit} tegn (nu {NoticeBoardModule.ContactLimit + 1}).",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/opslag/cykel")).StatusCode);
    }

    [Fact]
    public async Task A_published_item_renders_at_its_url_with_the_modules_template_inside_the_layout()
    {
        using var admin = await SignedInAsync();
        var saved = await admin.SubmitAsync($"/admin/content/new?type={NoticeBoardModule.Type}", Notice("Fællesspisning fredag", "opslag/faellesspisning", contact: "Mette"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var anonymous = new BrowserlessSession(_portal);
        var page = await anonymous.GetAsync("/opslag/faellesspisning");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<article class=\"opslag\">", html, StringComparison.Ordinal);
        Assert.Contains("Opslag fra tavlen", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Fællesspisning fredag</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"indhold\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Fællesspisning fredag – ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_menu_shows_the_modules_entry_and_its_texts_come_in_english()
    {
        using var admin = await SignedInAsync();

        var danish = await TextAsync(admin, "/admin");
        await admin.GetAsync("/sprog/en");
        var english = await TextAsync(admin, "/admin");
        var englishEditor = await TextAsync(admin, $"/admin/content/new?type={NoticeBoardModule.Type}");

        Assert.Contains($"href=\"/admin/content?type={NoticeBoardModule.Type}\">Opslagstavle</a>", danish, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/content?type={NoticeBoardModule.Type}\">Notice board</a>", english, StringComparison.Ordinal);
        Assert.Contains(">Contact person</label>", englishEditor, StringComparison.Ordinal);
        Assert.Contains("Who to ask about the notice.", englishEditor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_that_did_not_enable_the_module_shows_no_menu_entry()
    {
        await _portal.CreateTenantAsync("Uden");
        using var admin = new BrowserlessSession(_portal, "/uden");
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);

        Assert.DoesNotContain("Opslagstavle", await TextAsync(admin, "/admin"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Notice(string title, string path, string contact) => new()
    {
        ["type"] = NoticeBoardModule.Type,
        ["action"] = "publish",
        ["p.TitlePart.Title"] = title,
        ["p.MarkdownBodyPart.Markdown"] = "Alle er velkomne.",
        ["p.AutoroutePart.Path"] = path,
        [$"p.{NoticeBoardModule.Part}.Kontakt"] = contact,
        [$"p.{NoticeBoardModule.Part}.Sted"] = "Kantinen",
    };

    private static async Task<string> TextAsync(BrowserlessSession session, string path)
    {
        var response = await session.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<BrowserlessSession> SignedInAsync()
    {
        var session = new BrowserlessSession(_portal);
        await session.SignInAsync("admin", PortalTestHost.AdminPassword);
        return session;
    }
}
