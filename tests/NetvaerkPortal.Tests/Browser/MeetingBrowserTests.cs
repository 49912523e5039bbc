using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Browser;

/// <summary>The planning half of the facilitation tool in a real Chromium, without a line of JavaScript: a coordinator
/// plans a series, two members answer and bring cases, the suggested meeting leader picks a case and reads the
/// invitation, and the next meeting has another meeting leader. Every page passes axe and fits a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingBrowserTests(BrowserPortalFixture fixture) : IClassFixture<BrowserPortalFixture>
{
    private const string NetworkPath = "netvaerk/eksempel-tvaergaaende-ledernetvaerk";
    private const string Protocol = "Kollegial sparring (browsertest)";

    private readonly BrowserPortal _portal = fixture.Portal;

    [Fact]
    public async Task A_coordinator_plans_a_series_members_answer_and_bring_cases_and_the_leader_builds_the_agenda_and_reads_the_invitation()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var (networkId, people) = await PeopleAsync(suffix);
        var problems = new List<string>();

        // The coordinator plans three meetings, six weeks apart, from the network's page.
        var coordinator = await _portal.SignedInPageAsync("", people["tovholder"], PortalTestHost.AdminPassword);
        await coordinator.GotoAsync("/" + NetworkPath);
        await coordinator.GetByRole(AriaRole.Navigation, new() { Name = "Handlinger" }).GetByRole(AriaRole.Link, new() { Name = "Møder", Exact = true }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Planlæg møder" }).ClickAsync();
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(coordinator, "meeting-plan"));
        var first = DateTime.Today.AddDays(14);
        await coordinator.GetByLabel("Dato for første møde").FillAsync(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await coordinator.GetByLabel("Starttid").FillAsync("13:00");
        await coordinator.GetByLabel("Antal møder").FillAsync("3");
        await coordinator.GetByLabel("Uger mellem møderne").FillAsync("6");
        await coordinator.GetByLabel("Mødeprotokol").SelectOptionAsync(new SelectOptionValue { Label = Protocol });
        await coordinator.GetByLabel("Tema (valgfrit)").FillAsync("Svære samtaler");
        await coordinator.GetByLabel("Sted", new() { Exact = true }).FillAsync("Rådhuset, mødelokale 2");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Planlæg", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Møderne er planlagt.");
        await Assertions.Expect(coordinator.Locator(".meeting-list").First.Locator("li")).ToHaveCountAsync(3);
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(coordinator, "meeting-list-coordinator"));

        var meetings = await InTenantAsync(async services => (await services.GetRequiredService<MeetingPlanner>().ListAsync(networkId)).Where(m => m.Theme == "Svære samtaler").ToList());
        Assert.Equal(3, meetings.Count);
        var (meeting, next) = (meetings[0], meetings[1]);
        var leaderId = (await RolesAsync(meeting.Id)).Roles.MeetingLeader;
        var leader = people.First(p => Id(p.Value) == leaderId).Value;
        var others = people.Where(p => p.Key != "tovholder" && p.Value != leader).Select(p => p.Value).ToList();
        var (yes, no) = (others[0], others[1]);
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(coordinator, "meeting-coordinator", $"/moeder/{meeting.Id}"));

        // One member comes and brings a case; another sends apologies with a reason and brings one for later.
        var member = await _portal.SignedInPageAsync("", yes, PortalTestHost.AdminPassword);
        await member.GotoAsync($"/moeder/{meeting.Id}");
        await member.GetByLabel("Kommer", new() { Exact = true }).CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Send svar" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Tak – du har meldt dig til mødet.");
        await BringCaseAsync(member, "Nyt vagtskema", "Hvordan får jeg medarbejderne med på det nye vagtskema?");
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(member, "meeting-member"));

        var absent = await _portal.SignedInPageAsync("", no, PortalTestHost.AdminPassword);
        await absent.GotoAsync($"/moeder/{meeting.Id}");
        await absent.GetByLabel("Melder afbud").CheckAsync();
        await absent.GetByLabel("Begrundelse (valgfri)").FillAsync("På kursus");
        await absent.GetByRole(AriaRole.Button, new() { Name = "Send svar" }).ClickAsync();
        await Assertions.Expect(absent.GetByRole(AriaRole.Status)).ToContainTextAsync("Du har meldt afbud.");
        await BringCaseAsync(absent, "Sygefravær", "Hvornår skal jeg tage samtalen?");
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(absent, "my-meetings-member", "/moeder"));

        // The suggested meeting leader finds the role on "Mine møder", picks the case that is coming and orders it.
        var lead = await _portal.SignedInPageAsync("", leader, PortalTestHost.AdminPassword);
        await lead.GotoAsync("/moeder");
        await Assertions.Expect(lead.Locator(".meeting-card").First).ToContainTextAsync("Mødeleder");
        await lead.Locator(".meeting-card").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await lead.GetByRole(AriaRole.Checkbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Nyt vagtskema") }).CheckAsync();
        await lead.GetByLabel("Nummer på dagsordenen for »Nyt vagtskema«").FillAsync("1");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Opdater dagsordenen" }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Status)).ToContainTextAsync("Dagsordenen er opdateret");
        await Assertions.Expect(lead.Locator("table.agenda")).ToContainTextAsync("13.00–13.15");
        await Assertions.Expect(lead.Locator("table.agenda")).ToContainTextAsync("Nyt vagtskema");
        await Assertions.Expect(lead.Locator(".agenda-fit--ok")).ToBeVisibleAsync();
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(lead, "meeting-leader"));

        // The invitation: agenda with clock times and guidance, the case and its key question, the roles.
        await lead.GetByRole(AriaRole.Link, new() { Name = "Se indkaldelsen" }).ClickAsync();
        var invitation = lead.Locator("article.invitation");
        await Assertions.Expect(invitation).ToContainTextAsync("13.00–13.15");
        await Assertions.Expect(invitation).ToContainTextAsync("Check-in");
        await Assertions.Expect(invitation).ToContainTextAsync("Nyt vagtskema");
        await Assertions.Expect(invitation).ToContainTextAsync("Hvordan får jeg medarbejderne med på det nye vagtskema?");
        await Assertions.Expect(invitation).ToContainTextAsync("Sørg for at alle er landet");
        await Assertions.Expect(invitation).ToContainTextAsync(leader);
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(lead, "invitation"));
        await lead.GetByRole(AriaRole.Link, new() { Name = "Udskriv" }).ClickAsync();
        await Assertions.Expect(lead.Locator("article.invitation")).ToContainTextAsync("Nyt vagtskema");
        await Assertions.Expect(lead.Locator(".site-header")).ToHaveCountAsync(0);
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(lead, "invitation-print"));

        // The next meeting's suggested roles rotate: another meeting leader.
        var nextLeader = (await RolesAsync(next.Id)).Roles.MeetingLeader;
        Assert.NotEqual(leaderId, nextLeader);
        await lead.GotoAsync($"/moeder/{next.Id}");
        var nextLeaderName = people.Values.First(name => Id(name) == nextLeader);
        await Assertions.Expect(lead.Locator("#roller .roles__row").First).ToContainTextAsync(nextLeaderName);
        await Assertions.Expect(lead.Locator("#roller .roles__row").First).ToContainTextAsync("forslag");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task BringCaseAsync(IPage page, string title, string question)
    {
        await page.GetByText("Meld en case ind").ClickAsync();
        await page.GetByLabel("Overskrift").FillAsync(title);
        await page.GetByLabel("Fokusspørgsmål").FillAsync(question);
        await page.GetByLabel("Minutter, du har brug for").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meld casen ind" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Din case er meldt ind.");
    }

    /// <summary>A coordinator and three members of the recipe's example network, and a protocol the network may use.</summary>
    private async Task<(string NetworkId, Dictionary<string, string> People)> PeopleAsync(string suffix)
    {
        var people = new Dictionary<string, string> { ["tovholder"] = "tovholder" + suffix, ["a"] = "anne" + suffix, ["b"] = "bo" + suffix, ["c"] = "carl" + suffix };
        var networkId = await InTenantAsync(async services =>
        {
            var networks = await services.GetRequiredService<ContentManager>().ListAsync("Network", VersionOptions.Published, 0, 100);
            var network = networks.First(n => n.Text("AutoroutePart", "Path") == NetworkPath);
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            foreach (var (key, name) in people)
            {
                var user = new PortalUser { UserName = name, Email = name + "@example.dk", EmailConfirmed = true };
                Assert.True((await users.CreateAsync(user, PortalTestHost.AdminPassword)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, PortalRoles.Member)).Succeeded);
                await services.GetRequiredService<NetworkMembers>().SetAsync(network.ContentItemId, user.Id, key == "tovholder" ? NetworkRoles.Coordinator : NetworkRoles.Member);
                _ids[name] = user.Id;
            }

            await AddProtocolAsync(services);
            return network.ContentItemId;
        });
        return (networkId, people);
    }

    private readonly Dictionary<string, string> _ids = [];

    private string Id(string userName) => _ids[userName];

    /// <summary>An organisation protocol (the protocols feature's content type, written straight into the content table
    /// once): check-in with guidance, three phases per case, a closing round.</summary>
    private static async Task AddProtocolAsync(IServiceProvider services)
    {
        var content = services.GetRequiredService<ContentManager>();
        if ((await content.ListAsync("Protocol", VersionOptions.Published, 0, 100)).Any(p => p.DisplayText == Protocol))
        {
            return;
        }

        static JsonObject Phase(string name, int minutes, bool perCase, string? guidance = null) =>
            new() { ["Name"] = name, ["Minutes"] = minutes, ["PerCase"] = perCase, ["Guidance"] = guidance, ["Speaks"] = perCase ? "Casegiveren" : "Alle", ["Listens"] = perCase ? "Gruppen" : null };
        var item = new ContentItem { ContentItemId = ContentIds.New(), ContentType = "Protocol", DisplayText = Protocol, Latest = true, Published = true };
        item.GetOrCreatePart("TitlePart")["Title"] = Protocol;
        item.GetOrCreatePart("ProtocolPart")["Phases"] = new JsonArray(
            Phase("Check-in", 15, false, "Sørg for at alle er landet: én sætning hver om, hvad de kommer fra."),
            Phase("Casefremlæggelse", 10, true), Phase("Afklarende spørgsmål", 15, true), Phase("Refleksion", 20, true, "Casegiveren lytter og tager noter."),
            Phase("Afslutning", 10, false));
        var now = DateTime.UtcNow;
        var record = new ContentItemRecord
        {
            ContentItemId = item.ContentItemId, ContentItemVersionId = ContentIds.New(), ContentType = item.ContentType, Data = "{}",
            Latest = true, Published = true, CreatedUtc = now, PublishedUtc = now,
        };
        ContentRecords.CopyInto(item, record, now);
        var db = services.GetRequiredService<PortalDbContext>();
        db.ContentItems.Add(record);
        await db.SaveChangesAsync();
    }

    private Task<EffectiveRoles> RolesAsync(string meetingId) => InTenantAsync(async services =>
        await services.GetRequiredService<MeetingRoster>().ForMeetingAsync((await services.GetRequiredService<MeetingPlanner>().GetAsync(meetingId))!));

    private async Task<T> InTenantAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _portal.Factory.Services.GetRequiredService<TenantScopes>().Create(_portal.Factory.Store.Find("Default")!);
        return await work(scope.ServiceProvider);
    }
}
