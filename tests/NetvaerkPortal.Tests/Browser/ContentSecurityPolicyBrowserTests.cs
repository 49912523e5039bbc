using Microsoft.Playwright;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Browser;

/// <summary>The pages work in a real Chromium under the portal's Content-Security-Policy: no violation is
/// reported (nothing inline was blocked), the stylesheet applies, and the forms still do their job.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserPortalFixture fixture) : IClassFixture<BrowserPortalFixture>
{
    private const string RecordViolations =
        "document.addEventListener('securitypolicyviolation', e => (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI));";

    private readonly BrowserPortal _portal = fixture.Portal;

    [Fact]
    public async Task Public_pages_load_under_the_policy_without_violations()
    {
        var page = await _portal.NewPageAsync();
        var console = await WatchAsync(page);

        foreach (var path in new[] { "/", "/search?q=m%C3%B8de", "/netvaerk/eksempel-tvaergaaende-ledernetvaerk", "/account/login", "/sprog/en?returnUrl=%2F" })
        {
            await AssertCleanAsync(page, path, console);
        }
    }

    [Fact]
    public async Task Admin_pages_load_and_their_forms_work_under_the_policy_without_violations()
    {
        var page = await _portal.SignedInPageAsync("admin", PortalTestHost.AdminPassword);
        var console = await WatchAsync(page);

        foreach (var path in new[] { "/admin", "/admin/users", "/admin/content?type=Network", "/admin/content/new?type=KnowledgeArticle", "/admin/search", "/admin/tenants", "/account/password" })
        {
            await AssertCleanAsync(page, path, console);
        }

        await page.GotoAsync("/admin/content/new?type=KnowledgeArticle");
        await page.GetByLabel("Titel").FillAsync("Skrevet under CSP");
        await page.GetByLabel("Brødtekst", new() { Exact = true }).FillAsync("## Overskrift under CSP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Forhåndsvis" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overskrift under CSP" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Log ud") }).ClickAsync();
        await page.WaitForURLAsync(_portal.BaseUrl + "/");
        Assert.Empty(console);
    }

    private static async Task<List<string>> WatchAsync(IPage page)
    {
        var messages = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                messages.Add(message.Text);
            }
        };
        page.PageError += (_, error) => messages.Add("page error: " + error);
        await page.AddInitScriptAsync(RecordViolations);
        return messages;
    }

    private static async Task AssertCleanAsync(IPage page, string path, List<string> console)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        Assert.Contains("frame-ancestors 'none'", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        Assert.True(violations.Length == 0, $"{path}: {string.Join("; ", violations)}");
        Assert.True(console.Count == 0, $"{path}: {string.Join("; ", console)}");
        // Stylesheets are the portal's own files, so the policy lets every one the page links apply.
        Assert.True(await page.EvaluateAsync<bool>("() => Array.from(document.querySelectorAll('link[rel=stylesheet]')).every(l => l.sheet && l.sheet.cssRules.length > 0)"), $"{path}: a stylesheet did not apply");
    }
}
