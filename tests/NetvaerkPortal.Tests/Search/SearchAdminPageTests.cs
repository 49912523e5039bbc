using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Search;

/// <summary>The administrators' search page through the real web host: the items the index had to skip, linked to their editor.</summary>
public sealed class SearchAdminPageTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();

    public Task InitializeAsync()
    {
        _ = _portal.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task An_item_that_cannot_be_indexed_is_shown_to_administrators_with_a_link_to_it()
    {
        var tenant = _portal.Store.Find(TenantSettings.DefaultName)!;
        string id;
        await using (var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(tenant))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = await content.NewAsync("KnowledgeArticle");
            item.GetOrCreatePart("TitlePart")["Title"] = "Citater i lag";
            item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "pladsholder";
            item.GetOrCreatePart("VisibilityPart")["Visibility"] = "Public";
            await content.PublishAsync(item);
            id = item.ContentItemId;
            await StoredDirectly.ChangePartsAsync(scope, id, parts => parts["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = StoredDirectly.DeeplyNestedMarkdown });
        }

        await _portal.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(tenant);
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);
        var page = await admin.GetAsync("/admin/search");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Indhold, der ikke kunne indekseres", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/admin/content/{id}\">Citater i lag</a>", html, StringComparison.Ordinal);
        Assert.Contains("nested", html, StringComparison.OrdinalIgnoreCase);
    }
}
