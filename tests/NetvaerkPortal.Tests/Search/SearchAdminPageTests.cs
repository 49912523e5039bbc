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

    [Theory]
    [InlineData("da", "tovholder", "Linje 1 (»tovholder«) har kun ét ord.")]
    [InlineData("da", "leder, chef\na => b => c", "Linje 2 (»a =&gt; b =&gt; c«) har mere end ét »=&gt;«.")]
    [InlineData("en", "leder, !!!", "Line 1 (“leder, !!!”): “!!!” contains no word that can be searched for.")]
    public async Task A_synonym_line_that_cannot_be_used_is_refused_in_the_readers_language_and_kept_for_correcting(string language, string lines, string message)
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);
        await admin.SubmitAsync("/admin/search", new Dictionary<string, string> { ["synonyms"] = "leder, chef" }, "/admin/search/synonyms");
        await admin.GetAsync("/sprog/" + language + "?returnUrl=%2F");

        var refused = await admin.SubmitAsync("/admin/search", new Dictionary<string, string> { ["synonyms"] = lines }, "/admin/search/synonyms");
        var html = await refused.Content.ReadAsStringAsync();
        var page = await (await admin.GetAsync("/admin/search")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(lines, Textarea(html, refused: true));
        Assert.Equal("leder, chef", Textarea(page, refused: false));
    }

    [Fact]
    public async Task Typed_synonyms_are_shown_escaped_and_a_spoofed_message_in_the_address_is_not_shown()
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);

        var refused = await admin.SubmitAsync("/admin/search", new Dictionary<string, string> { ["synonyms"] = "<script>alert(1)</script>" }, "/admin/search/synonyms");
        var html = await refused.Content.ReadAsStringAsync();
        var spoofed = await (await admin.GetAsync("/admin/search?error=Ring+til+4000+0000&done=%3Cb%3E")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ring til 4000", spoofed, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", spoofed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_page_speaks_english_on_request()
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);
        await admin.GetAsync("/sprog/en?returnUrl=%2F");

        var html = await (await admin.GetAsync("/admin/search")).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Indexes on this server", html, StringComparison.Ordinal);
        Assert.Contains("Rebuild the search index from the database", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Genopbyg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Synonymer", html, StringComparison.Ordinal);
    }

    /// <summary>The synonyms field's text as the browser shows it.</summary>
    private static string Textarea(string html, bool refused)
    {
        var start = html.IndexOf(refused ? "aria-invalid=\"true\">" : "aria-describedby=\"synonyms-help\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no synonyms field in the expected state");
        start = html.IndexOf('>', start) + 1;
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</textarea>", start, StringComparison.Ordinal)]);
    }
}
