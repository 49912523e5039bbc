using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Notes;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>»Gem referatet som mødenotat«: one published meeting note of the network (visibility Network, the meeting's
/// date) made from the notes, decisions and actions; saving again updates the same item.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class NotesMinutesTests(MeetingsApiPortal portal)
{
    [Fact]
    public async Task The_minutes_become_one_meeting_note_of_the_network_and_saving_again_updates_it()
    {
        var meeting = await portal.NotedMeetingAsync();
        await portal.PutNoteAsync("carl", meeting, "0", """{"Text": "Runde om travlhed 5120", "Revision": 0}""");
        using var api = portal.Client("carl");
        await api.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/decisions"), MeetingsApiPortal.Json("""{"Text": "Vi mødes hos Bo 5121"}"""));
        await api.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/actions"), MeetingsApiPortal.Json("""{"Text": "Book lokale 5122", "Owner": "bo"}"""));
        using var carl = await portal.PageSessionAsync("carl");
        var path = $"/moeder/{meeting}/noter";

        Assert.Equal(HttpStatusCode.Redirect, (await carl.SubmitAsync(path, new Dictionary<string, string> { ["gem"] = "ja" }, path + "/referat")).StatusCode);
        await portal.PutNoteAsync("carl", meeting, "1", """{"Text": "Tak for i dag 5123", "Revision": 0}""");
        Assert.Equal(HttpStatusCode.Redirect, (await carl.SubmitAsync(path, new Dictionary<string, string> { ["gem"] = "ja" }, path + "/referat")).StatusCode);

        var (note, count) = await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var content = services.GetRequiredService<ContentManager>();
            var notes = await content.ListAsync("MeetingNote", VersionOptions.Published, 0, 500);
            return (await content.GetAsync(MeetingMinutes.IdOf(meeting), VersionOptions.Published), notes.Count(n => n.ContentItemId == MeetingMinutes.IdOf(meeting)));
        });
        Assert.NotNull(note);
        Assert.Equal(1, count);
        Assert.Equal("Network", note.Text("VisibilityPart", "Visibility"));
        Assert.Equal(portal.NetworkX, note.Text("NetworkItemPart", "NetworkContentItemId"));
        Assert.Equal(portal.FutureStart(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), note.Text("MeetingNotePart", "MeetingDate"));
        var markdown = note.Text("MarkdownBodyPart", "Markdown")!;
        Assert.Contains("Runde om travlhed 5120", markdown, StringComparison.Ordinal);
        Assert.Contains("Tak for i dag 5123", markdown, StringComparison.Ordinal);
        Assert.Contains("- Vi mødes hos Bo 5121", markdown, StringComparison.Ordinal);
        Assert.Contains("Book lokale 5122 – ansvarlig: bo", markdown, StringComparison.Ordinal);

        using var bo = await portal.PageSessionAsync("bo");
        Assert.Contains("Se referatet som mødenotat", await bo.HtmlAsync(path), StringComparison.Ordinal);
        using var yrsa = await portal.PageSessionAsync("yrsa");
        Assert.Equal(HttpStatusCode.NotFound, (await yrsa.GetAsync(ContentUrls.Of("", note))).StatusCode);
    }

    [Fact]
    public async Task A_plain_member_cannot_save_the_minutes()
    {
        var meeting = await portal.NotedMeetingAsync();
        using var bo = await portal.PageSessionAsync("bo");
        var response = await bo.SubmitAsync($"/moeder/{meeting}", new Dictionary<string, string> { ["gem"] = "ja" }, $"/moeder/{meeting}/noter/referat");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<ContentManager>().GetAsync(MeetingMinutes.IdOf(meeting), VersionOptions.Latest)));
    }
}
