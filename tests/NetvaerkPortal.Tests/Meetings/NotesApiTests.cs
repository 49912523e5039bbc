using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Running;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The notes API: a save carries the revision it started from and a stale one gets 409 with the stored text;
/// the note-taker and the meeting leader write, members read, anyone else gets 404; every refusal names the field and
/// changes nothing.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class NotesApiTests(MeetingsApiPortal portal)
{
    [Fact]
    public async Task The_note_taker_saves_revision_after_revision_and_a_stale_save_gets_the_stored_text_back()
    {
        var meeting = await portal.NotedMeetingAsync();

        var first = await portal.PutNoteAsync("carl", meeting, "0", """{"Text": "Alle er landet.", "Revision": 0}""");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (int)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["revision"]!);
        var second = await portal.PutNoteAsync("carl", meeting, "0", """{"Text": "Alle er landet. Bo kom lidt senere.", "Revision": 1}""");
        Assert.Equal(2, (int)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["revision"]!);

        // The meeting leader's tab still had revision 1: refused with the stored text, nothing overwritten.
        var stale = await portal.PutNoteAsync("anne", meeting, "0", """{"Text": "Min ældre udgave", "Revision": 1}""");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = JsonNode.Parse(await stale.Content.ReadAsStringAsync())!;
        Assert.Equal("Alle er landet. Bo kom lidt senere.", (string)conflict["text"]!);
        Assert.Equal(2, (int)conflict["revision"]!);
        Assert.StartsWith("0:2:Alle er landet. Bo kom lidt senere.", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);

        // Sent again with the stored revision, the leader's choice is saved.
        var chosen = await portal.PutNoteAsync("anne", meeting, "0", """{"Text": "Samlet af begge", "Revision": 2}""");
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.StartsWith("0:3:Samlet af begge", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_save_of_the_same_text_is_no_conflict()
    {
        var meeting = await portal.NotedMeetingAsync();
        await portal.PutNoteAsync("carl", meeting, "-1", """{"Text": "Godt møde", "Revision": 0}""");

        // The answer to the first save was lost; the script sends the same text with the same revision again.
        var retry = await portal.PutNoteAsync("carl", meeting, "-1", """{"Text": "Godt møde", "Revision": 0}""");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, (int)JsonNode.Parse(await retry.Content.ReadAsStringAsync())!["revision"]!);
    }

    [Fact]
    public async Task Writing_a_note_freezes_the_agenda_so_positions_stay_put()
    {
        var meeting = await portal.NotedMeetingAsync();
        Assert.Null(await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<MeetingRunItems>().FrozenAsync(meeting)));

        await portal.PutNoteAsync("carl", meeting, "1", """{"Text": "Tak for i dag", "Revision": 0}""");

        var frozen = await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<MeetingRunItems>().FrozenAsync(meeting));
        Assert.Equal(["Check-in", "Afslutning"], frozen!.Select(i => i.Phase));
    }

    [Fact]
    public async Task Members_read_the_items_with_their_notes_decisions_and_actions()
    {
        var meeting = await portal.NotedMeetingAsync();
        await portal.PutNoteAsync("carl", meeting, "0", """{"Text": "Runde: alle har travlt", "Revision": 0}""");
        using var carl = portal.Client("carl");
        Assert.Equal(HttpStatusCode.Created, (await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/decisions"), MeetingsApiPortal.Json("""{"Text": "Næste møde hos Bo", "Position": 1}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await carl.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/actions"), MeetingsApiPortal.Json("""{"Text": "Book lokale", "Owner": "bo", "Due": "2031-02-01"}"""))).StatusCode);

        var notes = await portal.NotesJsonAsync("bo", meeting);

        var items = notes["items"]!.AsArray();
        Assert.Equal([-1, 0, 1], items.Select(i => (int)i!["position"]!));
        Assert.Equal("Runde: alle har travlt", (string)items[1]!["text"]!);
        Assert.Equal("Check-in", (string)items[1]!["phase"]!);
        Assert.EndsWith("T13:00:00+01:00", (string)items[1]!["start"]!, StringComparison.Ordinal);
        Assert.Equal("Næste møde hos Bo", (string)notes["decisions"]![0]!["text"]!);
        Assert.Equal(1, (int)notes["decisions"]![0]!["position"]!);
        Assert.Equal("bo", (string)notes["actions"]![0]!["owner"]!);
    }

    [Theory]
    [InlineData("bo")]
    [InlineData("dorte")]
    public async Task Notes_by_a_member_who_is_neither_note_taker_nor_leader_are_refused_and_nothing_changes(string member)
    {
        var meeting = await portal.NotedMeetingAsync();
        await portal.PutNoteAsync("carl", meeting, "0", """{"Text": "Carls noter", "Revision": 0}""");
        var before = await portal.NotesStateAsync(meeting);

        var response = await portal.PutNoteAsync(member, meeting, "0", """{"Text": "Mine noter", "Revision": 1}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("note-taker", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await portal.NotesStateAsync(meeting));
    }

    [Theory]
    [InlineData("yrsa")]
    [InlineData("anonymous")]
    public async Task Readers_outside_the_network_get_404_for_the_notes(string user)
    {
        var meeting = await portal.NotedMeetingAsync();
        await portal.PutNoteAsync("carl", meeting, "0", """{"Text": "Hemmelige noter 5531", "Revision": 0}""");
        using var client = portal.Client(user);

        var read = await client.GetAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/notes"));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain("5531", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        if (user != "anonymous")
        {
            var write = await portal.PutNoteAsync(user, meeting, "0", """{"Text": "Indtrængen", "Revision": 1}""");
            Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        }
    }

    [Fact]
    public async Task Another_tenants_meeting_id_is_404_even_for_this_tenants_administrator_and_the_other_tenants_token_is_not_accepted_here()
    {
        var response = await portal.PutNoteAsync("admin", portal.BetaMeeting, "-1", """{"Text": "Fremmed", "Revision": 0}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var admin = portal.Client("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(MeetingsApiPortal.Url($"/api/meetings/{portal.BetaMeeting}/notes"))).StatusCode);

        var meeting = await portal.NotedMeetingAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.PutNoteAsync("beta-admin", meeting, "0", """{"Text": "Fremmed", "Revision": 0}""")).StatusCode);
    }

    [Theory]
    [InlineData("abc", "position")]
    [InlineData("99", "position")]
    [InlineData("-2", "position")]
    [InlineData("1e3", "position")]
    [InlineData("2147483648", "position")]
    public async Task A_position_that_is_not_an_agenda_item_is_refused_naming_the_position(string position, string field)
    {
        var meeting = await portal.NotedMeetingAsync();
        var response = await portal.PutNoteAsync("carl", meeting, position, """{"Text": "x", "Revision": 0}""");
        Assert.Equal(field, await NotesTestMeetings.RefusedFieldAsync(response));
        Assert.StartsWith("\ndecisions 0", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_position_is_refused()
    {
        var meeting = await portal.NotedMeetingAsync();
        var response = await portal.PutNoteAsync("carl", meeting, new string('9', 10_000), """{"Text": "x", "Revision": 0}""");
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
        Assert.StartsWith("\ndecisions 0", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> HostileBodies() => new()
    {
        { "{\"Text\": 5, \"Revision\": 0}", "Text" },
        { "{\"Text\": \"a\", \"Revision\": \"1\"}", "Revision" },
        { "{\"Text\": \"a\", \"Revision\": -1}", "Revision" },
        { "{\"Text\": \"a\", \"Revision\": 1.5}", "Revision" },
        { "{\"Text\": [\"a\"], \"Revision\": 0}", "Text" },
        { "{\"Text\": \"a\", \"Text\": \"b\", \"Revision\": 0}", "Text" },
        { "{\"Revision\": 0}", "Text" },
        { "{\"Text\": \"a\"}", "Revision" },
        { "{\"Text\": \"a\", \"Revision\": 0, \"Owner\": \"x\"}", "Owner" },
        { "[\"a\"]", "body" },
        { "{\"Text\": \"" + new string('x', 20_001) + "\", \"Revision\": 0}", "Text" },
        { "{\"Text\": \"a\\u0000b\", \"Revision\": 0}", "Text" },
        { string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000)), "body" },
        { "{\"Text\": " + string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000) + ", \"Revision\": 0}", "Text" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Hostile_bodies_are_refused_naming_the_field_and_nothing_is_saved(string body, string field)
    {
        var meeting = await portal.NotedMeetingAsync();
        var response = await portal.PutNoteAsync("carl", meeting, "0", body);
        var named = await NotesTestMeetings.RefusedFieldAsync(response);
        Assert.True(named == field || (field == "body" && named is "body" or "$"), $"named {named}, expected {field}");
        Assert.StartsWith("\ndecisions 0", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_thousand_characters_are_saved_whole()
    {
        var meeting = await portal.NotedMeetingAsync();
        var text = string.Concat(Enumerable.Repeat("Æblegrød og ærlighed. ", 1000))[..20_000];
        var response = await portal.PutNoteAsync("carl", meeting, "0", new JsonObject { ["Text"] = text, ["Revision"] = 0 }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text, (string)(await portal.NotesJsonAsync("carl", meeting))["items"]![1]!["text"]!);
    }
}
