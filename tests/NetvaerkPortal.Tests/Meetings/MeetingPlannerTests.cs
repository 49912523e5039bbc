using System.Net;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>Planning through the API: series at the same local clock time, the charter as default, moves and
/// cancellations of a series, and every bad input of the issue refused naming the field with nothing changed.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public class MeetingPlannerTests(MeetingsApiPortal portal)
{
    private async Task<JsonNode> PlanAsync(string body, string user = "tovholder")
    {
        using var client = portal.Client(user);
        var response = await client.PostAsync(MeetingsApiPortal.Url($"/api/networks/{portal.NetworkX}/meetings"), MeetingsApiPortal.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    private async Task<JsonNode> GetAsync(string path, string user = "tovholder")
    {
        using var client = portal.Client(user);
        var response = await client.GetAsync(MeetingsApiPortal.Url(path));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    private static List<string> Ids(JsonNode planned) => planned["meetings"]!.AsArray().Select(m => (string)m!["id"]!).ToList();

    [Fact]
    public async Task A_series_keeps_its_local_clock_time_across_daylight_saving_changes()
    {
        var start = portal.FutureStart(3);

        var planned = await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(start)}}", "DurationMinutes": 180, "Count": 10, "EveryWeeks": 6, "ProtocolId": "{{portal.SharedProtocol}}"}""");

        var starts = planned["meetings"]!.AsArray().Select(m => (string)m!["start"]!).ToList();
        Assert.Equal(10, starts.Count);
        Assert.All(starts, s => Assert.Contains("T13:00:00", s, StringComparison.Ordinal));
        // 54 weeks cross both changes: some meetings are in summer time (+02:00), some in winter time (+01:00).
        Assert.Contains(starts, s => s.EndsWith("+02:00", StringComparison.Ordinal));
        Assert.Contains(starts, s => s.EndsWith("+01:00", StringComparison.Ordinal));
        Assert.Equal(start.AddDays(6 * 7 * 9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), starts[^1][..10]);
    }

    [Fact]
    public async Task A_meeting_takes_its_purpose_and_desired_effect_from_the_charter_unless_given()
    {
        var planned = await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(4))}}", "DurationMinutes": 120, "ProtocolId": "{{portal.ProtocolOfX}}"}""");
        var own = await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(5))}}", "Purpose": "Særligt formål"}""");

        var meeting = await GetAsync($"/api/meetings/{Ids(planned)[0]}");
        var other = await GetAsync($"/api/meetings/{Ids(own)[0]}");

        Assert.Equal(MeetingsApiPortal.Purpose, (string?)meeting["purpose"]);
        Assert.Equal(MeetingsApiPortal.DesiredEffect, (string?)meeting["desiredEffect"]);
        Assert.Equal("X's erfa-runde", (string?)meeting["protocolName"]);
        Assert.Equal("Særligt formål", (string?)other["purpose"]);
        Assert.Equal(180, (int)other["durationMinutes"]!);
    }

    [Fact]
    public async Task A_series_moved_from_one_meeting_moves_the_later_ones_by_as_much_and_tells_calendars()
    {
        var start = portal.FutureStart(10);
        var ids = Ids(await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(start)}}", "Count": 4, "EveryWeeks": 2}"""));
        using var coordinator = portal.Client("tovholder");

        var moved = await coordinator.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{ids[1]}"),
            MeetingsApiPortal.Json($$"""{"Start": "{{MeetingsApiPortal.Iso(start.AddDays(15).AddHours(1))}}", "Following": true}"""));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var list = (await GetAsync($"/api/networks/{portal.NetworkX}/meetings"))["meetings"]!.AsArray().Where(m => ids.Contains((string)m!["id"]!)).ToList();
        Assert.Equal([start, start.AddDays(15).AddHours(1), start.AddDays(29).AddHours(1), start.AddDays(43).AddHours(1)],
            list.Select(m => DateTimeOffset.Parse((string)m!["start"]!, System.Globalization.CultureInfo.InvariantCulture).DateTime));
        Assert.Equal([0, 1, 1, 1], list.Select(m => (int)m!["sequence"]!));
    }

    [Fact]
    public async Task A_series_cancelled_from_one_meeting_on_keeps_the_earlier_ones_and_says_why()
    {
        var ids = Ids(await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(12))}}", "Count": 4, "EveryWeeks": 3}"""));
        using var coordinator = portal.Client("tovholder");

        var cancelled = await coordinator.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{ids[2]}"),
            MeetingsApiPortal.Json("""{"Cancelled": true, "Reason": "Netværket holder sommerpause", "Following": true}"""));
        var single = await coordinator.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{ids[0]}"), MeetingsApiPortal.Json("""{"Cancelled": true}"""));
        var reinstated = await coordinator.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{ids[0]}"), MeetingsApiPortal.Json("""{"Cancelled": false}"""));

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reinstated.StatusCode);
        var list = (await GetAsync($"/api/networks/{portal.NetworkX}/meetings"))["meetings"]!.AsArray().Where(m => ids.Contains((string)m!["id"]!)).ToList();
        Assert.Equal([false, false, true, true], list.Select(m => (bool)m!["cancelled"]!));
        Assert.Equal("Netværket holder sommerpause", (string?)list[3]!["cancelledReason"]);
        Assert.Equal([2, 0, 1, 1], list.Select(m => (int)m!["sequence"]!));
    }

    /// <summary>The issue's bad input, and the neighbours of each rule: the refusal names the field, nothing changes.</summary>
    public static TheoryData<string, string> BadPlans()
    {
        var data = new TheoryData<string, string>
        {
            { """{"Start": "2020-01-14T13:00"}""", "Start" },
            { """{"Start": "{future}", "Count": 0}""", "Count" },
            { """{"Start": "{future}", "Count": 500, "EveryWeeks": 1}""", "Count" },
            { """{"Start": "{future}", "Count": 2}""", "EveryWeeks" },
            { """{"Start": "{future}", "Count": 2, "EveryWeeks": 53}""", "EveryWeeks" },
            { """{"Start": "{future}", "DurationMinutes": 14}""", "DurationMinutes" },
            { """{"Start": "{future}", "DurationMinutes": 721}""", "DurationMinutes" },
            { """{"Start": "{future}", "ProtocolId": "{protocolOfY}"}""", "ProtocolId" },
            { """{"Start": "{future}", "ProtocolId": "00000000000000000000000000"}""", "ProtocolId" },
            { """{"Start": "{future}", "ProtocolId": "../../etc/passwd"}""", "ProtocolId" },
            { """{"Start": "{future}", "Place": "{long}"}""", "Place" },
            { """{"Start": "{future}", "Theme": "{long}"}""", "Theme" },
            { """{"Start": "{future}", "OnlineUrl": "javascript:alert(1)"}""", "OnlineUrl" },
            { """{"Start": "{future}", "OnlineUrl": "ftp://example.dk/x"}""", "OnlineUrl" },
            { """{"Start": "3027-01-14T13:00"}""", "Start" },
            { """{"Start": "14/1 2027 kl. 13"}""", "Start" },
            { """{"DurationMinutes": 60}""", "Start" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task A_bad_plan_is_refused_naming_the_field_and_nothing_is_written(string body, string field)
    {
        var before = await portal.RowCountsAsync();
        using var coordinator = portal.Client("tovholder");

        var response = await coordinator.PostAsync(MeetingsApiPortal.Url($"/api/networks/{portal.NetworkX}/meetings"), MeetingsApiPortal.Json(body
            .Replace("{future}", MeetingsApiPortal.Iso(portal.FutureStart(20)), StringComparison.Ordinal)
            .Replace("{protocolOfY}", portal.ProtocolOfY, StringComparison.Ordinal)
            .Replace("{long}", new string('x', 501), StringComparison.Ordinal)));

        await AssertRefusedAsync(response, field);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task Moving_a_meeting_into_the_past_is_refused_and_nothing_moves()
    {
        var id = Ids(await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(8))}}", "Count": 3, "EveryWeeks": 1}"""))[0];
        var before = await portal.RowCountsAsync();
        using var coordinator = portal.Client("tovholder");

        var response = await coordinator.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{id}"), MeetingsApiPortal.Json("""{"Start": "2021-06-01T10:00", "Following": true}"""));

        await AssertRefusedAsync(response, "Start");
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task A_case_longer_than_the_meeting_is_refused_and_so_is_a_shorter_meeting_than_its_cases()
    {
        var id = Ids(await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(9))}}", "DurationMinutes": 60}"""))[0];
        using var anne = portal.Client("anne");
        using var coordinator = portal.Client("tovholder");
        Assert.Equal(HttpStatusCode.Created, (await anne.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/cases"),
            MeetingsApiPortal.Json("""{"Title": "Passer", "KeyQuestion": "Hvordan?", "MinutesNeeded": 45, "Priority": 1}"""))).StatusCode);
        var before = await portal.RowCountsAsync();

        var tooLong = await anne.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/cases"),
            MeetingsApiPortal.Json("""{"Title": "For lang", "KeyQuestion": "Hvordan?", "MinutesNeeded": 61, "Priority": 1}"""));
        var shorter = await coordinator.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{id}"), MeetingsApiPortal.Json("""{"DurationMinutes": 30}"""));

        var problem = await AssertRefusedAsync(tooLong, "MinutesNeeded");
        Assert.Contains("longer than the meeting", problem, StringComparison.Ordinal);
        await AssertRefusedAsync(shorter, "DurationMinutes");
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Theory]
    [InlineData("""{"KeyQuestion": "Hvordan?", "MinutesNeeded": 10}""", "Title")]
    [InlineData("""{"Title": "Sag", "MinutesNeeded": 10}""", "KeyQuestion")]
    [InlineData("""{"Title": "Sag", "KeyQuestion": "Hvordan?"}""", "MinutesNeeded")]
    [InlineData("""{"Title": "Sag", "KeyQuestion": "Hvordan?", "MinutesNeeded": 0}""", "MinutesNeeded")]
    [InlineData("""{"Title": "Sag", "KeyQuestion": "Hvordan?", "MinutesNeeded": 10, "Priority": 4}""", "Priority")]
    [InlineData("""{"Title": "{long}", "KeyQuestion": "Hvordan?", "MinutesNeeded": 10}""", "Title")]
    public async Task A_bad_case_is_refused_naming_the_field(string body, string field)
    {
        var id = Ids(await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(9))}}"}"""))[0];
        var before = await portal.RowCountsAsync();
        using var bo = portal.Client("bo");

        var response = await bo.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/cases"), MeetingsApiPortal.Json(body.Replace("{long}", new string('x', 201), StringComparison.Ordinal)));

        await AssertRefusedAsync(response, field);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task An_answer_to_a_cancelled_meeting_is_refused_and_nothing_is_recorded()
    {
        var id = Ids(await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(11))}}"}"""))[0];
        using var coordinator = portal.Client("tovholder");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{id}"), MeetingsApiPortal.Json("""{"Cancelled": true, "Reason": "Syg"}"""))).StatusCode);
        var before = await portal.RowCountsAsync();
        using var carl = portal.Client("carl");

        var answer = await carl.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/rsvp"), MeetingsApiPortal.Json("""{"Answer": "yes"}"""));
        var newCase = await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/cases"), MeetingsApiPortal.Json("""{"Title": "Sag", "KeyQuestion": "Hvordan?", "MinutesNeeded": 10}"""));

        var problem = await AssertRefusedAsync(answer, "Answer");
        Assert.Contains("cancelled", problem, StringComparison.Ordinal);
        await AssertRefusedAsync(newCase, "meetingId");
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Theory]
    [InlineData("MeetingLeader", """{"MeetingLeader": "yrsa"}""")]
    [InlineData("Host", """{"Host": "redaktoer"}""")]
    [InlineData("NoteTaker", """{"NoteTaker": "nobody-at-all"}""")]
    [InlineData("CaseGivers", """{"CaseGivers": ["anne", "yrsa"]}""")]
    public async Task A_role_for_a_non_member_is_refused_naming_the_field(string field, string body)
    {
        var id = Ids(await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(13))}}"}"""))[0];
        var before = await portal.RowCountsAsync();
        using var coordinator = portal.Client("tovholder");

        var response = await coordinator.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/roles"), MeetingsApiPortal.Json(body));

        var problem = await AssertRefusedAsync(response, field);
        Assert.Contains("not a member", problem, StringComparison.Ordinal);
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task A_case_on_a_meeting_that_has_started_and_attendance_of_a_non_member_are_refused()
    {
        var id = Ids(await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(1))}}"}"""))[0];
        portal.Clock.Offset = TimeSpan.FromDays(1.6);
        try
        {
            var before = await portal.RowCountsAsync();
            using var dorte = portal.Client("dorte");
            using var coordinator = portal.Client("tovholder");

            var late = await dorte.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/cases"), MeetingsApiPortal.Json("""{"Title": "Sent", "KeyQuestion": "Nu?", "MinutesNeeded": 10}"""));
            var lateAnswer = await dorte.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/rsvp"), MeetingsApiPortal.Json("""{"Answer": "no"}"""));
            var stranger = await coordinator.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/attendance"), MeetingsApiPortal.Json("""{"Present": ["anne", "yrsa"]}"""));

            await AssertRefusedAsync(late, "meetingId");
            await AssertRefusedAsync(lateAnswer, "Answer");
            await AssertRefusedAsync(stranger, "Present");
            Assert.Equal(before, await portal.RowCountsAsync());
        }
        finally
        {
            portal.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_member_sees_the_roles_they_hold_at_upcoming_meetings_and_not_at_cancelled_ones()
    {
        var ids = Ids(await PlanAsync($$"""{"Start": "{{MeetingsApiPortal.Iso(portal.FutureStart(14))}}", "Count": 2, "EveryWeeks": 1}"""));
        using var coordinator = portal.Client("tovholder");
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/roles"), MeetingsApiPortal.Json("""{"Host": "carl"}"""))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{ids[1]}"), MeetingsApiPortal.Json("""{"Cancelled": true}"""))).StatusCode);

        var upcoming = await portal.InTenantAsync(portal.Alfa, services =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Netvaerk.Meetings.Planning.MeetingRoster>(services).UpcomingForUserAsync(portal.UserIds["carl"]));

        var host = Assert.Single(upcoming, r => ids.Contains(r.Meeting.Id));
        Assert.Equal((ids[0], "host", false), (host.Meeting.Id, host.Role, host.Suggested));
    }

    /// <summary>400, a validation problem whose errors name the field; the problem's text is returned.</summary>
    internal static async Task<string> AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"The refusal names {string.Join(", ", errors.Select(e => e.Key))}, not {field}: {text}");
        return text;
    }
}

[Collection(MeetingsApiPortalOnPostgresCollection.Name)]
public sealed class MeetingPlannerTestsOnPostgres(MeetingsApiPortalOnPostgres portal) : MeetingPlannerTests(portal);
