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
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Browser;

/// <summary>The live run-sheet in a real Chromium: the meeting leader presses "Næste fase" and a participant's page,
/// in another browser, shows the new phase within seconds without reloading (SignalR over WebSockets under the CSP).
/// The pages pass axe and fit a phone, running and ended.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RunSheetBrowserTests(BrowserPortalFixture fixture) : IClassFixture<BrowserPortalFixture>
{
    private const string NetworkPath = "netvaerk/eksempel-tvaergaaende-ledernetvaerk";

    private readonly BrowserPortal _portal = fixture.Portal;

    [Fact]
    public async Task The_leaders_next_phase_reaches_a_participants_page_without_reloading()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var (leaderName, memberName, meetingId) = await MeetingAsync(suffix);
        var path = $"/moeder/{meetingId}/afvikling";
        var problems = new List<string>();

        var member = await _portal.SignedInPageAsync("", memberName, PortalTestHost.AdminPassword);
        var errors = new List<string>();
        member.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        await member.GotoAsync(path);
        await Assertions.Expect(member.Locator("#runsheet-now-heading")).ToHaveTextAsync("Trivsel i vagtplanen");
        var countdown = await member.Locator("[data-countdown]").TextContentAsync();
        await member.WaitForTimeoutAsync(1500);
        Assert.NotEqual(countdown, await member.Locator("[data-countdown]").TextContentAsync());
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(member, "runsheet-member"));

        var leader = await _portal.SignedInPageAsync("", leaderName, PortalTestHost.AdminPassword);
        await leader.GotoAsync(path);
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(leader, "runsheet-leader"));
        await leader.GetByRole(AriaRole.Button, new() { Name = "Næste fase" }).ClickAsync();
        await Assertions.Expect(leader.Locator("#runsheet-now-heading")).ToHaveTextAsync("Ny leder i gammelt team");

        // The participant's page follows by itself: no reload, no click.
        await Assertions.Expect(member.Locator("#runsheet-now-heading")).ToHaveTextAsync("Ny leder i gammelt team", new() { Timeout = 5000 });
        await Assertions.Expect(member.Locator("tr[aria-current=step]")).ToContainTextAsync("Ny leder i gammelt team");
        await Assertions.Expect(member.Locator("[data-announce]")).ToContainTextAsync("Ny fase: Ny leder i gammelt team");

        await leader.GetByRole(AriaRole.Button, new() { Name = "Afslut mødet" }).ClickAsync();
        await Assertions.Expect(member.Locator("#runsheet-now-heading")).ToHaveTextAsync("Mødet er afsluttet", new() { Timeout = 5000 });
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(member, "runsheet-ended"));
        Assert.Empty(errors);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A meeting of the recipe's example network that began three minutes ago: two chosen cases (the agenda
    /// without a protocol), a meeting leader and a member who follows.</summary>
    private async Task<(string Leader, string Member, string MeetingId)> MeetingAsync(string suffix)
    {
        var (leaderName, memberName) = ("leder" + suffix, "deltager" + suffix);
        await using var scope = _portal.Factory.Services.GetRequiredService<TenantScopes>().Create(_portal.Factory.Store.Find("Default")!);
        var services = scope.ServiceProvider;
        var networks = await services.GetRequiredService<ContentManager>().ListAsync("Network", VersionOptions.Published, 0, 100);
        var networkId = networks.First(n => n.Text("AutoroutePart", "Path") == NetworkPath).ContentItemId;
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var ids = new Dictionary<string, string>();
        foreach (var name in new[] { leaderName, memberName })
        {
            var user = new PortalUser { UserName = name, Email = name + "@example.dk", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, PortalTestHost.AdminPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, PortalRoles.Member)).Succeeded);
            await services.GetRequiredService<NetworkMembers>().SetAsync(networkId, user.Id, NetworkRoles.Member);
            ids[name] = user.Id;
        }

        var start = DateTime.SpecifyKind(DateTime.Now.Date.AddDays(5).AddHours(13), DateTimeKind.Unspecified);
        var meeting = (await services.GetRequiredService<MeetingPlanner>().PlanAsync(networkId, new PlanMeetings(start, 120, null, "Rådhuset", "Afvikling " + suffix)))[0];
        await services.GetRequiredService<MeetingRoster>().SetAsync(meeting.Id, new RoleAssignment(ids[leaderName], null, null, null, []));
        var intake = services.GetRequiredService<CaseIntake>();
        var first = await intake.BringAsync(meeting.Id, ids[memberName], new BringCase("Trivsel i vagtplanen", "Hvordan får vi weekenderne fordelt?", 20, 1));
        var second = await intake.BringAsync(meeting.Id, ids[leaderName], new BringCase("Ny leder i gammelt team", "Hvordan skaber jeg tillid?", 20, 1));
        await intake.SelectAsync(meeting.Id, [first.Id, second.Id]);
        var db = services.GetRequiredService<MeetingsDbContext>();
        await db.InPortalTransactionAsync(() => db.Meetings.Where(m => m.Id == meeting.Id)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.StartUtc, DateTime.UtcNow.AddMinutes(-3)), CancellationToken.None), CancellationToken.None);
        return (leaderName, memberName, meeting.Id);
    }
}
