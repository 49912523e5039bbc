using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Browser;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>A coordinator in a real Chromium finds the protocols in the menu, copies one into the network and adapts it
/// with the form's own buttons (the editor has no script); every protocol page passes axe's WCAG 2.1 AA rules at a
/// phone's and a desktop's width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProtocolBrowserTests(BrowserPortalFixture fixture) : IClassFixture<BrowserPortalFixture>
{
    private const string NetworkPath = "netvaerk/eksempel-tvaergaaende-ledernetvaerk";

    private readonly BrowserPortal _portal = fixture.Portal;

    [Fact]
    public async Task A_coordinator_copies_and_adapts_a_protocol_and_every_page_is_accessible()
    {
        var user = await CoordinatorAsync();
        var page = await _portal.SignedInPageAsync("", user, PortalTestHost.AdminPassword);
        var problems = new List<string>();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Protokoller" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mødeprotokoller", Level = 1 })).ToBeVisibleAsync();
        problems.AddRange(await ChecksAsync(page, "protocol-list"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Kollegial sparring" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kollegial sparring", Level = 1 })).ToBeVisibleAsync();
        problems.AddRange(await ChecksAsync(page, "protocol-page"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Kopiér til netværket" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Protokollen er kopieret til netværket.");
        problems.AddRange(await ChecksAsync(page, "protocol-editor"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj fase" }).ClickAsync();
        var added = page.GetByRole(AriaRole.Group, new() { Name = "Fase 8" });
        await Assertions.Expect(added.GetByLabel("Navn")).ToBeFocusedAsync();
        await added.GetByLabel("Navn").FillAsync("Pause med kaffe");
        await added.GetByLabel("Minutter").FillAsync("15");
        await added.GetByRole(AriaRole.Button, new() { Name = "Flyt op (fase 8)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Fase 7: Pause med kaffe" })).ToBeVisibleAsync();

        await page.GetByLabel("Titel").FillAsync("");
        await page.GetByLabel("Titel").EvaluateAsync("field => field.removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem protokollen" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Titlen mangler.");
        problems.AddRange(await ChecksAsync(page, "protocol-editor-error"));

        await page.GetByLabel("Titel").FillAsync("Kollegial sparring med kaffe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem protokollen" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Protokollen er gemt.");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Pause med kaffe" })).ToBeVisibleAsync();
        problems.AddRange(await ChecksAsync(page, "protocol-copy-page"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The page as it is, at a phone's and at a desktop's width.</summary>
    private static async Task<IReadOnlyList<string>> ChecksAsync(IPage page, string name)
    {
        var problems = new List<string>();
        foreach (var (width, height) in PageChecks.Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            problems.AddRange((await PageChecks.CheckAsync(page, name)).Select(problem => $"{name} {width}px: {problem}"));
        }

        return problems;
    }

    private async Task<string> CoordinatorAsync()
    {
        await using var scope = _portal.Factory.Services.GetRequiredService<TenantScopes>().Create(_portal.Factory.Store.Find("Default")!);
        var services = scope.ServiceProvider;
        var networks = await services.GetRequiredService<ContentManager>().ListAsync("Network", VersionOptions.Published, 0, 100);
        var network = networks.First(n => n.Text("AutoroutePart", "Path") == NetworkPath);
        var name = "tovholder" + Guid.NewGuid().ToString("N")[..6];
        var user = new PortalUser { UserName = name, Email = name + "@example.dk", EmailConfirmed = true };
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.CreateAsync(user, PortalTestHost.AdminPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, PortalRoles.Member)).Succeeded);
        await services.GetRequiredService<NetworkMembers>().SetAsync(network.ContentItemId, user.Id, NetworkRoles.Coordinator);
        return name;
    }
}
