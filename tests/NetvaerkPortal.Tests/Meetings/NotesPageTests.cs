using System.Net;
using System.Text.RegularExpressions;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>/moeder/{id}/noter: a form per agenda item for the note-taker (saved by the form's button without JavaScript,
/// a stale save shown with both texts), the saved text for members, 404 for anyone else; typed HTML stays text.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed partial class NotesPageTests(MeetingsApiPortal portal)
{
    [Fact]
    public async Task A_member_reads_the_notes_without_a_textarea_and_typed_html_stays_text()
    {
        var meeting = await portal.NotedMeetingAsync();
        await portal.PutNoteAsync("carl", meeting, "0", """{"Text": "<script>alert('x')</script> og <b>fed</b>", "Revision": 0}""");
        using var bo = await portal.PageSessionAsync("bo");

        var response = await bo.GetAsync($"/moeder/{meeting}/noter");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<textarea", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("meeting-notes.js", raw, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(raw);
        Assert.Contains("Mødet som helhed", html, StringComparison.Ordinal);
        Assert.Matches(ClockAndPhase(), html);
    }

    [Fact]
    public async Task The_note_taker_gets_a_labelled_textarea_per_item_and_the_script()
    {
        var meeting = await portal.NotedMeetingAsync();
        using var carl = await portal.PageSessionAsync("carl");

        var html = await carl.HtmlAsync($"/moeder/{meeting}/noter");

        Assert.Equal(3, Regex.Count(html, "<textarea id=\"note-"));
        Assert.Contains("<label for=\"note-punkt-0\" class=\"visually-hidden\">Noter til »Check-in«</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"note-hele-moedet\" class=\"visually-hidden\">Noter til »Mødet som helhed«", html, StringComparison.Ordinal);
        Assert.Contains($"data-api=\"/alfa/api/meetings/{meeting}/notes/0\"", html, StringComparison.Ordinal);
        Assert.Contains("/Netvaerk.Meetings/js/meeting-notes.js", html, StringComparison.Ordinal);
        Assert.Contains("Del en læring som viden", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yrsa")]
    [InlineData("redaktoer")]
    public async Task Outside_the_network_the_page_is_404_and_an_editor_may_write(string user)
    {
        var meeting = await portal.NotedMeetingAsync();
        using var session = await portal.PageSessionAsync(user);
        var response = await session.GetAsync($"/moeder/{meeting}/noter");
        Assert.Equal(user == "yrsa" ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_readers_are_sent_to_sign_in_and_another_tenants_meeting_is_404()
    {
        using var anonymous = new Infrastructure.BrowserlessSession(portal.Factory, "/alfa");
        var meeting = await portal.NotedMeetingAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/moeder/{meeting}/noter")).StatusCode);

        using var admin = await portal.PageSessionAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/moeder/{portal.BetaMeeting}/noter")).StatusCode);
    }

    [Fact]
    public async Task Without_javascript_the_form_saves_the_notes_and_redirects_back_to_the_item()
    {
        var meeting = await portal.NotedMeetingAsync();
        using var carl = await portal.PageSessionAsync("carl");
        var path = $"/moeder/{meeting}/noter";

        var response = await carl.SubmitAsync(path, new Dictionary<string, string> { ["tekst"] = "Skrevet uden script", ["revision"] = "0" }, path + "/punkt/1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/alfa{path}?besked=gemt#punkt-1", response.Headers.Location!.ToString());
        Assert.StartsWith("1:1:Skrevet uden script", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
        Assert.Contains("Noterne er gemt.", await carl.HtmlAsync(path + "?besked=gemt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_form_save_shows_both_texts_and_overwrites_nothing()
    {
        var meeting = await portal.NotedMeetingAsync();
        await portal.PutNoteAsync("anne", meeting, "0", """{"Text": "Annes tekst 3391", "Revision": 0}""");
        using var carl = await portal.PageSessionAsync("carl");
        var path = $"/moeder/{meeting}/noter";

        var response = await carl.SubmitAsync(path, new Dictionary<string, string> { ["tekst"] = "Carls tekst 7720", ["revision"] = "0" }, path + "/punkt/0");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Noterne er ændret af en anden, mens du skrev.", html, StringComparison.Ordinal);
        Assert.Contains("Carls tekst 7720</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("Annes tekst 3391</pre>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"revision\" type=\"hidden\" value=\"1\"", html, StringComparison.Ordinal);
        Assert.StartsWith("0:1:Annes tekst 3391", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_member_posting_the_form_is_refused_403_and_nothing_is_saved()
    {
        var meeting = await portal.NotedMeetingAsync();
        using var bo = await portal.PageSessionAsync("bo");
        var path = $"/moeder/{meeting}/noter";

        var response = await bo.SubmitAsync($"/moeder/{meeting}", new Dictionary<string, string> { ["tekst"] = "Bos tekst", ["revision"] = "0" }, path + "/punkt/0");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("\ndecisions 0", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_long_notes_in_the_form_are_refused_beside_the_field_in_danish()
    {
        var meeting = await portal.NotedMeetingAsync();
        using var carl = await portal.PageSessionAsync("carl");
        var path = $"/moeder/{meeting}/noter";

        var response = await carl.SubmitAsync(path, new Dictionary<string, string> { ["tekst"] = new string('x', 20_001), ["revision"] = "0" }, path + "/punkt/0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Teksten er 20001 tegn lang", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.StartsWith("\ndecisions 0", await portal.NotesStateAsync(meeting), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meeting_page_links_the_notes_for_the_note_taker_before_the_meeting_and_not_yet_for_members()
    {
        var meeting = await portal.NotedMeetingAsync();
        using var carl = await portal.PageSessionAsync("carl");
        using var bo = await portal.PageSessionAsync("bo");

        Assert.Contains($"<a class=\"button\" href=\"/alfa/moeder/{meeting}/noter\">Noter og beslutninger</a>", await carl.HtmlAsync($"/moeder/{meeting}"), StringComparison.Ordinal);
        Assert.DoesNotContain("/noter\"", await bo.HtmlAsync($"/moeder/{meeting}"), StringComparison.Ordinal);

        await portal.PutNoteAsync("carl", meeting, "-1", """{"Text": "Forberedelse", "Revision": 0}""");
        Assert.Contains($"<a class=\"button secondary\" href=\"/alfa/moeder/{meeting}/noter\">Noter og beslutninger</a>", await bo.HtmlAsync($"/moeder/{meeting}"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"13\.00</span>\s*Check-in")]
    private static partial Regex ClockAndPhase();
}
