using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Planning;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The forms of the meeting pages: each does its one thing and redirects with a status message, or shows the
/// page again with a Danish error beside the input, the typed values kept and nothing changed.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class MeetingPageFormTests(MeetingsApiPortal portal)
{
    private string PlanPath => $"/moeder/netvaerk/{portal.NetworkX}/planlaeg";

    private Dictionary<string, string> PlanFields(int days, string count = "3", string weeks = "6") => new()
    {
        ["dato"] = portal.FutureStart(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["tid"] = "13:00",
        ["timer"] = "3",
        ["minutter"] = "0",
        ["antal"] = count,
        ["uger"] = weeks,
        ["protokol"] = portal.SharedProtocol,
        ["tema"] = "Serie fra formularen",
        ["formaal"] = "Formål 8812",
        ["effekt"] = "Effekt 8812",
        ["sted"] = "Rådhuset, mødelokale 2",
        ["online"] = "",
        ["praktisk"] = "Kaffe i kantinen",
    };

    [Fact]
    public async Task The_planning_form_is_filled_from_the_charter_and_offers_the_protocols_the_network_may_use()
    {
        using var coordinator = await portal.PageSessionAsync("tovholder");
        var html = await coordinator.HtmlAsync(PlanPath);
        Assert.Contains(MeetingsApiPortal.Purpose, html, StringComparison.Ordinal);
        Assert.Contains(MeetingsApiPortal.DesiredEffect, html, StringComparison.Ordinal);
        Assert.Contains("Kollegial sparring", html, StringComparison.Ordinal);
        Assert.Contains("X's erfa-runde", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Y's egen", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_plans_a_series_of_three_in_one_step_and_sees_them_listed()
    {
        using var coordinator = await portal.PageSessionAsync("tovholder");
        var response = await coordinator.SubmitAsync(PlanPath, PlanFields(days: 60));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/alfa/moeder/netvaerk/{portal.NetworkX}?besked=planlagt", response.Headers.Location!.ToString());

        var list = await coordinator.HtmlAsync(response.Headers.Location.ToString()["/alfa".Length..]);
        Assert.Contains("Møderne er planlagt.", list, StringComparison.Ordinal);
        var meetings = await portal.InTenantAsync(portal.Alfa, async services =>
            (await services.GetRequiredService<MeetingPlanner>().ListAsync(portal.NetworkX)).Where(m => m.Theme == "Serie fra formularen").ToList());
        Assert.Equal(3, meetings.Count);
        Assert.Single(meetings.Select(m => m.SeriesId).Distinct());
        Assert.Equal(42, (meetings[1].StartUtc - meetings[0].StartUtc).TotalDays, precision: 0);
        Assert.All(meetings, m => Assert.Equal("Formål 8812", m.Purpose));
        Assert.All(meetings, m => Assert.Contains($"/alfa/moeder/{m.Id}", list, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("antal", "0", "plan-antal", "Tallet er 0, men skal være fra 1 til 52.")]
    [InlineData("antal", "500", "plan-antal", "Tallet er 500, men skal være fra 1 til 52.")]
    [InlineData("antal", "tre", "plan-antal", "Skriv et helt tal.")]
    [InlineData("dato", "2020-01-01", "plan-dato", "passeret")]
    [InlineData("dato", "../../etc/passwd", "plan-dato", "Skriv datoen som dd-mm-åååå")]
    [InlineData("timer", "0", "plan-timer", "Mødet skal vare mindst 15 minutter og højst 12 timer.")]
    [InlineData("online", "javascript:alert(1)", "plan-online", "https://")]
    public async Task A_refused_plan_shows_a_danish_error_beside_the_input_keeps_what_was_typed_and_saves_nothing(string field, string value, string inputId, string expected)
    {
        using var coordinator = await portal.PageSessionAsync("tovholder");
        var before = await portal.RowCountsAsync();
        var fields = PlanFields(days: 61);
        fields[field] = value;
        fields["tema"] = "Skrevet tema 6602";
        var response = await coordinator.SubmitAsync(PlanPath, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var error = html[html.IndexOf($"id=\"{inputId}-error\"", StringComparison.Ordinal)..];
        Assert.Contains(expected, error[..error.IndexOf("</p>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Matches($"aria-describedby=\"[^\"]*{inputId}-error\"", html);
        Assert.Contains($"<a href=\"#{inputId}\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Skrevet tema 6602\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task A_hostile_plan_form_with_huge_and_repeated_values_is_refused_without_echoing_it_whole()
    {
        using var coordinator = await portal.PageSessionAsync("tovholder");
        var before = await portal.RowCountsAsync();
        var fields = PlanFields(days: 62);
        fields["sted"] = new string('x', 10_000);
        var response = await coordinator.SubmitAsync(PlanPath, fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(new string('x', 5_001), html, StringComparison.Ordinal);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var meeting = (await portal.PlanAsync(1, days: 63))[0];
        using var member = await portal.PageSessionAsync("anne");
        var before = await portal.RowCountsAsync();
        var response = await member.PostAsync($"/moeder/{meeting}/svar", new Dictionary<string, string> { ["svar"] = "yes" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var plan = await member.PostAsync(PlanPath, PlanFields(days: 63));
        Assert.Equal(HttpStatusCode.BadRequest, plan.StatusCode);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task Fields_sent_twice_and_case_ids_of_another_meeting_are_refused_without_a_server_error_or_a_change()
    {
        var meeting = (await portal.PlanAsync(1, days: 75))[0];
        var other = (await portal.PlanAsync(1, days: 76))[0];
        var foreignCase = await portal.InTenantAsync(portal.Alfa, async services =>
            (await services.GetRequiredService<CaseIntake>().BringAsync(other, portal.UserIds["anne"], new BringCase("Andet møde", "?", 10, 2))).Id);
        using var coordinator = await portal.PageSessionAsync("tovholder");
        var page = await coordinator.HtmlAsync($"/moeder/{meeting}");
        var before = await portal.RowCountsAsync();

        using var twice = new FormUrlEncodedContent([new("svar", "yes"), new("svar", "no"), new("__RequestVerificationToken", Token(page))]);
        var answered = await coordinator.PostContentAsync($"/moeder/{meeting}/svar", twice);
        Assert.Equal(HttpStatusCode.BadRequest, answered.StatusCode);

        using var foreign = new FormUrlEncodedContent([new("valgt", foreignCase), new("valgt", foreignCase), new("__RequestVerificationToken", Token(page))]);
        var picked = await coordinator.PostContentAsync($"/moeder/{meeting}/dagsorden", foreign);
        Assert.Equal(HttpStatusCode.BadRequest, picked.StatusCode);
        Assert.Contains("Casen findes ikke på dette møde", WebUtility.HtmlDecode(await picked.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var deep = new FormUrlEncodedContent([new("moedeleder", new string('[', 10_000)), new("__RequestVerificationToken", Token(page))]);
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.PostContentAsync($"/moeder/{meeting}/roller", deep)).StatusCode);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task Answers_show_who_comes_and_the_reason_for_apologies_only_to_the_coordinator_and_the_one_who_gave_it()
    {
        var meeting = (await portal.PlanAsync(1, days: 64))[0];
        using var anne = await portal.PageSessionAsync("anne");
        using var bo = await portal.PageSessionAsync("bo");
        var yes = await anne.SubmitAsync($"/moeder/{meeting}", new Dictionary<string, string> { ["svar"] = "yes", ["begrundelse"] = "" }, $"/moeder/{meeting}/svar");
        Assert.Equal($"/alfa/moeder/{meeting}?besked=kommer#svar", yes.Headers.Location!.ToString());
        var no = await bo.SubmitAsync($"/moeder/{meeting}", new Dictionary<string, string> { ["svar"] = "no", ["begrundelse"] = "Tandlæge 3391" }, $"/moeder/{meeting}/svar");
        Assert.Equal(HttpStatusCode.Redirect, no.StatusCode);

        var seenByBo = await bo.HtmlAsync($"/moeder/{meeting}?besked=afbud");
        Assert.Contains("Du har meldt afbud. Tak, fordi du sagde til.", seenByBo, StringComparison.Ordinal);
        Assert.Contains("Tandlæge 3391", seenByBo, StringComparison.Ordinal);
        Assert.Contains("Kommer (1):</strong> anne", seenByBo, StringComparison.Ordinal);
        // A member who neither coordinates nor leads this meeting sees who sent apologies, not why.
        var leader = portal.NameOf((await portal.RolesAsync(meeting)).Roles.MeetingLeader);
        using var other = await portal.PageSessionAsync(new[] { "carl", "dorte" }.First(n => n != leader));
        var seenByOther = await other.HtmlAsync($"/moeder/{meeting}");
        Assert.Contains("Melder afbud (1):</strong> bo", seenByOther, StringComparison.Ordinal);
        Assert.DoesNotContain("Tandlæge 3391", seenByOther, StringComparison.Ordinal);
        using var coordinator = await portal.PageSessionAsync("tovholder");
        Assert.Contains("bo (Tandlæge 3391)", await coordinator.HtmlAsync($"/moeder/{meeting}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quick_answer_on_my_meetings_goes_back_there_and_an_answer_to_a_cancelled_meeting_is_refused_in_danish()
    {
        var meeting = (await portal.PlanAsync(1, days: 65))[0];
        using var carl = await portal.PageSessionAsync("carl");
        var quick = await carl.SubmitAsync("/moeder", new Dictionary<string, string> { ["svar"] = "yes", ["tilbage"] = "mine" }, $"/moeder/{meeting}/svar");
        Assert.Equal("/alfa/moeder?besked=kommer", quick.Headers.Location!.ToString());

        await portal.InTenantAsync(portal.Alfa, async services => await services.GetRequiredService<MeetingPlanner>().CancelAsync(meeting, "Aflyst"));
        var before = await portal.RowCountsAsync();
        var refused = await carl.SubmitAsync("/moeder", new Dictionary<string, string> { ["svar"] = "no" }, $"/moeder/{meeting}/svar");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Mødet er aflyst", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The meeting was cancelled", html, StringComparison.Ordinal);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task A_member_brings_a_case_changes_it_and_withdraws_it_and_nobody_else_may_touch_it()
    {
        var meeting = (await portal.PlanAsync(1, days: 66))[0];
        using var dorte = await portal.PageSessionAsync("dorte");
        var brought = await dorte.SubmitAsync($"/moeder/{meeting}", CaseFields("Sygefravær i teamet", "Hvordan taler jeg om det?", "25"), $"/moeder/{meeting}/cases");
        Assert.Equal($"/alfa/moeder/{meeting}?besked=case#cases", brought.Headers.Location!.ToString());
        var caseId = await portal.InTenantAsync(portal.Alfa, async services => (await services.GetRequiredService<CaseIntake>().ListAsync(meeting)).Single().Id);

        var page = await dorte.HtmlAsync($"/moeder/{meeting}");
        Assert.Contains("Sygefravær i teamet", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/alfa/moeder/{meeting}/cases/{caseId}\"", page, StringComparison.Ordinal);
        var edited = await dorte.SubmitAsync($"/moeder/{meeting}", CaseFields("Sygefravær – ny vinkel", "Hvad gør jeg nu?", "30"), $"/moeder/{meeting}/cases/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        using var anne = await portal.PageSessionAsync("anne");
        var othersPage = await anne.HtmlAsync($"/moeder/{meeting}");
        Assert.Contains("Sygefravær – ny vinkel", othersPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"/cases/{caseId}\"", othersPage, StringComparison.Ordinal);
        var hijack = await anne.SubmitAsync($"/moeder/{meeting}", CaseFields("Overtaget", "?", "10"), $"/moeder/{meeting}/cases/{caseId}");
        Assert.Equal(HttpStatusCode.Forbidden, hijack.StatusCode);
        // A case id under another meeting's address is not found.
        var other = (await portal.PlanAsync(1, days: 67))[0];
        Assert.Equal(HttpStatusCode.NotFound, (await dorte.SubmitAsync($"/moeder/{meeting}", new Dictionary<string, string>(), $"/moeder/{other}/cases/{caseId}/traek-tilbage")).StatusCode);

        var withdrawn = await dorte.SubmitAsync($"/moeder/{meeting}", new Dictionary<string, string>(), $"/moeder/{meeting}/cases/{caseId}/traek-tilbage");
        Assert.Equal($"/alfa/moeder/{meeting}?besked=case-trukket#cases", withdrawn.Headers.Location!.ToString());
        Assert.Empty(await portal.InTenantAsync(portal.Alfa, async services => await services.GetRequiredService<CaseIntake>().ListAsync(meeting)));
    }

    [Theory]
    [InlineData("", "Hvad?", "20", "case-titel")]
    [InlineData("Titel", "Hvad?", "600", "case-minutter")]
    [InlineData("Titel", "Hvad?", "tyve", "case-minutter")]
    public async Task A_refused_case_is_shown_again_with_the_error_beside_its_input_and_nothing_saved(string title, string question, string minutes, string inputId)
    {
        var meeting = (await portal.PlanAsync(1, days: 68))[0];
        using var anne = await portal.PageSessionAsync("anne");
        var before = await portal.RowCountsAsync();
        var response = await anne.SubmitAsync($"/moeder/{meeting}", CaseFields(title, question, minutes), $"/moeder/{meeting}/cases");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"id=\"{inputId}-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"case-bring\" open>", html, StringComparison.Ordinal);
        Assert.Contains("Hvad?", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" is missing", html, StringComparison.Ordinal);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task The_meeting_leader_picks_cases_in_order_and_the_agenda_says_by_how_much_it_is_too_long()
    {
        var meeting = (await portal.PlanAsync(1, days: 69))[0];
        var leader = portal.NameOf((await portal.RolesAsync(meeting)).Roles.MeetingLeader);
        var givers = MeetingsApiPortal.MembersOfX.Append("tovholder").Where(n => n != leader).Take(4).ToList();
        var cases = new List<string>();
        foreach (var giver in givers)
        {
            using var giverSession = await portal.PageSessionAsync(giver);
            await giverSession.SubmitAsync($"/moeder/{meeting}", CaseFields($"Case fra {giver}", $"Spørgsmål fra {giver}?", "20"), $"/moeder/{meeting}/cases");
        }

        cases.AddRange(await portal.InTenantAsync(portal.Alfa, async services => (await services.GetRequiredService<CaseIntake>().ListAsync(meeting)).Select(c => c.Id).ToList()));
        using var session = await portal.PageSessionAsync(leader);
        var page = await session.HtmlAsync($"/moeder/{meeting}");
        Assert.Contains("Vælg cases til dagsordenen", page, StringComparison.Ordinal);

        // Four cases: 25 + 4 × 45 = 205 minutes in a meeting of 180.
        using var all = new FormUrlEncodedContent(cases.Select((id, i) => new KeyValuePair<string, string>("valgt", id))
            .Concat(cases.Select((id, i) => new KeyValuePair<string, string>("nr-" + id, (cases.Count - i).ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Append(new("__RequestVerificationToken", Token(page))));
        var picked = await session.PostContentAsync($"/moeder/{meeting}/dagsorden", all);
        Assert.Equal($"/alfa/moeder/{meeting}?besked=dagsorden#dagsorden", picked.Headers.Location!.ToString());
        var over = await session.HtmlAsync($"/moeder/{meeting}");
        Assert.Contains("Dagsordenen er 25 minutter for lang – vælg færre cases eller kortere faser", over, StringComparison.Ordinal);
        Assert.Contains("13.00–13.15", over, StringComparison.Ordinal);
        // The last brought case was numbered 1: it comes first, after the check-in.
        Assert.Contains($"13.15–13.25</td>\n          <td class=\"agenda__phase\">Casefremlæggelse <span class=\"agenda__case\">· Case fra {givers[^1]}", over, StringComparison.Ordinal);

        using var three = new FormUrlEncodedContent(cases.Take(3).Select(id => new KeyValuePair<string, string>("valgt", id)).Append(new("__RequestVerificationToken", Token(over))));
        await session.PostContentAsync($"/moeder/{meeting}/dagsorden", three);
        var fits = await session.HtmlAsync($"/moeder/{meeting}");
        Assert.Contains("Dagsordenen passer: 160 af 180 minutter er planlagt, 20 minutter er til overs.", fits, StringComparison.Ordinal);

        // A member who does not lead the meeting may not pick.
        using var member = await portal.PageSessionAsync(givers[0]);
        using var sneaky = new FormUrlEncodedContent([new("valgt", cases[0]), new("__RequestVerificationToken", Token(await member.HtmlAsync($"/moeder/{meeting}")))]);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostContentAsync($"/moeder/{meeting}/dagsorden", sneaky)).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_changes_a_role_and_a_role_for_someone_outside_the_network_is_refused()
    {
        var meeting = (await portal.PlanAsync(1, days: 70))[0];
        using var coordinator = await portal.PageSessionAsync("tovholder");
        var roles = (await portal.RolesAsync(meeting)).Roles;
        var fields = new Dictionary<string, string>
        {
            ["moedeleder"] = portal.UserIds["dorte"],
            ["tidtager"] = roles.Timekeeper ?? "",
            ["referent"] = roles.NoteTaker ?? "",
            ["vaert"] = roles.Host ?? "",
        };
        var saved = await coordinator.SubmitAsync($"/moeder/{meeting}", fields, $"/moeder/{meeting}/roller");
        Assert.Equal($"/alfa/moeder/{meeting}?besked=roller#roller", saved.Headers.Location!.ToString());
        Assert.Equal(portal.UserIds["dorte"], (await portal.RolesAsync(meeting)).Roles.MeetingLeader);

        var before = await portal.RowCountsAsync();
        fields["tidtager"] = portal.UserIds["yrsa"];
        var refused = await coordinator.SubmitAsync($"/moeder/{meeting}", fields, $"/moeder/{meeting}/roller");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"roller-tidtager-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"roles-change\" open>", html, StringComparison.Ordinal);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task A_member_asks_to_swap_a_role_and_the_request_is_listed_on_the_meeting()
    {
        var meeting = (await portal.PlanAsync(1, days: 3))[0];
        var leader = portal.NameOf((await portal.RolesAsync(meeting)).Roles.MeetingLeader);
        using var session = await portal.PageSessionAsync(leader);
        var asked = await session.SubmitAsync("/moeder", new Dictionary<string, string> { ["rolle"] = "meetingLeader", ["besked"] = "Jeg er på kursus", ["tilbage"] = "mine" },
            $"/moeder/{meeting}/bytte");
        Assert.Equal("/alfa/moeder?besked=bytte", asked.Headers.Location!.ToString());
        var mine = await session.HtmlAsync("/moeder");
        Assert.Contains("Du har bedt om at bytte", mine, StringComparison.Ordinal);
        using var coordinator = await portal.PageSessionAsync("tovholder");
        Assert.Contains($"{leader} vil gerne bytte rollen som Mødeleder: »Jeg er på kursus«", await coordinator.HtmlAsync($"/moeder/{meeting}"), StringComparison.Ordinal);

        var refused = await session.SubmitAsync("/moeder", new Dictionary<string, string> { ["rolle"] = "host/../x", ["tilbage"] = "mine" }, $"/moeder/{meeting}/bytte");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_coordinator_moves_and_cancels_a_meeting_and_cancelling_needs_a_reason_and_a_confirmation()
    {
        var meeting = (await portal.PlanAsync(1, days: 72))[0];
        using var coordinator = await portal.PageSessionAsync("tovholder");
        var newDay = portal.FutureStart(73).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var moved = await coordinator.SubmitAsync($"/moeder/{meeting}",
            new Dictionary<string, string> { ["dato"] = newDay, ["tid"] = "09:30", ["timer"] = "2", ["minutter"] = "30", ["sted"] = "Biblioteket" }, $"/moeder/{meeting}/flyt");
        Assert.Equal($"/alfa/moeder/{meeting}?besked=flyttet", moved.Headers.Location!.ToString());
        var after = await portal.MeetingAsync(meeting);
        Assert.Equal(new TimeSpan(9, 30, 0), Netvaerk.Meetings.MeetingTime.ToLocal(after.StartUtc).TimeOfDay);
        Assert.Equal(150, after.DurationMinutes);
        Assert.Equal("Biblioteket", after.Place);

        var before = await portal.RowCountsAsync();
        var unconfirmed = await coordinator.SubmitAsync($"/moeder/{meeting}", new Dictionary<string, string> { ["begrundelse"] = "For få tilmeldte" }, $"/moeder/{meeting}/aflys");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("id=\"aflys-bekraeft-error\"", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await portal.RowCountsAsync());

        var cancelled = await coordinator.SubmitAsync($"/moeder/{meeting}", new Dictionary<string, string> { ["begrundelse"] = "For få tilmeldte", ["bekraeft"] = "ja" },
            $"/moeder/{meeting}/aflys");
        Assert.Equal($"/alfa/moeder/{meeting}?besked=aflyst", cancelled.Headers.Location!.ToString());
        Assert.True((await portal.MeetingAsync(meeting)).Cancelled);

        using var member = await portal.PageSessionAsync("anne");
        // The token from a page with forms: the cancelled meeting's page has none for a member.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.SubmitAsync("/moeder", new Dictionary<string, string> { ["dato"] = newDay, ["tid"] = "10:00" },
            $"/moeder/{meeting}/flyt")).StatusCode);
    }

    [Fact]
    public async Task The_note_taker_records_attendance_once_the_meeting_has_started()
    {
        var meeting = (await portal.PlanAsync(1, days: 74))[0];
        var noteTaker = portal.NameOf((await portal.RolesAsync(meeting)).Roles.NoteTaker);
        using (var before = await portal.PageSessionAsync(noteTaker))
        {
            Assert.DoesNotContain("Hvem kom?", await before.HtmlAsync($"/moeder/{meeting}"), StringComparison.Ordinal);
        }

        portal.Clock.Offset = TimeSpan.FromDays(74.6);
        try
        {
            // Signed in at the shifted time: a sign-in cookie from before would have expired by then.
            using var session = await portal.PageSessionAsync(noteTaker);
            var page = await session.HtmlAsync($"/moeder/{meeting}");
            Assert.Contains("Hvem kom?", page, StringComparison.Ordinal);
            using var form = new FormUrlEncodedContent([new("til-stede", portal.UserIds["anne"]), new("til-stede", portal.UserIds["bo"]), new("__RequestVerificationToken", Token(page))]);
            var saved = await session.PostContentAsync($"/moeder/{meeting}/fremmoede", form);
            Assert.Equal($"/alfa/moeder/{meeting}?besked=fremmoede#fremmoede", saved.Headers.Location!.ToString());
            var present = await portal.InTenantAsync(portal.Alfa, async services => await services.GetRequiredService<MeetingResponses>().PresentAsync(meeting));
            Assert.Equal(new[] { portal.UserIds["anne"], portal.UserIds["bo"] }.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
        }
        finally
        {
            portal.Clock.Offset = TimeSpan.Zero;
        }
    }

    private static Dictionary<string, string> CaseFields(string title, string question, string minutes) => new()
    {
        ["titel"] = title,
        ["spoergsmaal"] = question,
        ["oenske"] = "Råd og nye vinkler",
        ["minutter"] = minutes,
        ["prioritet"] = "1",
    };

    private static string Token(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success);
        return match.Groups[1].Value;
    }
}
