using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Display;

/// <summary>The built-in accessibility statement at /was, which every footer links to unless the organisation gave its own.</summary>
public sealed class AccessibilityStatementTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    private async Task<TenantSettings> TenantAsync(string name, SiteBranding? branding = null)
    {
        var tenant = (await _portal.Tenants.CreateAsync(new CreateTenantRequest(name, name.ToLowerInvariant(), null, _portal.AppData.EmptyRecipe(),
            new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword)))).Tenant;
        if (branding is not null)
        {
            await using var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(tenant);
            await branding.SaveAsync(scope.ServiceProvider.GetRequiredService<SiteDocuments>());
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
            _portal.Services.GetRequiredService<SiteDisplays>().Forget(name);
        }

        return tenant;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Every_tenant_has_a_statement_with_its_name_contact_standard_and_complaint_route()
    {
        await TenantAsync("Aabenraa", new SiteBranding { SiteName = "Aabenraa Kommune", FooterContact = "Digitalisering · digital@example.dk" });
        using var visitor = new BrowserlessSession(_portal, "/aabenraa");

        var response = await visitor.GetAsync("/was");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("<title>Tilgængelighedserklæring – Aabenraa Kommune</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Tilgængelighedserklæring for Aabenraa Kommune</h1>", html, StringComparison.Ordinal);
        Assert.Contains("WCAG 2.1 på niveau AA", html, StringComparison.Ordinal);
        Assert.Contains("kontakt Aabenraa Kommune: Digitalisering · digital@example.dk", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.digst.dk/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/aabenraa/was\"", html, StringComparison.Ordinal); // the footer's link
    }

    [Fact]
    public async Task The_default_tenant_and_english_readers_get_it_too()
    {
        _ = _portal.Server;
        using var visitor = new BrowserlessSession(_portal);
        await visitor.GetAsync("/sprog/en");

        var html = await HtmlAsync(await visitor.GetAsync("/was"));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Accessibility statement for Netværksportal", html, StringComparison.Ordinal);
        Assert.Contains("WCAG 2.1 at level AA", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_with_its_own_statement_is_linked_there_and_was_sends_readers_there()
    {
        await TenantAsync("Egen", new SiteBranding { SiteName = "Egen Kommune", AccessibilityStatementUrl = "https://www.was.digst.dk/egen-kommune" });
        using var visitor = new BrowserlessSession(_portal, "/egen");

        var front = await HtmlAsync(await visitor.GetAsync("/"));
        var was = await visitor.GetAsync("/was");

        Assert.Contains("href=\"https://www.was.digst.dk/egen-kommune\"", front, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, was.StatusCode);
        Assert.Equal("https://www.was.digst.dk/egen-kommune", was.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_published_content_item_at_the_path_was_is_shown_instead_of_the_built_in_page()
    {
        var tenant = await TenantAsync("Indhold");
        await using (var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(tenant))
        {
            var item = new ContentItem { ContentType = "KnowledgeArticle" };
            item.GetOrCreatePart("TitlePart")["Title"] = "Vores tilgængelighedserklæring";
            item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Skrevet af organisationen selv.";
            item.GetOrCreatePart("AutoroutePart")["Path"] = "was";
            item.GetOrCreatePart("VisibilityPart")["Visibility"] = "Public";
            await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(item);
        }

        var html = await HtmlAsync(await new BrowserlessSession(_portal, "/indhold").GetAsync("/was"));

        Assert.Contains("Skrevet af organisationen selv.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("WCAG 2.1 på niveau AA", html, StringComparison.Ordinal);
        // Other tenants keep the built-in page.
        Assert.Contains("WCAG 2.1 på niveau AA", await HtmlAsync(await new BrowserlessSession(_portal).GetAsync("/was")), StringComparison.Ordinal);
    }
}
