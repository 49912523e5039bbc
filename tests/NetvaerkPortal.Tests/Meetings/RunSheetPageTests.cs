using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Planning;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>/moeder/{id}/afvikling: server-rendered for readers of the meeting (members read, the timekeeper gets the
/// buttons), 404 for anyone else; the buttons work as plain POST forms (no JavaScript) with a redirect back; the open
/// actions of earlier meetings at the first phase; the link on the meeting page.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class RunSheetPageTests(MeetingsApiPortal portal)
{
    private static string PathOf(string meetingId) => $"/moeder/{meetingId}/afvikling";

    /// <summary>A page with a form for every signed-in reader: where a reader without buttons gets a valid antiforgery token.</summary>
    private const string TokenPage = "/account/password";

    [Fact]
    public async Task A_member_sees_the_current_phase_its_countdown_and_the_agenda_but_no_buttons()
    {
        var id = await portal.RunningMeetingAsync(startedMinutesAgo: 3);
        using var member = await portal.PageSessionAsync("dorte");

        var html = await member.HtmlAsync(PathOf(id));

        Assert.Contains("Fase 1 af 5", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"runsheet-now-heading\" class=\"runsheet-phase\" tabindex=\"-1\">Check-in</h2>", html, StringComparison.Ordinal);
        Assert.Matches("data-countdown>1[12]:[0-5][0-9]<", html);
        Assert.Contains("aria-current=\"step\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", html, StringComparison.Ordinal);
        Assert.Contains("Ny medarbejder mistrives", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"handling\"", html, StringComparison.Ordinal);
        Assert.Contains("/Netvaerk.Meetings/js/runsheet.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timekeeper_moves_on_without_javascript_and_is_sent_back_to_the_page()
    {
        var id = await portal.RunningMeetingAsync(startedMinutesAgo: 16);
        using var timekeeper = await portal.PageSessionAsync("bo");
        var page = await timekeeper.HtmlAsync(PathOf(id));
        Assert.Contains("value=\"next\" class=\"runsheet-next\">Næste fase</button>", page, StringComparison.Ordinal);
        Assert.Contains("runsheet-over", page, StringComparison.Ordinal);
        Assert.Contains("Tiden er gået.", page, StringComparison.Ordinal);

        var response = await timekeeper.SubmitAsync(PathOf(id), new Dictionary<string, string> { ["handling"] = "next", ["fra"] = "0" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/alfa{PathOf(id)}?besked=naeste", response.Headers.Location!.ToString());
        var after = await timekeeper.HtmlAsync(PathOf(id) + "?besked=naeste");
        Assert.Contains("I er gået videre til næste fase.", after, StringComparison.Ordinal);
        Assert.Contains("Fase 2 af 5", after, StringComparison.Ordinal);
        Assert.Contains("Hvordan tager jeg samtalen?", after, StringComparison.Ordinal);
        Assert.Contains("<dd>carl</dd>", after, StringComparison.Ordinal);
        Assert.Contains("16 min", after, StringComparison.Ordinal);

        // The same press again (a second device with the old page): ignored, and the page says so.
        var stale = await timekeeper.SubmitAsync(PathOf(id), new Dictionary<string, string> { ["handling"] = "next", ["fra"] = "0" });
        Assert.EndsWith("?besked=for-sent", stale.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, (await portal.RunItemsAsync(id)).Count(i => i.EndedUtc is not null));
    }

    [Fact]
    public async Task Ending_the_meeting_shows_planned_against_spent()
    {
        var id = await portal.RunningMeetingAsync(startedMinutesAgo: 20, withCase: false);
        using var leader = await portal.PageSessionAsync("anne");

        await leader.SubmitAsync(PathOf(id), new Dictionary<string, string> { ["handling"] = "next", ["fra"] = "0" });
        var last = await leader.HtmlAsync(PathOf(id));
        Assert.Contains("value=\"end\" class=\"runsheet-next\">Afslut mødet</button>", last, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"next\"", last, StringComparison.Ordinal);
        var response = await leader.SubmitAsync(PathOf(id), new Dictionary<string, string> { ["handling"] = "end", ["fra"] = "1" });
        var html = await leader.HtmlAsync(response.Headers.Location!.ToString()["/alfa".Length..]);

        Assert.Contains("Mødet er afsluttet", html, StringComparison.Ordinal);
        Assert.Contains("I planlagde 25 minutter og brugte 20.", html, StringComparison.Ordinal);
        Assert.Contains("Genåbn sidste fase", html, StringComparison.Ordinal);
        Assert.Contains("20 min", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yrsa")]
    [InlineData("anonymous")]
    public async Task Readers_outside_the_network_do_not_get_the_page(string user)
    {
        var id = await portal.RunningMeetingAsync();
        using var client = portal.Client(user);

        var response = await client.GetAsync(MeetingsApiPortal.Url(PathOf(id)));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Check-in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_of_another_network_gets_404_and_may_not_post()
    {
        var id = await portal.RunningMeetingAsync();
        using var yrsa = await portal.PageSessionAsync("yrsa");

        Assert.Equal(HttpStatusCode.NotFound, (await yrsa.GetAsync(PathOf(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yrsa.SubmitAsync(TokenPage, new Dictionary<string, string> { ["handling"] = "next", ["fra"] = "0" }, PathOf(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yrsa.GetAsync(PathOf(portal.BetaMeeting))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yrsa.GetAsync(PathOf(new string('a', 10_000)))).StatusCode);
        Assert.Empty(await portal.RunItemsAsync(id));
    }

    [Fact]
    public async Task A_member_without_a_role_may_not_post_and_a_post_without_the_token_is_refused()
    {
        var id = await portal.RunningMeetingAsync();
        using var member = await portal.PageSessionAsync("dorte");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.SubmitAsync(TokenPage, new Dictionary<string, string> { ["handling"] = "next", ["fra"] = "0" }, PathOf(id))).StatusCode);

        using var timekeeper = await portal.PageSessionAsync("bo");
        var forged = await timekeeper.PostAsync(PathOf(id), new Dictionary<string, string> { ["handling"] = "next", ["fra"] = "0" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await portal.RunItemsAsync(id));
    }

    [Theory]
    [InlineData("jump", "0", "Vælg en af knapperne")]
    [InlineData("next", "ti", "Vælg en af knapperne")]
    [InlineData("", "0", "Vælg en af knapperne")]
    public async Task A_hostile_form_shows_the_page_again_with_a_danish_message_and_moves_nothing(string action, string from, string expected)
    {
        var id = await portal.RunningMeetingAsync();
        using var timekeeper = await portal.PageSessionAsync("bo");

        var response = await timekeeper.SubmitAsync(PathOf(id), new Dictionary<string, string> { ["handling"] = action, ["fra"] = from });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await portal.RunItemsAsync(id));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("-1")]
    public async Task A_position_out_of_range_is_ignored_like_a_stale_press(string from)
    {
        var id = await portal.RunningMeetingAsync();
        using var timekeeper = await portal.PageSessionAsync("bo");

        var response = await timekeeper.SubmitAsync(PathOf(id), new Dictionary<string, string> { ["handling"] = "next", ["fra"] = from });

        Assert.EndsWith("?besked=for-sent", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await portal.RunItemsAsync(id), i => i.EndedUtc is not null);
    }

    [Fact]
    public async Task Before_the_start_the_page_says_when_and_the_leader_may_start_now()
    {
        var id = await portal.RunningMeetingAsync(startedMinutesAgo: -25);
        using var leader = await portal.PageSessionAsync("anne");
        var html = await leader.HtmlAsync(PathOf(id));
        Assert.Contains("Uret starter af sig selv, når mødet begynder.", html, StringComparison.Ordinal);

        var response = await leader.SubmitAsync(PathOf(id), new Dictionary<string, string> { ["handling"] = "start", ["fra"] = "0" });

        Assert.EndsWith("?besked=start", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Fase 1 af 5", await leader.HtmlAsync(PathOf(id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_actions_from_earlier_meetings_show_at_the_first_phase_and_their_owner_closes_one()
    {
        var earlier = await portal.RunningMeetingAsync(startedMinutesAgo: 24 * 60, withCase: false);
        var action = await portal.InTenantAsync(portal.Alfa, async services =>
            (await services.GetRequiredService<MeetingActions>().AddAsync(earlier, "Undersøge mentorordning 5150", portal.UserIds["carl"], new DateOnly(2020, 3, 1))).Id);
        var id = await portal.RunningMeetingAsync();
        using var member = await portal.PageSessionAsync("dorte");
        var seen = await member.HtmlAsync(PathOf(id));
        Assert.Contains("Åbne opgaver fra tidligere møder", seen, StringComparison.Ordinal);
        Assert.Contains("Undersøge mentorordning 5150", seen, StringComparison.Ordinal);
        Assert.Contains("Overskredet", seen, StringComparison.Ordinal);
        Assert.Contains("Ansvarlig: carl", seen, StringComparison.Ordinal);
        Assert.DoesNotContain($"/handlinger/{action}", seen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.SubmitAsync(TokenPage, new Dictionary<string, string> { ["udfoert"] = "ja" }, $"{PathOf(id)}/handlinger/{action}")).StatusCode);

        using var carl = await portal.PageSessionAsync("carl");
        var response = await carl.SubmitAsync(PathOf(id), new Dictionary<string, string> { ["udfoert"] = "ja" }, $"{PathOf(id)}/handlinger/{action}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Undersøge mentorordning 5150", await carl.HtmlAsync(PathOf(id)), StringComparison.Ordinal);
        Assert.True((await portal.InTenantAsync(portal.Alfa, async services => await services.GetRequiredService<MeetingActions>().GetAsync(action)))!.Done);
    }

    [Fact]
    public async Task The_meeting_page_links_the_run_sheet_as_the_primary_tool_while_the_meeting_runs()
    {
        var running = await portal.RunningMeetingAsync();
        var later = (await portal.PlanAsync(1, 12))[0];
        using var member = await portal.PageSessionAsync("dorte");

        Assert.Contains($"<a class=\"button\" href=\"/alfa/moeder/{running}/afvikling\">Afvikling</a>", await member.HtmlAsync($"/moeder/{running}"), StringComparison.Ordinal);
        Assert.Contains($"<a class=\"button secondary\" href=\"/alfa/moeder/{later}/afvikling\">Afvikling</a>", await member.HtmlAsync($"/moeder/{later}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_in_english_for_an_english_reader()
    {
        var id = await portal.RunningMeetingAsync(startedMinutesAgo: 3);
        using var member = await portal.PageSessionAsync("dorte");
        await member.GetAsync("/sprog/en");

        var html = await member.HtmlAsync(PathOf(id));

        Assert.Contains("Phase 1 of 5", html, StringComparison.Ordinal);
        Assert.Contains("Agenda", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Dagsorden", html, StringComparison.Ordinal);
    }
}
