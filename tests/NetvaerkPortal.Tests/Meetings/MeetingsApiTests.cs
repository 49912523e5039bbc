using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Members;
using NetvaerkPortal.PersonalData;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The meetings API end to end: answers, cases, the leader's choice, the agenda, roles and swaps, attendance,
/// actions and commitment; and hostile input (ids out of reach, path-like and huge ids, wrong types, duplicate keys,
/// deep nesting) answered with 404 or a 400 that names the field.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class MeetingsApiTests(MeetingsApiPortal portal)
{
    private static Uri Url(string path) => MeetingsApiPortal.Url(path);

    private static StringContent Json(string json) => MeetingsApiPortal.Json(json);

    private async Task<string> PlanAsync(int days, string extra = "")
    {
        using var coordinator = portal.Client("tovholder");
        var response = await coordinator.PostAsync(Url($"/api/networks/{portal.NetworkX}/meetings"),
            Json($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(days))}}", "DurationMinutes": 180, "ProtocolId": "{{portal.SharedProtocol}}" {{extra}}}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["meetings"]![0]!["id"]!;
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<string> BringAsync(string user, string meetingId, string title, int minutes)
    {
        using var client = portal.Client(user);
        var created = await ReadAsync(await client.PostAsync(Url($"/api/meetings/{meetingId}/cases"),
            Json($$"""{"Title": "{{title}}", "KeyQuestion": "Hvad gør jeg?", "MinutesNeeded": {{minutes}}, "Priority": 1, "WantFromGroup": "Råd"}""")), HttpStatusCode.Created);
        return (string)created["id"]!;
    }

    [Fact]
    public async Task Members_answer_and_bring_cases_the_meeting_leader_picks_them_and_the_agenda_follows()
    {
        var id = await PlanAsync(20);
        using var coordinator = portal.Client("tovholder");
        var suggested = await ReadAsync(await coordinator.GetAsync(Url($"/api/meetings/{id}/roles")));
        Assert.Equal(["MeetingLeader", "Timekeeper", "NoteTaker", "Host"], suggested["Suggested"]!.AsArray().Select(r => (string)r!));
        // The coordinator makes anne the meeting leader; she then picks the cases herself.
        await ReadAsync(await coordinator.PutAsync(Url($"/api/meetings/{id}/roles"), Json("""{"MeetingLeader": "anne"}""")));
        using var anne = portal.Client("anne");
        using var bo = portal.Client("bo");
        await ReadAsync(await bo.PutAsync(Url($"/api/meetings/{id}/rsvp"), Json("""{"Answer": "no", "Reason": "Kursus i Odense"}""")));
        await ReadAsync(await anne.PutAsync(Url($"/api/meetings/{id}/rsvp"), Json("""{"Answer": "yes"}""")));
        var first = await BringAsync("carl", id, "Sygefravær", 30);
        var second = await BringAsync("dorte", id, "Ny struktur", 60);

        var picked = await ReadAsync(await anne.PutAsync(Url($"/api/meetings/{id}/cases"), Json($$"""{"Selected": ["{{second}}", "{{first}}"]}""")));
        var agenda = await ReadAsync(await anne.GetAsync(Url($"/api/meetings/{id}/agenda")));
        var meeting = await ReadAsync(await anne.GetAsync(Url($"/api/meetings/{id}")));

        Assert.Equal([second, first], picked["selected"]!.AsArray().Select(c => (string)c!));
        Assert.True((bool)agenda["fits"]!);
        Assert.Equal(15 + 60 + 45 + 10, (int)agenda["plannedMinutes"]!);
        Assert.Equal(180, (int)agenda["availableMinutes"]!);
        Assert.Equal([null, second, second, second, first, first, first, null], agenda["items"]!.AsArray().Select(i => (string?)i!["caseId"]));
        Assert.Contains("T13:15:00", (string)agenda["items"]![1]!["start"]!, StringComparison.Ordinal);
        Assert.Equal("anne", (string?)meeting["roles"]!["MeetingLeader"]);
        Assert.Equal(["dorte", "carl"], meeting["roles"]!["CaseGivers"]!.AsArray().Select(u => (string)u!));
        Assert.DoesNotContain("bo", new[] { "Timekeeper", "NoteTaker", "Host" }.Select(r => (string?)meeting["roles"]![r]));
        Assert.Equal(2, meeting["cases"]!.AsArray().Count);
        // A member sees who declined but not why; the meeting leader and the coordinator see the reason.
        using var carl = portal.Client("carl");
        var memberView = await ReadAsync(await carl.GetAsync(Url($"/api/meetings/{id}")));
        Assert.Null((string?)memberView["rsvps"]!.AsArray().Single(r => (string)r!["user"]! == "bo")!["reason"]);
        Assert.Equal("Kursus i Odense", (string?)meeting["rsvps"]!.AsArray().Single(r => (string)r!["user"]! == "bo")!["reason"]);
        var coordinatorView = await ReadAsync(await coordinator.GetAsync(Url($"/api/meetings/{id}")));
        Assert.Equal("Kursus i Odense", (string?)coordinatorView["rsvps"]!.AsArray().Single(r => (string)r!["user"]! == "bo")!["reason"]);
    }

    [Fact]
    public async Task A_member_who_is_not_the_meeting_leader_may_not_pick_cases_or_set_roles()
    {
        var id = await PlanAsync(21);
        using var coordinator = portal.Client("tovholder");
        await ReadAsync(await coordinator.PutAsync(Url($"/api/meetings/{id}/roles"), Json("""{"MeetingLeader": "anne", "NoteTaker": "carl"}""")));
        using var bo = portal.Client("bo");
        using var carl = portal.Client("carl");

        var pick = await bo.PutAsync(Url($"/api/meetings/{id}/cases"), Json("""{"Selected": []}"""));
        var roles = await bo.PutAsync(Url($"/api/meetings/{id}/roles"), Json("""{"MeetingLeader": "bo"}"""));
        var noteTakerRoles = await carl.PutAsync(Url($"/api/meetings/{id}/roles"), Json("""{"MeetingLeader": "carl"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, pick.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noteTakerRoles.StatusCode);
    }

    [Fact]
    public async Task A_case_giver_edits_and_withdraws_their_own_case_but_not_a_colleagues()
    {
        var id = await PlanAsync(22);
        var caseId = await BringAsync("carl", id, "Min sag", 20);
        using var carl = portal.Client("carl");
        using var dorte = portal.Client("dorte");

        var edited = await ReadAsync(await carl.PutAsync(Url($"/api/meetings/{id}/cases/{caseId}"), Json("""{"Title": "Min sag, skarpere", "MinutesNeeded": 25}""")));
        var byColleague = await dorte.PutAsync(Url($"/api/meetings/{id}/cases/{caseId}"), Json("""{"Title": "Kapret"}"""));
        var wrongMeeting = await carl.DeleteAsync(Url($"/api/meetings/{portal.BetaMeeting}/cases/{caseId}"));
        var withdrawn = await carl.DeleteAsync(Url($"/api/meetings/{id}/cases/{caseId}"));

        Assert.Equal("Min sag, skarpere", (string?)edited["title"]);
        Assert.Equal("Hvad gør jeg?", (string?)edited["keyQuestion"]);
        Assert.Equal(25, (int)edited["minutesNeeded"]!);
        Assert.Equal(HttpStatusCode.Forbidden, byColleague.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongMeeting.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
    }

    [Fact]
    public async Task A_swap_request_stays_open_until_the_roles_change_it()
    {
        var id = await PlanAsync(23);
        using var coordinator = portal.Client("tovholder");
        await ReadAsync(await coordinator.PutAsync(Url($"/api/meetings/{id}/roles"), Json("""{"Host": "dorte", "Timekeeper": "bo"}""")));
        using var dorte = portal.Client("dorte");

        var notHeld = await dorte.PostAsync(Url($"/api/meetings/{id}/roles/swap"), Json("""{"Role": "Timekeeper"}"""));
        await ReadAsync(await dorte.PostAsync(Url($"/api/meetings/{id}/roles/swap"), Json("""{"Role": "Host", "Note": "Ingen lokaler i marts"}""")), HttpStatusCode.Created);
        var open = await ReadAsync(await coordinator.GetAsync(Url($"/api/meetings/{id}")));
        await ReadAsync(await coordinator.PutAsync(Url($"/api/meetings/{id}/roles"), Json("""{"Host": "carl", "Timekeeper": "bo"}""")));
        var resolved = await ReadAsync(await coordinator.GetAsync(Url($"/api/meetings/{id}")));

        await MeetingPlannerTests.AssertRefusedAsync(notHeld, "Role");
        Assert.Equal("Ingen lokaler i marts", (string?)open["swapRequests"]!.AsArray().Single()!["note"]);
        Assert.Equal("Host", (string?)open["swapRequests"]![0]!["role"]);
        Assert.Empty(resolved["swapRequests"]!.AsArray());
        Assert.Equal("carl", (string?)resolved["roles"]!["Host"]);
    }

    [Fact]
    public async Task The_note_taker_records_who_came_and_commitment_shows_members_their_own_and_coordinators_all()
    {
        var id = await PlanAsync(1);
        using var coordinator = portal.Client("tovholder");
        await ReadAsync(await coordinator.PutAsync(Url($"/api/meetings/{id}/roles"), Json("""{"NoteTaker": "dorte", "MeetingLeader": "anne"}""")));
        using var dorte = portal.Client("dorte");
        using var bo = portal.Client("bo");
        await ReadAsync(await bo.PutAsync(Url($"/api/meetings/{id}/rsvp"), Json("""{"Answer": "yes"}""")));
        portal.Clock.Offset = TimeSpan.FromDays(1.6);
        try
        {
            var early = await bo.PutAsync(Url($"/api/meetings/{id}/attendance"), Json("""{"Present": ["bo"]}"""));
            var present = await ReadAsync(await dorte.PutAsync(Url($"/api/meetings/{id}/attendance"), Json("""{"Present": ["anne", "bo", "dorte", "bo"]}""")));
            var action = await ReadAsync(await dorte.PostAsync(Url($"/api/meetings/{id}/actions"), Json("""{"Text": "Sende oplæg", "Owner": "bo", "Due": "2030-02-01"}""")), HttpStatusCode.Created);
            var actionId = (string)action["id"]!;
            var done = await ReadAsync(await bo.PutAsync(Url($"/api/actions/{actionId}"), Json("""{"Done": true}""")));
            var mine = await ReadAsync(await bo.GetAsync(Url($"/api/networks/{portal.NetworkX}/commitment")));
            var all = await ReadAsync(await coordinator.GetAsync(Url($"/api/networks/{portal.NetworkX}/commitment")));

            Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
            Assert.Equal(["anne", "bo", "dorte"], present["present"]!.AsArray().Select(p => (string)p!));
            Assert.True((bool)done["done"]!);
            Assert.Equal("bo", (string?)done["owner"]);
            Assert.Equal(["bo"], mine["members"]!.AsArray().Select(m => (string)m!["user"]!));
            Assert.True((int)mine["members"]![0]!["present"]! >= 1);
            Assert.Contains(all["members"]!.AsArray(), m => (string)m!["user"]! == "carl");
            var held = all["meetings"]!.AsArray().Single(m => (string)m!["meetingId"]! == id)!;
            Assert.Equal(3, (int)held["present"]!);
            Assert.True((bool)held["attendanceRecorded"]!);
        }
        finally
        {
            portal.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Open_actions_of_the_network_show_on_the_next_meeting_until_done()
    {
        var earlier = await PlanAsync(2);
        var next = await PlanAsync(30);
        using var coordinator = portal.Client("tovholder");

        var action = await ReadAsync(await coordinator.PostAsync(Url($"/api/meetings/{earlier}/actions"), Json("""{"Text": "Finde en ny vært 5150"}""")), HttpStatusCode.Created);
        var shown = await ReadAsync(await coordinator.GetAsync(Url($"/api/meetings/{next}")));
        await ReadAsync(await coordinator.PutAsync(Url($"/api/actions/{(string)action["id"]!}"), Json("""{"Done": true}""")));
        var after = await ReadAsync(await coordinator.GetAsync(Url($"/api/meetings/{next}")));

        Assert.Contains(shown["openActions"]!.AsArray(), a => (string)a!["text"]! == "Finde en ny vært 5150");
        Assert.DoesNotContain(after["openActions"]!.AsArray(), a => (string)a!["text"]! == "Finde en ny vært 5150");
    }

    public static TheoryData<string> UnreachableIds() =>
    [
        "..",
        "%2e%2e",
        "..%2F..%2Fetc%2Fpasswd",
        new string('a', 10_000),
        "00000000000000000000000000",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "{beta}",
    ];

    [Theory]
    [MemberData(nameof(UnreachableIds))]
    public async Task A_meeting_id_out_of_reach_is_not_found_on_every_route(string id)
    {
        id = id.Replace("{beta}", portal.BetaMeeting, StringComparison.Ordinal);
        using var admin = portal.Client("admin");

        foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Get, "", null), (HttpMethod.Put, "", """{"Theme": "x"}"""), (HttpMethod.Delete, "", null),
            (HttpMethod.Post, "/cases", """{"Title": "x", "KeyQuestion": "y", "MinutesNeeded": 5}"""), (HttpMethod.Put, "/cases", """{"Selected": []}"""),
            (HttpMethod.Get, "/agenda", null), (HttpMethod.Get, "/roles", null), (HttpMethod.Put, "/roles", "{}"),
            (HttpMethod.Put, "/rsvp", """{"Answer": "yes"}"""), (HttpMethod.Put, "/attendance", """{"Present": []}"""),
            (HttpMethod.Post, "/actions", """{"Text": "x"}"""),
        })
        {
            using var request = new HttpRequestMessage(method, Url($"/api/meetings/{id}{path}")) { Content = body is null ? null : Json(body) };
            var response = await admin.SendAsync(request);
            // A dot segment is resolved by the client before it is sent, so ".." never reaches a meeting route (404 or 405 on /api).
            var expected = id.Contains('.', StringComparison.Ordinal) || id.Contains("%2e", StringComparison.Ordinal)
                ? response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed
                : response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.RequestUriTooLong or HttpStatusCode.BadRequest;
            Assert.True(expected, $"{method} {path}: {response.StatusCode}");
            Assert.False(response.StatusCode == HttpStatusCode.BadRequest && id.Length < 100, $"{method} {path} answered 400 for a short id");
        }

        var network = await admin.GetAsync(Url($"/api/networks/{id.Replace(portal.BetaMeeting, portal.NetworkBeta, StringComparison.Ordinal)}/meetings"));
        var action = await admin.PutAsync(Url($"/api/actions/{id}"), Json("""{"Done": true}"""));
        Assert.NotEqual(HttpStatusCode.OK, network.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, action.StatusCode);
        Assert.True((int)network.StatusCode >= 400 && (int)action.StatusCode >= 400);
    }

    [Fact]
    public async Task Another_tenants_administrator_finds_nothing_and_another_networks_member_neither()
    {
        var id = await PlanAsync(24);
        using var beta = portal.Client("beta-admin");
        using var yrsa = portal.Client("yrsa");

        Assert.Equal(HttpStatusCode.NotFound, (await yrsa.GetAsync(Url($"/api/meetings/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yrsa.PutAsync(Url($"/api/meetings/{id}/rsvp"), Json("""{"Answer": "yes"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yrsa.GetAsync(Url($"/api/networks/{portal.NetworkX}/meetings"))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await beta.GetAsync(Url($"/api/meetings/{id}"))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await beta.GetAsync(Url($"/api/networks/{portal.NetworkX}/meetings"))).StatusCode);
        Assert.NotEqual(HttpStatusCode.Created, (await beta.PostAsync(Url($"/api/networks/{portal.NetworkX}/meetings"), Json("""{"Start": "2031-01-01T10:00"}"""))).StatusCode);
    }

    public static TheoryData<string, string> HostileBodies() => new()
    {
        { """{"Start": 20270114, "Count": 1}""", "Start" },
        { """{"Start": "{future}", "Count": "6"}""", "Count" },
        { """{"Start": "{future}", "Count": 1.5}""", "Count" },
        { """{"Start": "{future}", "Count": 99999999999999999999}""", "Count" },
        { """{"Start": "{future}", "DurationMinutes": true}""", "DurationMinutes" },
        { """{"Start": "{future}", "Place": ["Rådhuset"]}""", "Place" },
        { """{"Start": "{future}", "Theme": {"Title": "x"}}""", "Theme" },
        { """{"Start": "{future}", "Start": "{future}"}""", "Start" },
        { """{"Start": "{future}", "start": "{future}"}""", "Start" },
        { """{"Start": "{future}", "Colour": "red"}""", "Colour" },
        { """{"Start": "{future}", "Place": "\ud800"}""", "Place" },
        { """["Start"]""", "body" },
        { "\"Start\"", "body" },
        { "Start=2027-01-14", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task A_hostile_body_is_refused_naming_the_field_and_nothing_is_written(string body, string field)
    {
        var before = await portal.RowCountsAsync();
        using var coordinator = portal.Client("tovholder");

        var response = await coordinator.PostAsync(Url($"/api/networks/{portal.NetworkX}/meetings"),
            Json(body.Replace("{future}", MeetingsApiPortal.Iso(portal.FutureStart(40)), StringComparison.Ordinal)));

        await MeetingPlannerTests.AssertRefusedAsync(response, field);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Theory]
    [InlineData("/rsvp", """{"Answer": true}""", "Answer")]
    [InlineData("/rsvp", """{"Answer": "måske"}""", "Answer")]
    [InlineData("/rsvp", """{"Answer": "yes", "Reason": 5}""", "Reason")]
    [InlineData("/attendance", """{"Present": "anne"}""", "Present")]
    [InlineData("/attendance", """{"Present": [1, 2]}""", "Present")]
    [InlineData("/roles", """{"CaseGivers": "anne"}""", "CaseGivers")]
    [InlineData("/roles", """{"MeetingLeader": ["anne"]}""", "MeetingLeader")]
    [InlineData("/roles", """{"MeetingLeader": "anne", "MEETINGLEADER": "bo"}""", "MeetingLeader")]
    [InlineData("/cases", """{"Selected": [null]}""", "Selected")]
    [InlineData("/cases", """{"Selected": ["x", "x"]}""", "Selected")]
    [InlineData("/cases", """{"Selected": ["../../x"]}""", "Selected")]
    public async Task A_wrongly_typed_field_is_refused_naming_it(string path, string body, string field)
    {
        var id = await PlanAsync(25);
        var before = await portal.RowCountsAsync();
        using var coordinator = portal.Client("tovholder");

        var response = await coordinator.PutAsync(Url($"/api/meetings/{id}{path}"), Json(body));

        await MeetingPlannerTests.AssertRefusedAsync(response, field);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task A_body_nested_ten_thousand_deep_is_refused_without_a_server_error()
    {
        var id = await PlanAsync(26);
        using var coordinator = portal.Client("tovholder");
        var deep = "{\"Answer\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        var response = await coordinator.PutAsync(Url($"/api/meetings/{id}/rsvp"), Json(deep));
        var plan = await coordinator.PostAsync(Url($"/api/networks/{portal.NetworkX}/meetings"), Json(new string('{', 10_000)));

        await MeetingPlannerTests.AssertRefusedAsync(response, "Answer");
        Assert.Equal(HttpStatusCode.BadRequest, plan.StatusCode);
    }

    [Fact]
    public async Task An_editor_who_is_not_a_member_plans_but_does_not_answer_or_bring_cases()
    {
        using var editor = portal.Client("redaktoer");
        var created = await editor.PostAsync(Url($"/api/networks/{portal.NetworkX}/meetings"), Json($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(27))}}"}"""));
        var id = (string)(await ReadAsync(created, HttpStatusCode.Created))["meetings"]![0]!["id"]!;

        var answer = await editor.PutAsync(Url($"/api/meetings/{id}/rsvp"), Json("""{"Answer": "yes"}"""));
        var newCase = await editor.PostAsync(Url($"/api/meetings/{id}/cases"), Json("""{"Title": "x", "KeyQuestion": "y", "MinutesNeeded": 5}"""));
        var deleted = await editor.DeleteAsync(Url($"/api/meetings/{id}"));
        var gone = await editor.GetAsync(Url($"/api/meetings/{id}"));

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, newCase.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_deleted_member_takes_their_cases_answers_and_roles_along_and_their_export_holds_them_first()
    {
        var id = await PlanAsync(28);
        var userId = await portal.CreateUserAsync(portal.Alfa, "slet-sanne", PortalRoles.Member, (portal.NetworkX, NetworkRoles.Member));
        var export = await portal.InTenantAsync(portal.Alfa, async services =>
        {
            await services.GetRequiredService<CaseIntake>().BringAsync(id, userId, new BringCase("Sannes fortrolige sag 6161", "Hvad gør jeg?", 20, 1));
            await services.GetRequiredService<MeetingResponses>().AnswerAsync(id, userId, false, "Ferie i Skagen");
            await services.GetRequiredService<MeetingActions>().AddAsync(id, "Sannes handling", userId, null);
            var user = (await services.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(userId))!;
            var exported = (await services.GetRequiredService<PersonalDataExport>().ExportAsync(user)).ToJsonString();
            await services.GetRequiredService<MemberDeletion>().DeleteAsync(user, null);
            return exported;
        });
        using var coordinator = portal.Client("tovholder");
        var meeting = (await (await coordinator.GetAsync(Url($"/api/meetings/{id}"))).Content.ReadAsStringAsync());

        Assert.Contains("Sannes fortrolige sag 6161", export, StringComparison.Ordinal);
        Assert.Contains("Ferie i Skagen", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Sannes fortrolige sag 6161", meeting, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferie i Skagen", meeting, StringComparison.Ordinal);
        Assert.DoesNotContain(userId, meeting, StringComparison.Ordinal);
        Assert.Contains("Sannes handling", meeting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meetings_routes_are_in_the_openapi_description()
    {
        using var client = portal.Client("anonymous");

        var text = await (await client.GetAsync(Url("/openapi/v1.json"))).Content.ReadAsStringAsync();

        foreach (var route in new[] { "/api/networks/{networkId}/meetings", "/api/meetings/{meetingId}", "/api/meetings/{meetingId}/cases", "/api/meetings/{meetingId}/agenda",
                     "/api/meetings/{meetingId}/roles", "/api/meetings/{meetingId}/rsvp", "/api/meetings/{meetingId}/attendance", "/api/meetings/{meetingId}/actions", "/api/actions/{actionId}" })
        {
            Assert.Contains($"\"{route}\"", text, StringComparison.Ordinal);
        }

        Assert.Contains("PlanMeetings", text, StringComparison.Ordinal);
    }
}
