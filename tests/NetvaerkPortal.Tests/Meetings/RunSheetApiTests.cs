using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Planning;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>GET/POST /api/meetings/{id}/run end to end: the state, time spent recorded per item, concurrent "next"
/// from two devices, who may run the meeting, hostile input; and the open actions carried into the next meeting.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public class RunSheetApiTests(MeetingsApiPortal portal)
{
    private static Uri Run(string meetingId) => MeetingsApiPortal.Url($"/api/meetings/{meetingId}/run");

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<JsonNode> ActAsync(string user, string meetingId, string action, int from, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = portal.Client(user);
        return await ReadAsync(await client.PostAsync(Run(meetingId), MeetingsApiPortal.Json($$"""{"Action": "{{action}}", "FromPosition": {{from}}}""")), expected);
    }

    [Fact]
    public async Task The_clock_runs_from_the_agenda_and_a_member_sees_the_first_phase_with_its_countdown()
    {
        var id = await portal.RunningMeetingAsync(startedMinutesAgo: 3);
        using var member = portal.Client("dorte");

        var state = await ReadAsync(await member.GetAsync(Run(id)));

        Assert.Equal("running", (string)state["status"]!);
        Assert.Equal(0, (int)state["position"]!);
        Assert.Equal(5, state["items"]!.AsArray().Count);
        Assert.Equal("Check-in", (string)state["items"]![0]!["phase"]!);
        Assert.Equal("current", (string)state["items"]![0]!["status"]!);
        var endsAt = DateTimeOffset.Parse((string)state["endsAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        var now = DateTimeOffset.Parse((string)state["serverNow"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange((endsAt - now).TotalMinutes, 11.5, 12.1);
        Assert.False((bool)state["warning"]!);
        Assert.Empty(await portal.RunItemsAsync(id));
    }

    [Fact]
    public async Task The_timekeeper_moves_on_and_the_time_actually_spent_is_recorded_per_phase()
    {
        var id = await portal.RunningMeetingAsync(startedMinutesAgo: 17);

        var state = await ActAsync("bo", id, "next", 0);

        Assert.Equal(1, (int)state["position"]!);
        Assert.Equal("Casefremlæggelse", (string)state["items"]![1]!["phase"]!);
        Assert.Equal("carl", (string)state["speaks"]!);
        Assert.Equal("Ny medarbejder mistrives", (string)state["items"]![1]!["caseTitle"]!);
        Assert.Equal("Hvordan tager jeg samtalen?", (string)state["items"]![1]!["keyQuestion"]!);
        Assert.Equal("done", (string)state["items"]![0]!["status"]!);
        Assert.InRange((int)state["items"]![0]!["spentSeconds"]!, 17 * 60 - 2, 17 * 60 + 5);
        var items = await portal.RunItemsAsync(id);
        Assert.Equal(5, items.Count);
        Assert.InRange((items[0].EndedUtc - items[0].StartedUtc)!.Value.TotalMinutes, 16.9, 17.1);
        Assert.Equal(items[0].EndedUtc, items[1].StartedUtc);
        Assert.Null(items[1].EndedUtc);
    }

    [Fact]
    public async Task Two_devices_pressing_next_at_once_move_the_meeting_one_phase_and_the_late_one_gets_409()
    {
        var id = await portal.RunningMeetingAsync();
        using var anne = portal.Client("anne");
        using var bo = portal.Client("bo");

        var answers = await Task.WhenAll(
            anne.PostAsync(Run(id), MeetingsApiPortal.Json("""{"Action": "next", "FromPosition": 0}""")),
            bo.PostAsync(Run(id), MeetingsApiPortal.Json("""{"Action": "next", "FromPosition": 0}""")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Contains("FromPosition", await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var items = await portal.RunItemsAsync(id);
        Assert.NotNull(items[1].StartedUtc);
        Assert.Null(items[2].StartedUtc);
    }

    [Fact]
    public async Task Extend_previous_and_end_give_the_summary_of_planned_against_spent()
    {
        var id = await portal.RunningMeetingAsync();

        var extended = await ActAsync("anne", id, "extend", 0);
        Assert.Equal(5, (int)extended["items"]![0]!["extraMinutes"]!);
        await ActAsync("anne", id, "next", 0);
        Assert.Equal(0, (int)(await ActAsync("anne", id, "previous", 1))["position"]!);
        var ended = await ActAsync("anne", id, "end", 0);

        Assert.True((bool)ended["ended"]!);
        Assert.Equal("ended", (string)ended["status"]!);
        Assert.Equal(5, (int)ended["position"]!);
        Assert.Equal(["done", "skipped", "skipped", "skipped", "skipped"], ended["items"]!.AsArray().Select(i => (string)i!["status"]!));
        await ActAsync("anne", id, "next", 5, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_member_without_a_role_reads_but_may_not_run_and_other_networks_and_tenants_get_404()
    {
        var id = await portal.RunningMeetingAsync();

        var refused = await ActAsync("dorte", id, "next", 0, HttpStatusCode.Forbidden);
        Assert.Contains("timekeeper", (string)refused["detail"]!, StringComparison.Ordinal);
        await ActAsync("yrsa", id, "next", 0, HttpStatusCode.NotFound);
        using var yrsa = portal.Client("yrsa");
        Assert.Equal(HttpStatusCode.NotFound, (await yrsa.GetAsync(Run(id))).StatusCode);
        using var other = portal.Client("beta-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/beta/api/meetings/{id}/run", UriKind.Relative))).StatusCode);
        using var admin = portal.Client("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Run(portal.BetaMeeting))).StatusCode);
        using var anonymous = portal.Client("anonymous");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Run(id))).StatusCode);
        Assert.Empty(await portal.RunItemsAsync(id));
    }

    [Theory]
    [InlineData("""{"Action": "next"}""", "FromPosition")]
    [InlineData("""{"Action": "jump", "FromPosition": 0}""", "Action")]
    [InlineData("""{"Action": 1, "FromPosition": 0}""", "Action")]
    [InlineData("""{"Action": "next", "FromPosition": "0"}""", "FromPosition")]
    [InlineData("""{"Action": "next", "FromPosition": 0.5}""", "FromPosition")]
    [InlineData("""{"Action": "next", "FromPosition": 99}""", "FromPosition")]
    [InlineData("""{"Action": "next", "FromPosition": -1}""", "FromPosition")]
    [InlineData("""{"Action": "next", "FromPosition": 1e30}""", "FromPosition")]
    [InlineData("""{"Action": "next", "Action": "end", "FromPosition": 0}""", "Action")]
    [InlineData("""{"Action": "next", "FromPosition": 0, "Position": 3}""", "Position")]
    [InlineData("""["next", 0]""", "body")]
    [InlineData("", "body")]
    public async Task Hostile_bodies_are_refused_naming_the_field_and_nothing_moves(string body, string field)
    {
        var id = await portal.RunningMeetingAsync();
        using var bo = portal.Client("bo");

        var problem = await ReadAsync(await bo.PostAsync(Run(id), MeetingsApiPortal.Json(body)), HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]?[field] is not null, problem.ToJsonString());
        Assert.Empty(await portal.RunItemsAsync(id));
    }

    [Fact]
    public async Task A_deeply_nested_body_is_refused()
    {
        var id = await portal.RunningMeetingAsync();
        using var bo = portal.Client("bo");
        var deep = """{"Action": """ + new string('[', 10_000) + new string(']', 10_000) + ", \"FromPosition\": 0}";

        Assert.Equal(HttpStatusCode.BadRequest, (await bo.PostAsync(Run(id), MeetingsApiPortal.Json(deep))).StatusCode);
        Assert.Empty(await portal.RunItemsAsync(id));
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("a%2Fb")]
    [InlineData("CON")]
    public async Task Path_like_and_huge_ids_are_not_found(string id)
    {
        using var anne = portal.Client("anne");

        Assert.Equal(HttpStatusCode.NotFound, (await anne.GetAsync(Run(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anne.GetAsync(Run(new string('a', 10_000)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anne.PostAsync(Run(new string('a', 10_000)), MeetingsApiPortal.Json("""{"Action": "next", "FromPosition": 0}"""))).StatusCode);
    }

    [Fact]
    public async Task A_cancelled_meeting_and_one_not_yet_begun_refuse_to_move_with_a_clear_message()
    {
        var later = (await portal.PlanAsync(1, 10))[0];
        var notYet = await ActAsync("tovholder", later, "next", 0, HttpStatusCode.BadRequest);
        Assert.Contains("not begun", notYet["errors"]!["Action"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("one hour", (await ActAsync("tovholder", later, "start", 0, HttpStatusCode.BadRequest))["errors"]!["Action"]![0]!.ToString(), StringComparison.Ordinal);

        var id = await portal.RunningMeetingAsync();
        await portal.InTenantAsync(portal.Alfa, async services => { await services.GetRequiredService<MeetingPlanner>().CancelAsync(id, "Sygdom", false); return true; });
        using var anne = portal.Client("anne");
        Assert.Equal("cancelled", (string)(await ReadAsync(await anne.GetAsync(Run(id))))["status"]!);
        Assert.Contains("cancelled", (await ActAsync("tovholder", id, "next", 0, HttpStatusCode.BadRequest))["errors"]!["Action"]![0]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_starts_early_and_the_clock_runs_from_that_moment()
    {
        var id = await portal.RunningMeetingAsync(startedMinutesAgo: -20);
        using var anne = portal.Client("anne");
        Assert.Equal("before", (string)(await ReadAsync(await anne.GetAsync(Run(id))))["status"]!);

        var started = await ActAsync("anne", id, "start", 0);

        Assert.Equal("running", (string)started["status"]!);
        var endsAt = DateTimeOffset.Parse((string)started["endsAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange((endsAt - portal.Clock.GetUtcNow()).TotalMinutes, 14.5, 15.1);
    }

    [Fact]
    public async Task Open_actions_of_earlier_meetings_are_carried_into_the_next_meeting_until_they_are_done()
    {
        var earlier = await portal.RunningMeetingAsync(startedMinutesAgo: 60, withCase: false);
        var next = (await portal.PlanAsync(1, 40))[0];
        var (open, done) = await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var actions = services.GetRequiredService<MeetingActions>();
            var first = await actions.AddAsync(earlier, "Sende oplæg om trivsel", portal.UserIds["carl"], new DateOnly(2020, 1, 2));
            var second = await actions.AddAsync(earlier, "Booke lokale", null, null);
            await actions.SetDoneAsync(second.Id, true);
            return (first.Id, second.Id);
        });
        using var dorte = portal.Client("dorte");

        var detail = await ReadAsync(await dorte.GetAsync(MeetingsApiPortal.Url($"/api/meetings/{next}")));
        var carried = detail["carriedActions"]!.AsArray().Where(a => (string)a!["meetingId"]! == earlier).ToList();
        Assert.Equal([open], carried.Select(a => (string)a!["id"]!));
        Assert.Equal("carl", (string)carried[0]!["owner"]!);
        Assert.Equal("2020-01-02", (string)carried[0]!["due"]!);
        Assert.DoesNotContain(done, detail["carriedActions"]!.ToJsonString(), StringComparison.Ordinal);
        var ofEarlier = await ReadAsync(await dorte.GetAsync(MeetingsApiPortal.Url($"/api/meetings/{earlier}")));
        Assert.DoesNotContain(open, ofEarlier["carriedActions"]!.ToJsonString(), StringComparison.Ordinal);

        using var carl = portal.Client("carl");
        await ReadAsync(await carl.PutAsync(MeetingsApiPortal.Url($"/api/actions/{open}"), MeetingsApiPortal.Json("""{"Done": true}""")));
        var after = await ReadAsync(await dorte.GetAsync(MeetingsApiPortal.Url($"/api/meetings/{next}")));
        Assert.DoesNotContain(open, after["carriedActions"]!.ToJsonString(), StringComparison.Ordinal);
    }
}

[Collection(MeetingsApiPortalOnPostgresCollection.Name)]
public sealed class RunSheetApiTestsOnPostgres(MeetingsApiPortalOnPostgres portal) : RunSheetApiTests(portal);
