using System.Net;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>/moeder/{id}/evaluering without JavaScript: the form for an attendee, post-redirect-get to a thank-you, a
/// refused form again with the errors naming the fields (400, nothing saved), the aggregates only from three answers,
/// and the meeting page's "Evaluering" link from the start.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class EvaluationPageTests(MeetingsApiPortal portal)
{
    private static Dictionary<string, string> Answer(string value = "4", string time = "3", string energy = "5", string worth = "ja", string comment = "") => new()
    {
        ["vaerdi"] = value,
        ["tid"] = time,
        ["energi"] = energy,
        ["vaerd"] = worth,
        ["kommentar"] = comment,
    };

    [Fact]
    public async Task An_attendee_sees_the_form_answers_and_is_thanked_without_seeing_their_answer()
    {
        var meeting = await portal.HeldMeetingAsync(["anne", "bo"]);
        using var anne = await portal.PageSessionAsync("anne");
        var path = $"/moeder/{meeting}/evaluering";

        var form = await anne.HtmlAsync(path);
        var posted = await anne.SubmitAsync(path, Answer(comment: "Rigtig god runde 3131"));
        var after = await anne.HtmlAsync(posted.Headers.Location!.OriginalString.Replace("/alfa", "", StringComparison.Ordinal));

        Assert.Contains("<legend>Hvor meget fik du ud af mødet?</legend>", form, StringComparison.Ordinal);
        Assert.Contains("Meget lidt", form, StringComparison.Ordinal);
        Assert.Contains("Rigtig meget", form, StringComparison.Ordinal);
        Assert.Contains("<label class=\"rating__choice\" for=\"vaerdi-1\">", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Tak for din evaluering", after, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" action=\"/alfa/moeder/" + meeting + "/evaluering\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Rigtig god runde 3131", after, StringComparison.Ordinal);
        Assert.Contains("Der vises først resultater, når mindst 3 har svaret", after, StringComparison.Ordinal);
        Assert.Equal("responders 1, tallies 17/4, comments 1", await portal.EvaluationRowsAsync(meeting));
    }

    [Fact]
    public async Task A_refused_form_comes_back_with_400_and_errors_naming_the_fields_and_nothing_is_saved()
    {
        var meeting = await portal.HeldMeetingAsync(["anne"]);
        using var anne = await portal.PageSessionAsync("anne");

        var response = await anne.SubmitAsync($"/moeder/{meeting}/evaluering", Answer(value: "9", energy: "", worth: "måske", comment: "Behold mig 4242"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vælg et tal fra 1 til 5 ved »Hvor meget fik du ud af mødet?«.", html, StringComparison.Ordinal);
        Assert.Contains("Vælg et tal fra 1 til 5 ved »Hvor meget energi gav mødet dig?«.", html, StringComparison.Ordinal);
        Assert.Contains("Svar ja eller nej: var mødet tiden værd?", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ved »Blev tiden brugt godt?«", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#vaerdi-1\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"3\" checked", html, StringComparison.Ordinal);
        Assert.Contains("Behold mig 4242", html, StringComparison.Ordinal);
        Assert.Equal("responders 0, tallies 0/0, comments 0", await portal.EvaluationRowsAsync(meeting));
    }

    [Fact]
    public async Task A_second_answer_and_an_answer_without_antiforgery_are_refused()
    {
        var meeting = await portal.HeldMeetingAsync(["anne"]);
        using var anne = await portal.PageSessionAsync("anne");
        await portal.EvaluateAsync(meeting, "anne", 3, 3, 3, true);

        var page = await anne.HtmlAsync($"/moeder/{meeting}/evaluering");
        var forged = await anne.PostAsync($"/moeder/{meeting}/evaluering", Answer());

        Assert.Contains("Tak – du har evalueret mødet.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"vaerdi\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("responders 1, tallies 17/4, comments 0", await portal.EvaluationRowsAsync(meeting));
    }

    [Fact]
    public async Task Someone_who_did_not_attend_is_told_why_and_gets_no_form()
    {
        var meeting = await portal.HeldMeetingAsync(["anne"], present: ["anne"]);
        using var bo = await portal.PageSessionAsync("bo");

        var html = await bo.HtmlAsync($"/moeder/{meeting}/evaluering");
        var posted = await bo.SubmitAsync($"/moeder/{meeting}/evaluering", Answer());

        Assert.Contains("du er ikke registreret som mødt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"vaerdi\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("responders 0, tallies 0/0, comments 0", await portal.EvaluationRowsAsync(meeting));
    }

    [Fact]
    public async Task Readers_of_other_networks_get_404_and_the_aggregates_show_from_three_answers()
    {
        var meeting = await portal.HeldMeetingAsync(["anne", "bo", "carl"]);
        await portal.EvaluateAsync(meeting, "anne", 5, 4, 3, true, "Bedste møde");
        await portal.EvaluateAsync(meeting, "bo", 4, 4, 4, true);
        using var yrsa = await portal.PageSessionAsync("yrsa");
        using var editor = await portal.PageSessionAsync("redaktoer");

        var hidden = await yrsa.GetAsync($"/moeder/{meeting}/evaluering");
        var two = await editor.HtmlAsync($"/moeder/{meeting}/evaluering");
        await portal.EvaluateAsync(meeting, "carl", 3, 1, 2, false);
        var three = await editor.HtmlAsync($"/moeder/{meeting}/evaluering");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Contains("2 har svaret.", two, StringComparison.Ordinal);
        Assert.DoesNotContain("Bedste møde", two, StringComparison.Ordinal);
        Assert.DoesNotContain(" af 5", two, StringComparison.Ordinal);
        Assert.Contains("3 har svaret.", three, StringComparison.Ordinal);
        Assert.Contains("4,0 af 5", three, StringComparison.Ordinal);
        Assert.Contains("3,0 af 5", three, StringComparison.Ordinal);
        Assert.Contains("67 % svarede ja", three, StringComparison.Ordinal);
        Assert.Contains("Bedste møde", three, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"vaerdi\"", three, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meeting_page_links_the_evaluation_from_the_start_primary_for_an_attendee_who_has_not_answered()
    {
        var future = (await portal.PlanAsync(1, days: 41))[0];
        var held = await portal.HeldMeetingAsync(["anne"]);
        using var anne = await portal.PageSessionAsync("anne");
        using var bo = await portal.PageSessionAsync("bo");

        var before = await anne.HtmlAsync($"/moeder/{future}");
        var attendee = await anne.HtmlAsync($"/moeder/{held}");
        var absent = await bo.HtmlAsync($"/moeder/{held}");

        Assert.DoesNotContain("/evaluering\"", before, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"button\" href=\"/alfa/moeder/{held}/evaluering\">Evaluering</a>", attendee, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"button secondary\" href=\"/alfa/moeder/{held}/evaluering\">Evaluering</a>", absent, StringComparison.Ordinal);
    }
}
