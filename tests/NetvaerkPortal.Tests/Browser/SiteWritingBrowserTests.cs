using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Browser;

/// <summary>A member writes in a real Chromium: the live preview (plain JavaScript under the portal's CSP) shows the text as
/// the page will, the note is published from its network's page, and an old version is compared and restored.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SiteWritingBrowserTests(BrowserPortalFixture fixture) : IClassFixture<BrowserPortalFixture>
{
    private const string NetworkPath = "/netvaerk/eksempel-tvaergaaende-ledernetvaerk";

    private readonly BrowserPortal _portal = fixture.Portal;

    [Fact]
    public async Task A_member_writes_with_live_preview_then_compares_and_restores_an_old_version()
    {
        var user = await MemberAsync();
        var page = await SignedInAsync(user);
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { problems.Add(message.Text); } };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync(NetworkPath);
        await page.GetByRole(AriaRole.Link, new() { Name = "Skriv mødenotat" }).ClickAsync();
        await page.GetByLabel("Titel").FillAsync("Notat skrevet i browseren");
        await page.GetByLabel("Mødedato").FillAsync("2026-11-04");
        await page.GetByLabel("Brødtekst", new() { Exact = true }).FillAsync("## Aftaler\n\nVi mødes **hver sjette uge**.");
        // The live preview: no button pressed.
        await Assertions.Expect(page.Locator("#markdown-preview strong")).ToHaveTextAsync("hver sjette uge");
        await Assertions.Expect(page.Locator("#markdown-preview h2").Last).ToHaveTextAsync("Aftaler");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserPortal.ScreenshotAsync(page, "site-write-form-390");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByRole(AriaRole.Button, new() { Name = "Udgiv" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notat skrevet i browseren", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("4. november 2026").First).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "site-meeting-note-1280");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rediger" }).ClickAsync();
        await page.GetByLabel("Brødtekst", new() { Exact = true }).FillAsync("## Aftaler\n\nVi mødes **hver fjerde uge**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Udgiv" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Versionshistorik" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = SeeAndCompare() }).Last.ClickAsync();

        await Assertions.Expect(page.Locator(".diff del")).ToContainTextAsync("sjette");
        await Assertions.Expect(page.Locator(".diff ins")).ToContainTextAsync("fjerde");
        await BrowserPortal.ScreenshotAsync(page, "site-version-compare-1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gendan denne version som kladde" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Den gamle version er gendannet som kladde.");
        await Assertions.Expect(page.GetByLabel("Brødtekst", new() { Exact = true })).ToHaveValueAsync("## Aftaler\n\nVi mødes **hver sjette uge**.");

        await page.GotoAsync(NetworkPath);
        await Assertions.Expect(page.Locator(".entries").GetByRole(AriaRole.Link, new() { Name = "Notat skrevet i browseren" })).ToBeVisibleAsync();
        // Restored as a draft on top of the published note: listed among the writer's drafts as well.
        await Assertions.Expect(page.Locator(".network__drafts").GetByRole(AriaRole.Link, new() { Name = "Notat skrevet i browseren" })).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "site-network-1280");
        Assert.Empty(problems);
    }

    private async Task<string> MemberAsync()
    {
        await using var scope = _portal.Factory.Services.GetRequiredService<TenantScopes>().Create(_portal.Factory.Store.Find("Default")!);
        var services = scope.ServiceProvider;
        var networks = await services.GetRequiredService<ContentManager>().ListAsync("Network", VersionOptions.Published, 0, 100);
        var network = networks.First(n => n.Text("AutoroutePart", "Path") == NetworkPath.TrimStart('/'));
        var name = "skribent" + Guid.NewGuid().ToString("N")[..6];
        var user = new PortalUser { UserName = name, Email = name + "@example.dk", EmailConfirmed = true };
        Assert.True((await services.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, PortalTestHost.AdminPassword)).Succeeded);
        Assert.True((await services.GetRequiredService<UserManager<PortalUser>>().AddToRoleAsync(user, PortalRoles.Member)).Succeeded);
        await services.GetRequiredService<NetworkMembers>().SetAsync(network.ContentItemId, user.Id, NetworkRoles.Member);
        return name;
    }

    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await _portal.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Brugernavn").FillAsync(user);
        await page.GetByLabel("Adgangskode").FillAsync(PortalTestHost.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    [GeneratedRegex("^Se og sammenlign")]
    private static partial Regex SeeAndCompare();
}
