using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Account;

/// <summary>Every response carries the security headers (pages, the API, static files, health), answers that
/// depend on the reader are never stored by a cache, and no page has inline script for the CSP to block.</summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime, IDisposable
{
    private const string ItemPage = "/netvaerk/eksempel-tvaergaaende-ledernetvaerk";

    private readonly PortalWebFactory _portal = new();

    public Task InitializeAsync()
    {
        _ = _portal.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData(ItemPage)]
    [InlineData("/api/content")]
    [InlineData("/api/search?q=m%C3%B8de")]
    [InlineData("/css/portal.css")]
    [InlineData("/health")]
    [InlineData("/account/login")]
    [InlineData("/findes-ikke-9191")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Header(response, "Content-Security-Policy");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal(SecurityHeaders.PermissionsPolicy, Header(response, "Permissions-Policy"));
        Assert.Null(Header(response, "Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/content")]
    [InlineData("/css/portal.css")]
    public async Task Over_https_every_response_carries_hsts(string path)
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost/"), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, Header(response, "Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData(ItemPage, false)]
    [InlineData("/css/portal.css", false)]
    [InlineData("/api/content", true)]
    [InlineData("/api/search?q=m%C3%B8de", true)]
    [InlineData("/account/login", true)]
    [InlineData("/admin", true)]
    public async Task Anonymous_answers_on_public_pages_may_be_cached_and_private_paths_never(string path, bool noStore)
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(noStore, response.Headers.CacheControl is { Private: true, NoStore: true });
    }

    [Theory]
    [InlineData("/")]
    [InlineData(ItemPage)]
    [InlineData("/search?q=m%C3%B8de")]
    [InlineData("/api/content")]
    [InlineData("/admin")]
    [InlineData("/account/password")]
    public async Task Whatever_a_signed_in_reader_gets_is_private_and_not_stored(string path)
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/search?q=m%C3%B8de", false)]
    [InlineData(ItemPage, false)]
    [InlineData("/account/login", false)]
    [InlineData("/admin", true)]
    [InlineData("/admin/users", true)]
    [InlineData("/admin/content?type=Network", true)]
    [InlineData("/admin/content/new?type=Network", true)]
    [InlineData("/admin/search", true)]
    [InlineData("/admin/tenants", true)]
    [InlineData("/account/password", true)]
    public async Task No_page_has_inline_script_event_handlers_or_inline_styles(string path, bool signedIn)
    {
        using var session = new BrowserlessSession(_portal);
        if (signedIn)
        {
            await session.SignInAsync("admin", PortalTestHost.AdminPassword);
        }

        var html = await (await session.GetAsync(path)).Content.ReadAsStringAsync();

        Assert.Empty(InlineScript().Matches(html));
        Assert.Empty(EventHandler().Matches(html));
        Assert.Empty(InlineStyle().Matches(html));
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[^>]+\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex("<style|<[^>]+\\sstyle\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
