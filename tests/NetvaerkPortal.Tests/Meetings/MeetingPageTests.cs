using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The meeting pages as members, coordinators, editors and outsiders reach them: who sees what, who gets 404,
/// what each page lists.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed partial class MeetingPageTests(MeetingsApiPortal portal)
{
    [Theory]
    [InlineData("/moeder")]
    [InlineData("/moeder/netvaerk/{network}")]
    [InlineData("/moeder/netvaerk/{network}/planlaeg")]
    [InlineData("/moeder/{meeting}")]
    [InlineData("/moeder/{meeting}/indkaldelse")]
    public async Task Every_meeting_page_sends_the_anonymous_reader_to_sign_in(string path)
    {
        var meeting = (await portal.PlanAsync(1, days: 40))[0];
        using var anonymous = new BrowserlessSession(portal.Factory, "/alfa");
        var response = await anonymous.GetAsync(path.Replace("{network}", portal.NetworkX, StringComparison.Ordinal).Replace("{meeting}", meeting, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_of_another_network_gets_404_for_its_meetings_as_if_they_did_not_exist()
    {
        var meeting = (await portal.PlanAsync(1, days: 41))[0];
        using var session = await portal.PageSessionAsync("yrsa");
        foreach (var path in new[]
        {
            $"/moeder/netvaerk/{portal.NetworkX}", $"/moeder/netvaerk/{portal.NetworkX}/planlaeg", $"/moeder/{meeting}", $"/moeder/{meeting}/indkaldelse",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(path)).StatusCode);
        }

        // The same answer as for a meeting that never existed.
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/moeder/0000000000000000000000000")).StatusCode);
    }

    [Fact]
    public async Task The_other_tenants_meeting_is_not_found_under_this_tenant_even_by_its_administrator()
    {
        using var admin = await portal.PageSessionAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/moeder/{portal.BetaMeeting}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/moeder/netvaerk/{portal.NetworkBeta}")).StatusCode);
    }

    [Theory]
    [InlineData("/moeder/..%2F..%2Fadmin")]
    [InlineData("/moeder/netvaerk/..%2Fx")]
    [InlineData("/moeder/%2e%2e%2fnetvaerk")]
    [InlineData("/moeder/netvaerk/C:%5Cwindows")]
    public async Task Path_like_ids_are_not_found(string path)
    {
        using var member = await portal.PageSessionAsync("anne");
        var response = await member.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_id_of_ten_thousand_characters_is_not_found()
    {
        using var member = await portal.PageSessionAsync("anne");
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/moeder/" + new string('a', 10_000))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/moeder/netvaerk/" + new string('7', 10_000))).StatusCode);
    }

    [Fact]
    public async Task A_member_sees_the_networks_meetings_coming_then_past_and_no_planning_link()
    {
        var meetings = await portal.PlanAsync(2, days: 42, theme: "Tema 7731");
        using var member = await portal.PageSessionAsync("bo");
        var html = await member.HtmlAsync($"/moeder/netvaerk/{portal.NetworkX}");
        Assert.Contains("Møder i Ledernetværk X", html, StringComparison.Ordinal);
        Assert.Contains("Tema 7731", html, StringComparison.Ordinal);
        Assert.Contains($"/alfa/moeder/{meetings[0]}", html, StringComparison.Ordinal);
        Assert.Contains($"/alfa/moeder/netvaerk/{portal.NetworkX}/fremmoede", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Planlæg møder", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/moeder/netvaerk/{portal.NetworkX}/planlaeg")).StatusCode);
    }

    [Theory]
    [InlineData("tovholder")]
    [InlineData("redaktoer")]
    public async Task The_coordinator_and_an_editor_get_the_planning_link(string reader)
    {
        using var session = await portal.PageSessionAsync(reader);
        var html = await session.HtmlAsync($"/moeder/netvaerk/{portal.NetworkX}");
        Assert.Contains($"href=\"/alfa/moeder/netvaerk/{portal.NetworkX}/planlaeg\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_meeting_is_listed_as_cancelled_with_its_reason()
    {
        var meeting = (await portal.PlanAsync(1, days: 43))[0];
        await portal.InTenantAsync(portal.Alfa, async services => await services.GetRequiredService<MeetingPlanner>().CancelAsync(meeting, "Vært syg 4417"));
        using var member = await portal.PageSessionAsync("carl");
        var html = await member.HtmlAsync($"/moeder/netvaerk/{portal.NetworkX}");
        Assert.Matches(CancelledWithReason(), html);
        var page = await member.HtmlAsync($"/moeder/{meeting}");
        Assert.Contains("Mødet er aflyst.", page, StringComparison.Ordinal);
        Assert.Contains("Vært syg 4417", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"svar\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_meetings_lists_the_coming_meeting_in_danish_with_my_suggested_roles_and_quick_answers()
    {
        // Soon, so it is among the first meetings the page lists whatever else the tests planned.
        var meeting = (await portal.PlanAsync(1, days: 2, place: "Sted 5521"))[0];
        var roles = await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var planned = (await services.GetRequiredService<MeetingPlanner>().GetAsync(meeting))!;
            return await services.GetRequiredService<MeetingRoster>().ForMeetingAsync(planned);
        });
        var leader = portal.UserIds.First(u => u.Value == roles.Roles.MeetingLeader).Key;
        using var session = await portal.PageSessionAsync(leader);
        var html = await session.HtmlAsync("/moeder");
        var card = Card(html, meeting);
        Assert.Contains("Sted 5521", card, StringComparison.Ordinal);
        Assert.Matches(DanishWhen(), card);
        Assert.Contains("Mødeleder", card, StringComparison.Ordinal);
        Assert.Contains("forslag", card, StringComparison.Ordinal);
        Assert.Contains("Bed om at bytte", card, StringComparison.Ordinal);
        Assert.Contains("Jeg kommer", card, StringComparison.Ordinal);
        Assert.Contains("href=\"/alfa/moeder/kalender\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/alfa/protokoller\"", html, StringComparison.Ordinal);
        // The main menu has "Møder", marked as the current page.
        Assert.Matches(CurrentMenuEntry(), html);
    }

    [Fact]
    public async Task The_networks_page_links_its_meetings_for_members_only()
    {
        using var member = await portal.PageSessionAsync("dorte");
        var networkPage = await member.HtmlAsync($"/content/{portal.NetworkX}");
        Assert.Contains($"href=\"/alfa/moeder/netvaerk/{portal.NetworkX}\"", networkPage, StringComparison.Ordinal);
        using var outsider = await portal.PageSessionAsync("yrsa");
        var other = await outsider.HtmlAsync($"/content/{portal.NetworkY}");
        Assert.Contains($"href=\"/alfa/moeder/netvaerk/{portal.NetworkY}\"", other, StringComparison.Ordinal);
        var seenFromOutside = await (await outsider.GetAsync($"/content/{portal.NetworkX}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("/moeder/netvaerk/", seenFromOutside, StringComparison.Ordinal);
    }

    /// <summary>The card of one meeting on "Mine møder".</summary>
    private static string Card(string html, string meetingId)
    {
        var start = html.IndexOf($"/alfa/moeder/{meetingId}\"", StringComparison.Ordinal);
        Assert.True(start > 0, "The meeting is not on the page.");
        var end = html.IndexOf("<li class=\"meeting-card", start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    [GeneratedRegex(@"Aflyst</span>[\s\S]*?Begrundelse: Vært syg 4417")]
    private static partial Regex CancelledWithReason();

    [GeneratedRegex(@"(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) den \d{1,2}\. [a-zæøå]+ \d{4} kl\. 13\.00–16\.00")]
    private static partial Regex DanishWhen();

    [GeneratedRegex("<a href=\"/alfa/moeder\" aria-current=\"page\">Møder</a>")]
    private static partial Regex CurrentMenuEntry();
}

/// <summary>What the page tests do with the meetings portal: sign in through the login form, plan meetings straight
/// through the planner, read pages.</summary>
public static class MeetingPageSessions
{
    /// <summary>A browser-like session (cookies, antiforgery tokens from the pages) signed in as <paramref name="user"/> on Alfa.</summary>
    public static async Task<BrowserlessSession> PageSessionAsync(this MeetingsApiPortal portal, string user)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var session = new BrowserlessSession(portal.Factory, "/alfa");
        await session.SignInAsync(user, MeetingsApiPortal.Password);
        return session;
    }

    public static async Task<string> HtmlAsync(this BrowserlessSession session, string path)
    {
        ArgumentNullException.ThrowIfNull(session);
        var response = await session.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Plans meetings in network X (13:00, three hours, the organisation's protocol) and returns their ids.</summary>
    public static Task<IReadOnlyList<string>> PlanAsync(this MeetingsApiPortal portal, int count, int days, string? theme = null, string? place = "Rådhuset",
        string? protocol = null, int durationMinutes = 180)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.InTenantAsync(portal.Alfa, async services =>
            (IReadOnlyList<string>)(await services.GetRequiredService<MeetingPlanner>().PlanAsync(portal.NetworkX,
                new PlanMeetings(portal.FutureStart(days), durationMinutes, protocol ?? portal.SharedProtocol, place, theme, count, count > 1 ? 6 : 0)))
            .Select(m => m.Id).ToList());
    }

    public static Task<Meeting> MeetingAsync(this MeetingsApiPortal portal, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.InTenantAsync(portal.Alfa, async services => (await services.GetRequiredService<MeetingPlanner>().GetAsync(meetingId))!);
    }

    public static Task<EffectiveRoles> RolesAsync(this MeetingsApiPortal portal, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.InTenantAsync(portal.Alfa, async services =>
            await services.GetRequiredService<MeetingRoster>().ForMeetingAsync((await services.GetRequiredService<MeetingPlanner>().GetAsync(meetingId))!));
    }

    /// <summary>The user name of the user id (the fixture's users).</summary>
    public static string NameOf(this MeetingsApiPortal portal, string? userId)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.UserIds.First(u => u.Value == userId).Key;
    }
}
