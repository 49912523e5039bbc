using System.Net;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>Decisions and actions recorded from the notes: added and deleted by those who write the notes, refused
/// naming the field (an owner outside the network, an item that is not on the agenda), nothing changed.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class NotesDecisionsTests(MeetingsApiPortal portal)
{
    [Fact]
    public async Task The_meeting_leader_records_a_decision_and_deletes_it_again()
    {
        var meeting = await portal.NotedMeetingAsync();
        using var anne = portal.Client("anne");

        var added = await anne.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/decisions"), MeetingsApiPortal.Json("""{"Text": "Vi prøver walk-and-talk", "Position": 0}"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (string)JsonNode.Parse(await added.Content.ReadAsStringAsync())!["id"]!;
        Assert.EndsWith("decisions 1, learnings 0", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await anne.DeleteAsync(MeetingsApiPortal.Url($"/api/decisions/{id}"))).StatusCode);
        Assert.EndsWith("decisions 0, learnings 0", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bo", HttpStatusCode.Forbidden)]
    [InlineData("yrsa", HttpStatusCode.NotFound)]
    [InlineData("beta-admin", HttpStatusCode.Unauthorized)]
    public async Task Others_cannot_add_or_delete_decisions(string user, HttpStatusCode expected)
    {
        var meeting = await portal.NotedMeetingAsync();
        using var carl = portal.Client("carl");
        var id = (string)JsonNode.Parse(await (await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/decisions"),
            MeetingsApiPortal.Json("""{"Text": "Besluttet"}"""))).Content.ReadAsStringAsync())!["id"]!;
        using var client = portal.Client(user);

        Assert.Equal(expected, (await client.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/decisions"), MeetingsApiPortal.Json("""{"Text": "Min"}"""))).StatusCode);
        Assert.Equal(expected, (await client.DeleteAsync(MeetingsApiPortal.Url($"/api/decisions/{id}"))).StatusCode);
        Assert.EndsWith("decisions 1, learnings 0", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Text": "x", "Position": 99}""", "Position")]
    [InlineData("""{"Text": "x", "Position": "1"}""", "Position")]
    [InlineData("""{"Text": ""}""", "Text")]
    [InlineData("""{"Text": 7}""", "Text")]
    [InlineData("""{"Position": 0}""", "Text")]
    [InlineData("""{"Text": "a", "text": "b"}""", "Text")]
    public async Task A_refused_decision_names_the_field_and_is_not_recorded(string body, string field)
    {
        var meeting = await portal.NotedMeetingAsync();
        using var carl = portal.Client("carl");
        var response = await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/decisions"), MeetingsApiPortal.Json(body));
        Assert.Equal(field, await NotesTestMeetings.RefusedFieldAsync(response));
        Assert.EndsWith("decisions 0, learnings 0", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_of_2001_characters_is_refused()
    {
        var meeting = await portal.NotedMeetingAsync();
        using var carl = portal.Client("carl");
        var response = await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/decisions"), MeetingsApiPortal.Json(new JsonObject { ["Text"] = new string('b', 2001) }.ToJsonString()));
        Assert.Equal("Text", await NotesTestMeetings.RefusedFieldAsync(response));
    }

    [Fact]
    public async Task An_action_with_an_owner_outside_the_network_is_refused_naming_the_owner_and_nothing_changes()
    {
        var meeting = await portal.NotedMeetingAsync();
        var before = await portal.RowCountsAsync();
        using var carl = portal.Client("carl");

        var response = await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/actions"), MeetingsApiPortal.Json("""{"Text": "Skriv til borgmesteren", "Owner": "yrsa"}"""));

        Assert.Equal("Owner", await NotesTestMeetings.RefusedFieldAsync(response));
        Assert.Equal(before, await portal.RowCountsAsync());
    }

    [Fact]
    public async Task The_note_taker_adds_an_action_from_the_notes_page_and_an_owner_outside_the_network_is_refused_there_too()
    {
        var meeting = await portal.NotedMeetingAsync();
        using var carl = await portal.PageSessionAsync("carl");
        var path = $"/moeder/{meeting}/noter";
        var before = await portal.RowCountsAsync();

        var refused = await carl.SubmitAsync(path, new Dictionary<string, string> { ["hvad"] = "Ring til Yrsa", ["ansvarlig"] = portal.UserIds["yrsa"], ["frist"] = "" }, path + "/handlinger");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Den ansvarlige er ikke medlem af netværket.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ring til Yrsa\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await portal.RowCountsAsync());

        var added = await carl.SubmitAsync(path, new Dictionary<string, string> { ["hvad"] = "Book lokale 4410", ["ansvarlig"] = portal.UserIds["bo"], ["frist"] = "2031-02-01" }, path + "/handlinger");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await carl.HtmlAsync(path);
        Assert.Contains("Book lokale 4410", page, StringComparison.Ordinal);
        Assert.Contains("Ansvarlig: bo", page, StringComparison.Ordinal);
        Assert.Contains("1. februar 2031", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_marks_their_action_done_on_the_notes_page()
    {
        var meeting = await portal.NotedMeetingAsync();
        using var carl = portal.Client("carl");
        var id = (string)JsonNode.Parse(await (await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/actions"),
            MeetingsApiPortal.Json("""{"Text": "Send slides 8812", "Owner": "bo"}"""))).Content.ReadAsStringAsync())!["id"]!;
        using var bo = await portal.PageSessionAsync("bo");
        var path = $"/moeder/{meeting}/noter";

        var done = await bo.SubmitAsync(path, new Dictionary<string, string> { ["udfoert"] = "true" }, $"{path}/handlinger/{id}");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.True((bool)(await portal.NotesJsonAsync("bo", meeting))["actions"]![0]!["done"]!);
        using var dorte = await portal.PageSessionAsync("dorte");
        Assert.Equal(HttpStatusCode.Forbidden, (await dorte.SubmitAsync($"/moeder/{meeting}", new Dictionary<string, string> { ["udfoert"] = "false" }, $"{path}/handlinger/{id}")).StatusCode);
    }
}
