using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Browser;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The note-taker in a real Chromium: notes saved while typing survive a dropped connection (kept in the
/// browser, sent when it is back) and a failed save followed by a reload; a decision, an action and a learning are
/// added from the page; the page passes axe and fits a phone, for the note-taker and for a member who reads.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotesBrowserTests(BrowserPortalFixture fixture) : IClassFixture<BrowserPortalFixture>
{
    private const string NetworkPath = "netvaerk/eksempel-tvaergaaende-ledernetvaerk";
    private const string NotesApi = "**/api/meetings/*/notes/*";

    private readonly BrowserPortal _portal = fixture.Portal;

    [Fact]
    public async Task Notes_saved_while_typing_survive_a_dropped_connection_and_a_reload()
    {
        var (meeting, noteTaker, _) = await MeetingAsync();
        var page = await _portal.SignedInPageAsync("", noteTaker, PortalTestHost.AdminPassword);
        await page.GotoAsync($"/moeder/{meeting}/noter");
        var whole = page.GetByLabel("Noter til »Mødet som helhed«");
        var whole_status = page.Locator("#note-hele-moedet-status");

        await whole.FillAsync("Alle er kommet.");
        await Assertions.Expect(whole_status).ToContainTextAsync("Gemt kl.");
        Assert.Equal("Alle er kommet.", await StoredAsync(meeting, -1));

        // The connection drops while the note-taker writes: the text waits in the browser, then reaches the server.
        await page.Context.SetOfflineAsync(true);
        await whole.PressSequentiallyAsync(" Bo fortalte om vagtplanen.");
        await Assertions.Expect(whole_status).ToContainTextAsync("Ikke gemt endnu");
        Assert.Equal("Alle er kommet.", await StoredAsync(meeting, -1));
        Assert.Contains("Bo fortalte om vagtplanen.", await page.EvaluateAsync<string>("() => Object.keys(localStorage).map(k => localStorage.getItem(k)).join('\\n')"), StringComparison.Ordinal);
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(whole_status).ToContainTextAsync("Gemt kl.");
        Assert.Equal("Alle er kommet. Bo fortalte om vagtplanen.", await StoredAsync(meeting, -1));

        // The server cannot be reached and the page is reloaded: the unsent text comes back and is saved.
        await page.RouteAsync(NotesApi, route => route.AbortAsync());
        var first = page.Locator("#note-punkt-0");
        await first.FillAsync("Check-in: travlt hos alle.");
        await first.BlurAsync();
        await Assertions.Expect(page.Locator("#note-punkt-0-status")).ToContainTextAsync("Ikke gemt endnu – prøver igen");
        await page.UnrouteAsync(NotesApi);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#note-punkt-0")).ToHaveValueAsync("Check-in: travlt hos alle.");
        await Assertions.Expect(page.Locator("#note-punkt-0-status")).ToContainTextAsync("Gemt kl.");
        Assert.Equal("Check-in: travlt hos alle.", await StoredAsync(meeting, 0));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('netvaerk-noter:')).length"));
    }

    [Fact]
    public async Task Someone_elses_newer_notes_are_shown_beside_the_writers_and_nothing_is_overwritten_until_they_choose()
    {
        var (meeting, noteTaker, _) = await MeetingAsync();
        var page = await _portal.SignedInPageAsync("", noteTaker, PortalTestHost.AdminPassword);
        await page.GotoAsync($"/moeder/{meeting}/noter");
        await InTenantAsync(async services =>
        {
            var found = (await services.GetRequiredService<MeetingPlanner>().GetAsync(meeting))!;
            return await services.GetRequiredService<Netvaerk.Meetings.Notes.MeetingNotes>().SaveAsync(found, 0, "Mødelederens tekst", 0, "leder");
        });

        await page.Locator("#note-punkt-0").FillAsync("Referentens tekst");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Mødelederens tekst");
        Assert.Equal("Mødelederens tekst", await StoredAsync(meeting, 0));

        await page.GetByRole(AriaRole.Button, new() { Name = "Brug min tekst" }).ClickAsync();
        await Assertions.Expect(page.Locator("#note-punkt-0-status")).ToContainTextAsync("Gemt kl.");
        Assert.Equal("Referentens tekst", await StoredAsync(meeting, 0));
    }

    [Fact]
    public async Task The_note_taker_records_a_decision_an_action_and_a_learning_and_every_view_is_accessible()
    {
        var (meeting, noteTaker, member) = await MeetingAsync();
        var page = await _portal.SignedInPageAsync("", noteTaker, PortalTestHost.AdminPassword);
        var problems = new List<string>();
        await page.GotoAsync($"/moeder/{meeting}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Noter og beslutninger" }).ClickAsync();
        await page.Locator("#note-punkt-0").FillAsync("Runden viste, at alle mangler tid til ledelse.\nVi talte om at sige nej.");
        await Assertions.Expect(page.Locator("#note-punkt-0-status")).ToContainTextAsync("Gemt kl.");

        await page.GetByLabel("Beslutning", new() { Exact = true }).FillAsync("Næste møde holdes hos Bo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skriv beslutningen ned" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Beslutningen er skrevet ned.");

        await page.GetByLabel("Hvad skal gøres?").FillAsync("Book lokale til næste møde");
        await page.GetByLabel("Ansvarlig").SelectOptionAsync(new SelectOptionValue { Label = member });
        await page.GetByLabel("Frist (valgfri)").FillAsync(DateTime.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret opgaven" }).ClickAsync();
        await Assertions.Expect(page.Locator("#handlinger")).ToContainTextAsync("Book lokale til næste møde");

        await page.Locator("#punkt-0").GetByRole(AriaRole.Link, new() { Name = "Del som læring" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Læringen", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("alle mangler tid"));
        await page.GetByLabel("Overskrift").FillAsync("Tid til ledelse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem som kladde til videnartikel" }).ClickAsync();
        await Assertions.Expect(page.Locator("#laering")).ToContainTextAsync("Tid til ledelse");
        await Assertions.Expect(page.Locator("#laering")).ToContainTextAsync("kladde");
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(page, "meeting-notes-note-taker"));

        // The draft's editor shows the anonymisation checklist.
        await page.Locator("#laering").GetByRole(AriaRole.Link, new() { Name = "Rediger" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Navne er fjernet")).Not.ToBeCheckedAsync();
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(page, "meeting-learning-editor"));

        var reader = await _portal.SignedInPageAsync("", member, PortalTestHost.AdminPassword);
        await reader.GotoAsync($"/moeder/{meeting}/noter");
        await Assertions.Expect(reader.Locator("#punkt-0")).ToContainTextAsync("alle mangler tid til ledelse");
        await Assertions.Expect(reader.Locator("textarea#note-punkt-0")).ToHaveCountAsync(0);
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(reader, "meeting-notes-member"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A meeting of the recipe's example network on its first protocol, with a new note-taker and a member.</summary>
    private async Task<(string Meeting, string NoteTaker, string Member)> MeetingAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var (noteTaker, member) = ("referent" + suffix, "medlem" + suffix);
        var meeting = await InTenantAsync(async services =>
        {
            var content = services.GetRequiredService<ContentManager>();
            var network = (await content.ListAsync("Network", VersionOptions.Published, 0, 100)).First(n => n.Text("AutoroutePart", "Path") == NetworkPath);
            var protocol = (await content.ListAsync("Protocol", VersionOptions.Published, 0, 100)).FirstOrDefault(p => p.Part("NetworkItemPart") is null);
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var ids = new List<string>();
            foreach (var name in new[] { noteTaker, member })
            {
                var user = new PortalUser { UserName = name, Email = name + "@example.dk", EmailConfirmed = true };
                Assert.True((await users.CreateAsync(user, PortalTestHost.AdminPassword)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, PortalRoles.Member)).Succeeded);
                await services.GetRequiredService<NetworkMembers>().SetAsync(network.ContentItemId, user.Id, NetworkRoles.Member);
                ids.Add(user.Id);
            }

            var start = DateTime.SpecifyKind(DateTime.Today.AddDays(3).AddHours(13), DateTimeKind.Unspecified);
            var planned = (await services.GetRequiredService<MeetingPlanner>().PlanAsync(network.ContentItemId,
                new PlanMeetings(start, 180, protocol?.ContentItemId, "Rådhuset", "Svære samtaler")))[0];
            await services.GetRequiredService<MeetingRoster>().SetAsync(planned.Id, new RoleAssignment(ids[0], null, ids[0], null, []));
            return planned.Id;
        });
        return (meeting, noteTaker, member);
    }

    private Task<string?> StoredAsync(string meetingId, int position) => InTenantAsync(async services =>
    {
        var db = services.GetRequiredService<MeetingsDbContext>();
        return await db.InPortalTransactionAsync(() => db.ItemNotes.Where(n => n.MeetingId == meetingId && n.Position == position).Select(n => n.Text).FirstOrDefaultAsync(), CancellationToken.None);
    });

    private async Task<T> InTenantAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _portal.Factory.Services.GetRequiredService<TenantScopes>().Create(_portal.Factory.Store.Find("Default")!);
        return await work(scope.ServiceProvider);
    }
}
