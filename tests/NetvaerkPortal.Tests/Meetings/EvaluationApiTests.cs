using System.Net;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>POST/GET /api/meetings/{id}/evaluations: who may answer (members who attended, from the start, once, not a
/// cancelled meeting), the bad and hostile input of the issue (each refused naming the field, nothing changed), and the
/// aggregates that stay null under three answers.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class EvaluationApiTests(MeetingsApiPortal portal)
{
    private const string Valid = """{"Value": 4, "Time": 3, "Energy": 5, "WorthIt": true, "Comment": "God runde"}""";

    private async Task<HttpResponseMessage> PostAsync(string user, string meetingId, string body)
    {
        using var client = portal.Client(user);
        return await client.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meetingId}/evaluations"), MeetingsApiPortal.Json(body));
    }

    private async Task<JsonNode> GetAsync(string user, string meetingId)
    {
        using var client = portal.Client(user);
        var response = await client.GetAsync(MeetingsApiPortal.Url($"/api/meetings/{meetingId}/evaluations"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task An_attendee_evaluates_once_and_gets_201_without_any_id()
    {
        var meeting = await portal.HeldMeetingAsync(["anne", "bo"]);

        var response = await PostAsync("anne", meeting, Valid);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal("responders 1, tallies 17/4, comments 1", await portal.EvaluationRowsAsync(meeting));
        var mine = await GetAsync("anne", meeting);
        Assert.True((bool)mine["mine"]!);
        Assert.False((bool)(await GetAsync("bo", meeting))["mine"]!);
    }

    [Fact]
    public async Task Attendees_answering_at_the_same_moment_are_all_counted_once()
    {
        var people = new[] { "anne", "bo", "carl", "dorte", "tovholder" };
        var meeting = await portal.HeldMeetingAsync(people);

        var responses = await Task.WhenAll(people.Select(person => PostAsync(person, meeting, Valid)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        Assert.Equal("responders 5, tallies 17/20, comments 5", await portal.EvaluationRowsAsync(meeting));
        Assert.Equal(5, (int)(await GetAsync("anne", meeting))["answers"]!);
    }

    [Fact]
    public async Task A_second_evaluation_by_the_same_person_is_refused_with_409_naming_the_meeting_and_nothing_changes()
    {
        var meeting = await portal.HeldMeetingAsync(["anne"]);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("anne", meeting, Valid)).StatusCode);
        var before = await portal.EvaluationRowsAsync(meeting);

        var response = await PostAsync("anne", meeting, """{"Value": 1, "Time": 1, "Energy": 1, "WorthIt": false, "Comment": "Igen"}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("already evaluated", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.NotNull(problem["errors"]!["meetingId"]);
        Assert.Equal(before, await portal.EvaluationRowsAsync(meeting));
    }

    [Fact]
    public async Task Someone_who_did_not_attend_is_refused_with_403_whether_attendance_is_recorded_or_not()
    {
        var unrecorded = await portal.HeldMeetingAsync(["anne"]);
        var recorded = await portal.HeldMeetingAsync(["anne", "bo"], present: ["anne"]);

        var notSignedUp = await PostAsync("bo", unrecorded, Valid);
        var signedUpButAbsent = await PostAsync("bo", recorded, Valid);

        Assert.Equal(HttpStatusCode.Forbidden, notSignedUp.StatusCode);
        Assert.Contains("did not sign up", await notSignedUp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, signedUpButAbsent.StatusCode);
        Assert.Contains("not recorded as present", await signedUpButAbsent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("responders 0, tallies 0/0, comments 0", await portal.EvaluationRowsAsync(unrecorded));
        Assert.Equal("responders 0, tallies 0/0, comments 0", await portal.EvaluationRowsAsync(recorded));
    }

    [Fact]
    public async Task Editors_who_are_not_members_are_refused_and_readers_of_other_networks_and_tenants_get_404()
    {
        var meeting = await portal.HeldMeetingAsync(["anne"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("redaktoer", meeting, Valid)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("yrsa", meeting, Valid)).StatusCode);
        // Another tenant's token is no sign-in here at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("beta-admin", meeting, Valid)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("anne", portal.BetaMeeting, Valid)).StatusCode);
        using var yrsa = portal.Client("yrsa");
        Assert.Equal(HttpStatusCode.NotFound, (await yrsa.GetAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/evaluations"))).StatusCode);
        using var anonymous = portal.Client("anonymous");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/evaluations"), MeetingsApiPortal.Json(Valid))).StatusCode);
        Assert.Equal("responders 0, tallies 0/0, comments 0", await portal.EvaluationRowsAsync(meeting));
    }

    [Fact]
    public async Task A_meeting_that_has_not_started_or_was_cancelled_takes_no_evaluation()
    {
        var future = (await portal.PlanAsync(1, days: 40))[0];
        var cancelled = await portal.HeldMeetingAsync(["anne"], cancelled: true);

        var early = await PostAsync("anne", future, Valid);
        var off = await PostAsync("anne", cancelled, Valid);

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("has not started yet", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, off.StatusCode);
        Assert.Contains("cancelled", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(await off.Content.ReadAsStringAsync())!["errors"]!["meetingId"]);
        Assert.Equal("responders 0, tallies 0/0, comments 0", await portal.EvaluationRowsAsync(future));
        Assert.Equal("responders 0, tallies 0/0, comments 0", await portal.EvaluationRowsAsync(cancelled));
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { """{"Value": 0, "Time": 3, "Energy": 5, "WorthIt": true}""", "Value", "Value must be a whole number from 1 to 5." },
        { """{"Value": 6, "Time": 3, "Energy": 5, "WorthIt": true}""", "Value", "Value must be a whole number from 1 to 5." },
        { """{"Value": 4, "Time": -1, "Energy": 5, "WorthIt": true}""", "Time", "Time must be a whole number from 1 to 5." },
        { """{"Value": 4, "Time": 3, "Energy": 99999999999, "WorthIt": true}""", "Energy", "Energy must be a whole number from 1 to 5." },
        { """{"Value": "5", "Time": 3, "Energy": 5, "WorthIt": true}""", "Value", "Value must be a whole number from 1 to 5." },
        { """{"Value": 4.5, "Time": 3, "Energy": 5, "WorthIt": true}""", "Value", "Value must be a whole number from 1 to 5." },
        { """{"Value": true, "Time": 3, "Energy": 5, "WorthIt": true}""", "Value", "Value must be a whole number from 1 to 5." },
        { """{"Value": [4], "Time": 3, "Energy": 5, "WorthIt": true}""", "Value", "Value must be a whole number from 1 to 5." },
        { """{"Time": 3, "Energy": 5, "WorthIt": true}""", "Value", "Value is missing." },
        { """{"Value": 4, "Time": 3, "Energy": 5, "WorthIt": "yes"}""", "WorthIt", "WorthIt must be true or false." },
        { """{"Value": 4, "Time": 3, "Energy": 5}""", "WorthIt", "WorthIt is missing." },
        { """{"Value": 4, "Time": 3, "Energy": 5, "WorthIt": true, "Comment": 7}""", "Comment", "Comment must be a text" },
        { """{"Value": 4, "Value": 5, "Time": 3, "Energy": 5, "WorthIt": true}""", "Value", "" },
        { """{"Value": 4, "Time": 3, "Energy": 5, "WorthIt": true, "UserId": "x"}""", "UserId", "is not a field here" },
        { """[4, 3, 5, true]""", "body", "must be a JSON object" },
        { """{"Value": 4,""", "body", "" },
        { new string('[', 10_000) + new string(']', 10_000), "body", "" },
        { """{"Value": 4, "Time": 3, "Energy": 5, "WorthIt": true, "Comment": "COMMENT"}""", "Comment", "at most 2000 are allowed" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_and_hostile_bodies_are_refused_with_400_naming_the_field_and_nothing_changes(string body, string field, string message)
    {
        var meeting = await portal.HeldMeetingAsync(["anne"]);
        body = body.Replace("COMMENT", new string('x', 10_000), StringComparison.Ordinal);

        var response = await PostAsync("anne", meeting, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), text);
        Assert.Contains(message, (string)errors[field]![0]!, StringComparison.Ordinal);
        Assert.Equal("responders 0, tallies 0/0, comments 0", await portal.EvaluationRowsAsync(meeting));
        Assert.False((bool)(await GetAsync("anne", meeting))["mine"]!);
    }

    [Fact]
    public async Task With_one_and_two_answers_every_aggregate_is_null_and_no_comment_shows_with_three_they_appear()
    {
        var meeting = await portal.HeldMeetingAsync(["anne", "bo", "carl"]);

        await PostAsync("anne", meeting, """{"Value": 5, "Time": 4, "Energy": 3, "WorthIt": true, "Comment": "Zebra-kommentar 1"}""");
        var one = await GetAsync("bo", meeting);
        await PostAsync("bo", meeting, """{"Value": 2, "Time": 2, "Energy": 4, "WorthIt": false, "Comment": "Abe-kommentar 2"}""");
        var two = await GetAsync("anne", meeting);
        await PostAsync("carl", meeting, """{"Value": 4, "Time": 3, "Energy": 4, "WorthIt": true}""");
        var three = await GetAsync("tovholder", meeting);

        foreach (var (json, answers) in new[] { (one, 1), (two, 2) })
        {
            Assert.Equal(answers, (int)json["answers"]!);
            foreach (var key in new[] { "value", "time", "energy", "worthIt" })
            {
                Assert.True(json.AsObject().ContainsKey(key) && json[key] is null, $"{key} with {answers} answers: {json.ToJsonString()}");
            }

            Assert.False(json.AsObject().ContainsKey("comments"));
            Assert.DoesNotContain("kommentar", json.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal(3, (int)three["answers"]!);
        Assert.Equal(3.7, (double)three["value"]!);
        Assert.Equal(3.0, (double)three["time"]!);
        Assert.Equal(3.7, (double)three["energy"]!);
        Assert.Equal(0.67, (double)three["worthIt"]!);
        Assert.False((bool)three["mine"]!);
        Assert.Equal(new[] { "Abe-kommentar 2", "Zebra-kommentar 1" }, three["comments"]!.AsArray().Select(c => (string)c!).ToArray());
    }
}
