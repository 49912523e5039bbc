using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Browser;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The evaluation and the health page in a real Chromium without JavaScript: attendees find "Evaluering" on the
/// meeting page, answer by label, the third answer shows the aggregates; the health page's charts and tables and the
/// overview pass axe and fit a 375px phone (screenshots at 375 and 1280 px).</summary>
[Collection(BrowserCollection.Name)]
public sealed class EvaluationBrowserTests(BrowserPortalFixture fixture) : IClassFixture<BrowserPortalFixture>
{
    private const string NetworkPath = "netvaerk/eksempel-tvaergaaende-ledernetvaerk";

    private readonly BrowserPortal _portal = fixture.Portal;
    private readonly Dictionary<string, string> _ids = [];

    [Fact]
    public async Task Attendees_evaluate_by_label_and_the_health_pages_read_well_on_a_phone_and_a_desktop()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var people = new[] { "eva" + suffix, "emil" + suffix, "ella" + suffix };
        var (networkId, meetingId) = await HistoryAsync(people);
        var problems = new List<string>();

        foreach (var (person, value, worth) in new[] { (people[0], "4", "Ja"), (people[1], "5", "Nej") })
        {
            var page = await _portal.SignedInPageAsync("", person, PortalTestHost.AdminPassword);
            await page.GotoAsync($"/moeder/{meetingId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Evaluering" }).ClickAsync();
            if (person == people[0])
            {
                problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(page, "evaluation-form"));
            }

            await page.GetByRole(AriaRole.Group, new() { Name = "Hvor meget fik du ud af mødet?" }).GetByLabel(value).CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Blev tiden brugt godt?" }).GetByLabel("3").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Hvor meget energi gav mødet dig?" }).GetByLabel("4").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Var mødet tiden værd?" }).GetByLabel(worth, new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Kommentar (frivillig)").FillAsync($"Kommentar fra browseren {value}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send evaluering" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tak for din evaluering.");
            if (person == people[1])
            {
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Der vises først resultater, når mindst 3 har svaret.");
                problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(page, "evaluation-thanks"));
            }
        }

        var last = await _portal.SignedInPageAsync("", people[2], PortalTestHost.AdminPassword);
        await last.GotoAsync($"/moeder/{meetingId}/evaluering");
        foreach (var question in new[] { "Hvor meget fik du ud af mødet?", "Blev tiden brugt godt?", "Hvor meget energi gav mødet dig?" })
        {
            await last.GetByRole(AriaRole.Group, new() { Name = question }).GetByLabel("3").CheckAsync();
        }

        await last.GetByLabel("Ja", new() { Exact = true }).CheckAsync();
        await last.GetByRole(AriaRole.Button, new() { Name = "Send evaluering" }).ClickAsync();
        await Assertions.Expect(last.Locator(".evaluation-results")).ToContainTextAsync("4,0 af 5");
        await Assertions.Expect(last.Locator(".evaluation-comments li")).ToHaveCountAsync(2);
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(last, "evaluation-results"));

        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(last, "network-health", $"/moeder/netvaerk/{networkId}/sundhed"));
        await Assertions.Expect(last.Locator("svg[role=img]")).ToHaveCountAsync(4);
        var admin = await _portal.SignedInPageAsync("admin", PortalTestHost.AdminPassword);
        problems.AddRange(await PageChecks.CheckPhoneAndDesktopAsync(admin, "networks-health", "/moeder/sundhed"));
        await admin.GetByRole(AriaRole.Link, new() { Name = "Eksempel: Tværgående ledernetværk" }).First.ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Netværkets sundhed");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Three members of the recipe's example network who said yes to a meeting that began an hour ago, with a
    /// little history for the health page (two earlier meetings with attendance, time spent and an overdue action).</summary>
    private async Task<(string NetworkId, string MeetingId)> HistoryAsync(string[] people)
    {
        return await InTenantAsync(async services =>
        {
            var networks = await services.GetRequiredService<ContentManager>().ListAsync("Network", VersionOptions.Published, 0, 100);
            var network = networks.First(n => n.Text("AutoroutePart", "Path") == NetworkPath).ContentItemId;
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            foreach (var name in people)
            {
                var user = new PortalUser { UserName = name, Email = name + "@example.dk", EmailConfirmed = true };
                Assert.True((await users.CreateAsync(user, PortalTestHost.AdminPassword)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, PortalRoles.Member)).Succeeded);
                await services.GetRequiredService<NetworkMembers>().SetAsync(network, user.Id, NetworkRoles.Member);
                _ids[name] = user.Id;
            }

            var planner = services.GetRequiredService<MeetingPlanner>();
            var db = services.GetRequiredService<MeetingsDbContext>();
            var now = DateTime.UtcNow;
            var ids = new List<string>();
            foreach (var (daysAgo, theme) in new[] { (84, "Svære samtaler"), (42, "Arbejdsmiljø"), (0, "Evaluering i browseren") })
            {
                var id = (await planner.PlanAsync(network, new PlanMeetings(DateTime.Today.AddDays(5).AddHours(13), 180, null, "Rådhuset", theme)))[0].Id;
                ids.Add(id);
                foreach (var name in people)
                {
                    db.Rsvps.Add(new MeetingRsvp { MeetingId = id, UserId = _ids[name], Attending = true, AnsweredUtc = now });
                }

                if (daysAgo > 0)
                {
                    db.Attendance.AddRange(people.Take(daysAgo == 84 ? 3 : 2).Select(name => new MeetingAttendance { MeetingId = id, UserId = _ids[name] }));
                    var start = now.AddDays(-daysAgo);
                    db.RunItems.AddRange(
                        new MeetingRunItem { MeetingId = id, Position = 0, Phase = "Check-in", PlannedMinutes = 15, StartedUtc = start, EndedUtc = start.AddMinutes(daysAgo == 84 ? 22 : 14) },
                        new MeetingRunItem { MeetingId = id, Position = 1, Phase = "Casefremlæggelse", PlannedMinutes = 10, StartedUtc = start.AddMinutes(22), EndedUtc = start.AddMinutes(daysAgo == 84 ? 34 : 30) },
                        new MeetingRunItem { MeetingId = id, Position = 2, Phase = "Refleksion", PlannedMinutes = 20, StartedUtc = start.AddMinutes(34), EndedUtc = start.AddMinutes(52) });
                }

                await db.WriteAsync(() => db.SaveChangesAsync(), CancellationToken.None);
                await db.WriteAsync(() => db.Meetings.Where(m => m.Id == id).ExecuteUpdateAsync(m => m
                    .SetProperty(x => x.StartUtc, daysAgo > 0 ? now.AddDays(-daysAgo) : now.AddHours(-1))
                    .SetProperty(x => x.AttendanceRecorded, daysAgo > 0)), CancellationToken.None);
            }

            await services.GetRequiredService<MeetingActions>().AddAsync(ids[0], "Sende materialet om svære samtaler rundt", _ids[people[0]], DateOnly.FromDateTime(DateTime.Today.AddDays(-7)));
            return (network, ids[^1]);
        });
    }

    private async Task<T> InTenantAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _portal.Factory.Services.GetRequiredService<TenantScopes>().Create(_portal.Factory.Store.Find("Default")!);
        return await work(scope.ServiceProvider);
    }
}
