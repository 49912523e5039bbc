using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.Data;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>Network health (GET /api/networks/{id}/health, /moeder/netvaerk/{id}/sundhed, /moeder/sundhed) computed
/// from a known history: a network of its own with four held meetings (attendance, answers, roles, actions, time per
/// phase written straight into the tables), one cancelled and one to come, every figure asserted exactly.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class HealthTests(MeetingsApiPortal portal)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? _network;

    private static readonly string[] Members = ["h-anne", "h-bo", "h-carl", "h-dorte"];

    /// <summary>The history (shared by the tests here; built once).</summary>
    private async Task<string> NetworkAsync()
    {
        await Once.WaitAsync();
        try
        {
            return _network ??= await BuildAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<string> BuildAsync()
    {
        var network = await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var item = TestItems.Create("Network", "Sundhedsnetværket", "Om H", "Tenant");
            await services.GetRequiredService<ContentManager>().PublishAsync(item);
            return item.ContentItemId;
        });
        foreach (var name in Members)
        {
            portal.UserIds[name] = await portal.CreateUserAsync(portal.Alfa, name, PortalRoles.Member, (network, NetworkRoles.Member));
        }

        var now = portal.Clock.GetUtcNow().UtcDateTime;
        await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var db = services.GetRequiredService<NetworksDbContext>();
            return await db.InPortalTransactionAsync(() => db.Members.Where(m => m.NetworkContentItemId == network)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.CreatedUtc, now.AddDays(-60))), CancellationToken.None);
        });

        var m1 = await portal.HeldMeetingAsync(["h-anne", "h-bo", "h-carl", "h-dorte"], present: ["h-anne", "h-bo", "h-carl"], hoursAgo: 40 * 24, networkId: network, theme: "Første");
        var m2 = await portal.HeldMeetingAsync(["h-anne", "h-bo"], present: ["h-anne", "h-bo", "h-carl", "h-dorte"], hoursAgo: 30 * 24, networkId: network);
        var m3 = await portal.HeldMeetingAsync(["h-anne", "h-bo", "h-dorte"], hoursAgo: 20 * 24, networkId: network);
        var m4 = await portal.HeldMeetingAsync(["h-anne", "h-bo"], present: ["h-anne", "h-bo"], hoursAgo: 10 * 24, networkId: network);
        var cancelled = await portal.HeldMeetingAsync(["h-anne"], present: ["h-anne"], hoursAgo: 5 * 24, networkId: network, cancelled: true);
        var future = await portal.InTenantAsync(portal.Alfa, async services =>
            (await services.GetRequiredService<Netvaerk.Meetings.Planning.MeetingPlanner>().PlanAsync(network,
                new Netvaerk.Meetings.Planning.PlanMeetings(portal.FutureStart(20), 180, null, null, null)))[0].Id);

        await portal.EvaluateAsync(m1, "h-anne", 4, 3, 5, true, "Godt møde");
        await portal.EvaluateAsync(m1, "h-bo", 4, 4, 4, true);
        await portal.EvaluateAsync(m1, "h-carl", 3, 2, 3, false);
        await portal.EvaluateAsync(m2, "h-anne", 1, 1, 1, false);
        await portal.EvaluateAsync(m2, "h-bo", 1, 1, 1, false);
        await portal.EvaluateAsync(m3, "h-anne", 5, 5, 5, true);
        await portal.EvaluateAsync(m3, "h-bo", 4, 4, 4, true);
        await portal.EvaluateAsync(m3, "h-dorte", 4, 3, 5, true);

        string Id(string name) => portal.UserIds[name];
        await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var db = services.GetRequiredService<MeetingsDbContext>();
            void Roles(string meeting, string leader, string timekeeper, string noteTaker, string host, params string[] caseGivers)
            {
                db.Roles.Add(new MeetingRoleAssignment { MeetingId = meeting, Role = MeetingRoles.MeetingLeader, UserId = Id(leader) });
                db.Roles.Add(new MeetingRoleAssignment { MeetingId = meeting, Role = MeetingRoles.Timekeeper, UserId = Id(timekeeper) });
                db.Roles.Add(new MeetingRoleAssignment { MeetingId = meeting, Role = MeetingRoles.NoteTaker, UserId = Id(noteTaker) });
                db.Roles.Add(new MeetingRoleAssignment { MeetingId = meeting, Role = MeetingRoles.Host, UserId = Id(host) });
                foreach (var giver in caseGivers)
                {
                    db.Roles.Add(new MeetingRoleAssignment { MeetingId = meeting, Role = MeetingRoles.CaseGiver, UserId = Id(giver) });
                }
            }

            void Item(string meeting, int position, string phase, int planned, double? spentMinutes, bool ended = true)
            {
                var started = now.AddDays(-1).AddMinutes(position * 100);
                db.RunItems.Add(new MeetingRunItem
                {
                    MeetingId = meeting, Position = position, Phase = phase, PlannedMinutes = planned,
                    StartedUtc = spentMinutes is null ? null : started, EndedUtc = spentMinutes is null || !ended ? null : started.AddMinutes(spentMinutes.Value),
                });
            }

            void Action(string meeting, string text, string? owner, int? dueInDays, bool done = false) => db.Actions.Add(new MeetingAction
            {
                Id = ContentIds.New(), MeetingId = meeting, NetworkContentItemId = network, Text = text, OwnerUserId = owner is null ? null : Id(owner),
                Due = dueInDays is { } days ? DateOnly.FromDateTime(Netvaerk.Meetings.MeetingTime.ToLocal(now)).AddDays(days) : null, Done = done, CreatedUtc = now,
            });

            Roles(m1, "h-anne", "h-bo", "h-carl", "h-dorte", "h-anne", "h-bo");
            Roles(m2, "h-bo", "h-carl", "h-dorte", "h-anne", "h-carl");
            Roles(m3, "h-anne", "h-dorte", "h-bo", "h-carl", "h-bo");
            Roles(m4, "h-bo", "h-anne", "h-carl", "h-dorte", "h-anne");
            Roles(cancelled, "h-carl", "h-carl", "h-carl", "h-carl", "h-carl", "h-dorte");
            Roles(future, "h-carl", "h-dorte", "h-anne", "h-bo", "h-dorte");
            Item(m1, 0, "Check-in", 15, 20);
            Item(m1, 1, "Runde", 30, 25.5);
            Item(m1, 2, "Afslutning", 10, null);
            Item(m2, 0, "Check-in", 15, 12);
            Item(m3, 0, "Check-in", 15, 40, ended: false);
            Item(m4, 0, "Runde", 30, 31);
            Item(cancelled, 0, "Check-in", 15, 99);
            Action(m1, "Sende oplæg", "h-anne", -5);
            Action(m2, "Booke lokale", null, 10);
            Action(m3, "Lukket opgave", "h-bo", -20, done: true);
            Action(m4, "Ringe til kommunen", "h-carl", null);
            await db.WriteAsync(async () => await db.SaveChangesAsync(), CancellationToken.None);
            return true;
        });
        portal.UserIds["health-meetings"] = string.Join(',', m1, m2, m3, m4);
        return network;
    }

    private async Task<JsonNode> HealthAsync(string user, string network)
    {
        using var client = portal.Client(user);
        var response = await client.GetAsync(MeetingsApiPortal.Url($"/api/networks/{network}/health"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Every_figure_of_the_api_follows_from_the_known_history()
    {
        var network = await NetworkAsync();
        var ids = portal.UserIds["health-meetings"].Split(',');

        var health = await HealthAsync("redaktoer", network);

        Assert.Equal(4, (int)health["meetingsHeld"]!);
        Assert.Equal(75, (int)health["averageAttendance"]!);
        Assert.Equal(4.0, (double)health["averageValue"]!);
        var meetings = health["meetings"]!.AsArray();
        Assert.Equal(ids, meetings.Select(m => (string)m!["id"]!).ToArray());
        Assert.Equal("Første", (string)meetings[0]!["theme"]!);
        string Row(JsonNode? m) => string.Join(' ', new[] { "present", "members", "attendance", "answers", "value", "time", "energy", "worthIt" }
            .Select(key => m![key] is { } value ? value.ToJsonString() : "null"));
        Assert.Equal("3 4 75 3 3.7 3 4 0.67", Row(meetings[0]));
        Assert.Equal("4 4 100 2 null null null null", Row(meetings[1]));
        Assert.Equal("null 4 null 3 4.3 4 4.7 1", Row(meetings[2]));
        Assert.Equal("2 4 50 0 null null null null", Row(meetings[3]));

        var roles = health["roles"]!.AsArray().ToDictionary(r => (string)r!["userName"]!, r => string.Join(' ',
            new[] { "meetingLeader", "timekeeper", "noteTaker", "host", "caseGiver" }.Select(key => (int)r![key]!)));
        Assert.Equal(4, roles.Count);
        Assert.Equal("2 1 0 1 2", roles["h-anne"]);
        Assert.Equal("2 1 1 0 2", roles["h-bo"]);
        Assert.Equal("0 1 2 1 1", roles["h-carl"]);
        Assert.Equal("0 1 1 2 0", roles["h-dorte"]);
        Assert.Equal(["h-dorte"], health["noCaseYet"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["h-carl", "h-dorte"], health["notLedYet"]!.AsArray().Select(n => (string)n!));

        var actions = health["actions"]!;
        Assert.Equal(3, (int)actions["open"]!);
        Assert.Equal(1, (int)actions["overdue"]!);
        var items = actions["items"]!.AsArray().ToDictionary(a => (string)a!["text"]!, a => a!);
        Assert.Equal(["Booke lokale", "Ringe til kommunen", "Sende oplæg"], items.Keys.Order(StringComparer.Ordinal));
        Assert.True((bool)items["Sende oplæg"]["overdue"]!);
        Assert.Equal("h-anne", (string)items["Sende oplæg"]["owner"]!);
        Assert.False((bool)items["Booke lokale"]["overdue"]!);
        Assert.Null(items["Ringe til kommunen"]["due"]);

        Assert.Equal(
            "Check-in 2 30 32|Runde 2 60 56.5",
            string.Join('|', health["phases"]!.AsArray().Select(p => $"{(string)p!["phase"]!} {(int)p["items"]!} {(int)p["plannedMinutes"]!} {((double)p["spentMinutes"]!).ToString(System.Globalization.CultureInfo.InvariantCulture)}")));
        Assert.DoesNotContain("Godt møde", health.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_see_the_health_and_others_get_404()
    {
        var network = await NetworkAsync();
        using var member = portal.Client("anne");
        using var otherTenant = portal.Client("beta-admin");
        using var coordinatorOfX = portal.Client("tovholder");

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(MeetingsApiPortal.Url($"/api/networks/{network}/health"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinatorOfX.GetAsync(MeetingsApiPortal.Url($"/api/networks/{network}/health"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherTenant.GetAsync(MeetingsApiPortal.Url($"/api/networks/{network}/health"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(MeetingsApiPortal.Url("/api/networks/..%2F..%2Fetc/health"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(MeetingsApiPortal.Url($"/api/networks/{portal.NetworkX}/health"))).StatusCode);
        using var hMember = await portal.PageSessionAsync("h-carl");
        Assert.Equal(HttpStatusCode.OK, (await hMember.GetAsync($"/moeder/netvaerk/{network}/sundhed")).StatusCode);
        Assert.Contains($"<a href=\"/alfa/moeder/netvaerk/{network}/sundhed\">Netværkets sundhed</a>", await hMember.HtmlAsync($"/moeder/netvaerk/{network}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await hMember.GetAsync($"/moeder/netvaerk/{portal.NetworkX}/sundhed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hMember.GetAsync("/moeder/sundhed")).StatusCode);
    }

    [Fact]
    public async Task The_page_draws_each_series_as_an_svg_with_a_title_and_a_table_with_the_same_numbers()
    {
        var network = await NetworkAsync();
        using var member = await portal.PageSessionAsync("h-anne");

        var html = await member.HtmlAsync($"/moeder/netvaerk/{network}/sundhed");

        Assert.Equal(4, CountOf(html, "role=\"img\""));
        Assert.Contains("<title id=\"fremmoede-graf-title\">Fremmøde pr. møde</title>", html, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"evaluering-graf-title evaluering-graf-desc\"", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "<details>"));
        Assert.Contains("\">75 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("\">3,7</td>", html, StringComparison.Ordinal);
        Assert.Contains("\">4,7</td>", html, StringComparison.Ordinal);
        Assert.Contains("\">56,5</td>", html, StringComparison.Ordinal);
        Assert.Contains("\">-3,5</td>", html, StringComparison.Ordinal);
        Assert.Contains("For få svar til at vise tal", html, StringComparison.Ordinal);
        Assert.Contains("Har endnu ikke ledet et møde", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_shows_every_network_to_editors_and_administrators_only()
    {
        var network = await NetworkAsync();
        using var editor = await portal.PageSessionAsync("redaktoer");
        using var admin = await portal.PageSessionAsync("admin");
        using var coordinator = await portal.PageSessionAsync("tovholder");

        var html = await editor.HtmlAsync("/moeder/sundhed");
        var adminHtml = await admin.HtmlAsync("/admin");

        Assert.Contains($"<a href=\"/alfa/moeder/netvaerk/{network}/sundhed\">Sundhedsnetværket</a>", html, StringComparison.Ordinal);
        Assert.Contains("Ledernetværk X", html, StringComparison.Ordinal);
        var row = html[html.IndexOf("Sundhedsnetværket", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Matches(@""">4</td>\s*<td [^>]+>75 %</td>\s*<td [^>]+>4,0</td>\s*<td [^>]+>3</td>\s*<td [^>]+><span class=""overdue"">1</span></td>", row);
        Assert.Contains("/alfa/moeder/sundhed", adminHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/moeder/sundhed")).StatusCode);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
