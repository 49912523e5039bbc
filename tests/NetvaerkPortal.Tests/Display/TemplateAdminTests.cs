using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Recipes.Steps;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Display;

/// <summary>/admin/templates: administrators see the templates the modules and theme ship and where each page's
/// template comes from, and keep their own versions, which are stored only when they parse.</summary>
public sealed class TemplateAdminTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    private async Task<BrowserlessSession> AdminOfNewTenantAsync(string name)
    {
        await _portal.Tenants.CreateAsync(new CreateTenantRequest(name, name.ToLowerInvariant(), null, _portal.AppData.EmptyRecipe(),
            new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword)));
        var admin = new BrowserlessSession(_portal, "/" + name.ToLowerInvariant());
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);
        return admin;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task<Dictionary<string, TemplatesStep.TemplateEntry>> StoredAsync(string tenantName)
    {
        await using var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(_portal.Store.Find(tenantName)!);
        return await scope.ServiceProvider.GetRequiredService<SiteDocuments>().GetAsync<Dictionary<string, TemplatesStep.TemplateEntry>>(TemplatesStep.DocumentName);
    }

    private static Dictionary<string, string> Save(string name, string content) => new() { ["name"] = name, ["content"] = content };

    [Fact]
    public async Task The_list_shows_every_shipped_template_and_where_it_comes_from()
    {
        using var admin = await AdminOfNewTenantAsync("Liste");

        var html = await HtmlAsync(await admin.GetAsync("/admin/templates"));

        foreach (var name in _portal.Services.GetRequiredService<ModuleTemplates>().AllNames())
        {
            Assert.Contains($">{name}</a>", html, StringComparison.Ordinal);
        }

        Assert.Contains("tema Netvaerk.Theme", html, StringComparison.Ordinal);
        Assert.Contains("modul Netvaerk.Networks", html, StringComparison.Ordinal);
        Assert.Contains("modul Netvaerk.Content", html, StringComparison.Ordinal); // AccessibilityStatement
    }

    [Fact]
    public async Task A_saved_version_is_used_by_the_next_page_and_deleting_it_brings_back_the_shipped_one()
    {
        using var admin = await AdminOfNewTenantAsync("Egen");
        using var visitor = new BrowserlessSession(_portal, "/egen");
        await visitor.GetAsync("/was"); // cached for anonymous readers before the change

        var saved = await admin.SubmitAsync("/admin/templates?name=AccessibilityStatement", Save("AccessibilityStatement", "<h1>Vores egen erklæring for {{ Model.SiteName }}</h1>"), "/admin/templates?handler=Save");
        var page = await HtmlAsync(await visitor.GetAsync("/was"));
        var detail = await HtmlAsync(await admin.GetAsync("/admin/templates?name=AccessibilityStatement"));
        var deleted = await admin.SubmitAsync("/admin/templates?name=AccessibilityStatement", new Dictionary<string, string> { ["name"] = "AccessibilityStatement" }, "/admin/templates?handler=Delete");
        var after = await HtmlAsync(await visitor.GetAsync("/was"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Jeres version af »AccessibilityStatement« er gemt", await HtmlAsync(saved), StringComparison.Ordinal);
        Assert.Contains("<h1>Vores egen erklæring for Netværksportal</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Jeres egen version", detail, StringComparison.Ordinal);
        Assert.Contains("Den version, der følger med (Netvaerk.Content)", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.DoesNotContain("Vores egen erklæring", after, StringComparison.Ordinal);
        Assert.Contains("WCAG 2.1", after, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync("Egen"));
        var audit = await HtmlAsync(await admin.GetAsync("/admin/audit"));
        Assert.Contains("Skabelon gemt", audit, StringComparison.Ordinal);
        Assert.Contains("Skabelon slettet", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_that_does_not_parse_is_refused_naming_line_and_column_and_nothing_is_stored()
    {
        using var admin = await AdminOfNewTenantAsync("Brudt");

        var response = await admin.SubmitAsync("/admin/templates?name=Home", Save("Home", "<p>ok</p>\n<p>{% if Model.SiteName %}uden slutning</p>"), "/admin/templates?handler=Save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("Skabelonen er ikke gemt, fordi den ikke kan læses som Liquid (linje", html, StringComparison.Ordinal);
        Assert.Contains("uden slutning", html, StringComparison.Ordinal); // the text stays in the editor to be fixed
        Assert.Empty(await StoredAsync("Brudt"));
    }

    public static TheoryData<string> HostileNames => new()
    {
        "../Layout",
        "..",
        "/etc/passwd",
        "C:\\Windows\\win.ini",
        "Views/Layout",
        "Layout\0",
        "Layout\n",
        ".hidden",
        "con",
        new string('L', 81),
        new string('L', 100_000),
        "",
        " ",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task A_name_that_cannot_be_a_template_is_refused_and_nothing_is_stored(string name)
    {
        var tenant = "Navn" + Math.Abs(name.GetHashCode(StringComparison.Ordinal)) % 1_000_000;
        using var admin = await AdminOfNewTenantAsync(tenant);

        var response = await admin.SubmitAsync("/admin/templates?name=Home", Save(name, "<p>hej</p>"), "/admin/templates?handler=Save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (!name.Contains('\0', StringComparison.Ordinal))
        {
            // A NUL in a form is refused by ASP.NET itself before the page sees it (a bare 400).
            Assert.Contains("kan ikke være navnet på en skabelon", await HtmlAsync(response), StringComparison.Ordinal);
        }
        if (name.Trim().Length > 0 && name.Length < 2_000)
        {
            // An empty name is no name: the list is shown.
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/admin/templates?name=" + Uri.EscapeDataString(name))).StatusCode);
        }

        Assert.Empty(await StoredAsync(tenant));
    }

    [Fact]
    public async Task A_version_that_fails_while_rendering_is_skipped_for_visitors_and_its_error_is_shown_to_administrators()
    {
        using var admin = await AdminOfNewTenantAsync("Runtime");
        // Parses, but fails while rendering (more steps than a template may take).
        var broken = "{% for i in (1..2000000) %}x{% endfor %}";
        var saved = await admin.SubmitAsync("/admin/templates?name=Home", Save("Home", broken), "/admin/templates?handler=Save");
        using var visitor = new BrowserlessSession(_portal, "/runtime");

        var front = await visitor.GetAsync("/");
        var adminFront = await HtmlAsync(await admin.GetAsync("/"));
        var detail = await HtmlAsync(await admin.GetAsync("/admin/templates?name=Home"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, front.StatusCode);
        Assert.DoesNotContain("xxxx", await front.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("/runtime/admin/templates?name=Home", adminFront, StringComparison.Ordinal);
        Assert.Contains("Jeres version af skabelonen kan ikke vises", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_may_not_change_templates()
    {
        using var admin = await AdminOfNewTenantAsync("Redaktion");
        await using (var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(_portal.Store.Find("Redaktion")!))
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<NetvaerkPortal.Security.PortalUser>>();
            var editor = new NetvaerkPortal.Security.PortalUser { UserName = "redaktoer", Email = "r@example.test", EmailConfirmed = true };
            await users.CreateAsync(editor, PortalTestHost.AdminPassword);
            await users.AddToRoleAsync(editor, NetvaerkPortal.Security.PortalRoles.Editor);
        }

        using var editorSession = new BrowserlessSession(_portal, "/redaktion");
        await editorSession.SignInAsync("redaktoer", PortalTestHost.AdminPassword);

        var page = await editorSession.GetAsync("/admin/templates");
        var post = await editorSession.SubmitAsync("/admin/content", Save("Layout", "<p>overtaget</p>"), "/admin/templates?handler=Save");

        Assert.Contains("/account/denied", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Empty(await StoredAsync("Redaktion"));
        await using var check = _portal.Services.GetRequiredService<TenantScopes>().Create(_portal.Store.Find("Redaktion")!);
        Assert.DoesNotContain(check.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries, e => e.Action == AuditActions.TemplateSaved);
    }
}
