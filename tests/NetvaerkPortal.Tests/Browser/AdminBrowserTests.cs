using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Browser;

/// <summary>An editor in a real Chromium: sign in, write and publish an article; the pages pass axe's WCAG 2.1 AA rules.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserPortalFixture fixture) : IClassFixture<BrowserPortalFixture>
{
    private readonly BrowserPortal _portal = fixture.Portal;

    [Fact]
    public async Task An_administrator_signs_in_writes_and_publishes_an_article_in_the_browser()
    {
        var page = await _portal.SignedInPageAsync("admin", PortalTestHost.AdminPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Indhold", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Videnartikel", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Opret") }).ClickAsync();
        await page.GetByLabel("Titel").FillAsync("Sådan evaluerer vi netværksmødet");
        await page.GetByLabel("Brødtekst", new() { Exact = true }).FillAsync("## Fem minutter til sidst\n\nHvad tager du med hjem?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Forhåndsvis" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fem minutter til sidst" })).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "admin-edit-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Udgiv" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Indholdet er udgivet.");
        await BrowserPortal.ScreenshotAsync(page, "admin-edit-published");
    }

    [Fact]
    public async Task A_reader_searches_from_the_front_page_and_opens_a_hit()
    {
        var page = await _portal.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Søg i portalen").FillAsync("tovholder");
        await page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("resultat") })).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "search-tovholder");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tovholderen og de roterende roller" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tovholderen og de roterende roller", Level = 1 })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/search?q=m%C3%B8de", false)]
    [InlineData("/netvaerk/eksempel-tvaergaaende-ledernetvaerk", false)]
    [InlineData("/account/login", false)]
    [InlineData("/admin", true)]
    [InlineData("/admin/content?type=Network", true)]
    [InlineData("/admin/content/new?type=Network", true)]
    [InlineData("/admin/tenants", true)]
    [InlineData("/admin/search", true)]
    [InlineData("/admin/users", true)]
    public async Task Pages_meet_wcag_21_aa(string path, bool signedIn)
    {
        var page = signedIn ? await _portal.SignedInPageAsync("admin", PortalTestHost.AdminPassword) : await _portal.NewPageAsync();
        await page.GotoAsync(path);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }
}
