using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Pages;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Writing;
using FormState = Netvaerk.Meetings.Pages.FormState;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Notes;

/// <summary>The forms of the notes page, the way without JavaScript (the script saves notes through the API instead).
/// Each asks <see cref="MeetingAccess"/> (404 when the reader may not see the meeting, 403 when they may not write),
/// calls the same service as the API and redirects back with a status message; a refusal shows the page again with
/// the error beside the input and what was typed, and nothing changed.</summary>
public static class NotesForms
{
    public static async Task<IResult> SaveNoteAsync(string meetingId, string position, [FromForm] string? tekst, [FromForm] string? revision, HttpContext http,
        MeetingAccess access, MeetingNotes notes, PageDisplay display, CancellationToken cancellationToken)
    {
        var (refused, meeting, userId) = await ForAsync(access, meetingId, MeetingRight.WriteNotes, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!int.TryParse(position, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var at) || position.Length > 6)
        {
            return Results.NotFound();
        }

        var form = NotesPage.NoteForm(at);
        var state = new FormState(form, new Dictionary<string, string>(StringComparer.Ordinal) { ["tekst"] = tekst ?? "" });
        try
        {
            var saved = await notes.SaveAsync(meeting!, at, tekst, int.TryParse(revision, CultureInfo.InvariantCulture, out var from) ? from : 0, userId!, cancellationToken);
            if (saved.Saved)
            {
                return Done(http, meeting!.Id, NotesMessages.Saved, NotesPage.Anchor(at));
            }

            return await NotesPage.RenderAsync(http, meeting!, new NotesState(state, at, saved.CurrentText, saved.Revision), cancellationToken);
        }
        catch (MeetingInputException refusal) when (refusal.Field != "position")
        {
            state.Error("tekst", MeetingMessages.Refusal(refusal, display.Text));
            return await NotesPage.RenderAsync(http, meeting!, new NotesState(state), cancellationToken);
        }
        catch (MeetingInputException)
        {
            return Results.NotFound();
        }
    }

    public static async Task<IResult> AddDecisionAsync(string meetingId, [FromForm] string? tekst, [FromForm] string? punkt, HttpContext http,
        MeetingAccess access, MeetingDecisions decisions, PageDisplay display, CancellationToken cancellationToken)
    {
        var (refused, meeting, userId) = await ForAsync(access, meetingId, MeetingRight.WriteNotes, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var state = new FormState(NotesPage.DecisionForm, new Dictionary<string, string>(StringComparer.Ordinal) { ["tekst"] = tekst ?? "", ["punkt"] = punkt ?? "" });
        try
        {
            int? at = string.IsNullOrEmpty(punkt) ? null
                : int.TryParse(punkt, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) && punkt.Length <= 6 ? p
                : throw new MeetingInputException("Position", "{0} {1} is not an item of the agenda: use -1 for the meeting as a whole, or 0 to {2}.", "Position", punkt[..Math.Min(punkt.Length, 20)], 0);
            await decisions.AddAsync(meeting!, tekst, at, userId!, cancellationToken);
            return Done(http, meeting!.Id, NotesMessages.Decision, "beslutninger");
        }
        catch (MeetingInputException refusal)
        {
            state.Error(refusal.Field == "Position" ? "punkt" : "tekst", MeetingMessages.Refusal(refusal, display.Text));
            return await NotesPage.RenderAsync(http, meeting!, new NotesState(state), cancellationToken);
        }
    }

    public static async Task<IResult> DeleteDecisionAsync(string meetingId, string decisionId, [FromForm] string? bekraeft, HttpContext http,
        MeetingAccess access, MeetingDecisions decisions, CancellationToken cancellationToken)
    {
        var (refused, meeting, _) = await ForAsync(access, meetingId, MeetingRight.WriteNotes, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (await decisions.FindAsync(decisionId, cancellationToken) is not { } found || found.MeetingId != meeting!.Id)
        {
            return Results.NotFound();
        }

        await decisions.DeleteAsync(found.Id, cancellationToken);
        return Done(http, meeting.Id, NotesMessages.DecisionDeleted, "beslutninger");
    }

    public static async Task<IResult> AddActionAsync(string meetingId, [FromForm] string? hvad, [FromForm] string? ansvarlig, [FromForm] string? frist, HttpContext http,
        MeetingAccess access, MeetingActions actions, PageDisplay display, CancellationToken cancellationToken)
    {
        var (refused, meeting, _) = await ForAsync(access, meetingId, MeetingRight.WriteActions, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var state = new FormState(NotesPage.ActionForm, new Dictionary<string, string>(StringComparer.Ordinal) { ["hvad"] = hvad ?? "", ["ansvarlig"] = ansvarlig ?? "", ["frist"] = frist ?? "" });
        try
        {
            DateOnly? due = string.IsNullOrWhiteSpace(frist) ? null
                : DateOnly.TryParseExact(frist.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
                : throw new MeetingInputException("Due", "{0} '{1}' is not a date. Write it as 2027-02-01.", "Due", frist[..Math.Min(frist.Length, 40)]);
            await actions.AddAsync(meeting!.Id, hvad, string.IsNullOrEmpty(ansvarlig) ? null : ansvarlig, due, cancellationToken);
            return Done(http, meeting.Id, NotesMessages.Action, "handlinger");
        }
        catch (MeetingInputException refusal)
        {
            state.Error(refusal.Field switch { "Owner" => "ansvarlig", "Due" => "frist", _ => "hvad" }, MeetingMessages.Refusal(refusal, display.Text));
            return await NotesPage.RenderAsync(http, meeting!, new NotesState(state), cancellationToken);
        }
    }

    public static async Task<IResult> SetActionDoneAsync(string meetingId, string actionId, [FromForm] string? udfoert, HttpContext http,
        MeetingAccess access, MeetingActions actions, CancellationToken cancellationToken)
    {
        var (decision, action) = await access.ForActionAsync(actionId, cancellationToken);
        if (decision == MeetingAccessResult.Hidden || action!.MeetingId != meetingId)
        {
            return Results.NotFound();
        }

        if (decision == MeetingAccessResult.Refused)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var done = udfoert == "true";
        await actions.SetDoneAsync(action.Id, done, cancellationToken);
        return Done(http, meetingId, done ? NotesMessages.Done : NotesMessages.Reopened, "handlinger");
    }

    public static async Task<IResult> PromoteLearningAsync(string meetingId, [FromForm] string? titel, [FromForm] string? tekst, HttpContext http,
        MeetingAccess access, MeetingLearnings learnings, PageDisplay display, CancellationToken cancellationToken)
    {
        var (refused, meeting, _) = await ForAsync(access, meetingId, MeetingRight.WriteNotes, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var state = new FormState(NotesPage.LearningForm, new Dictionary<string, string>(StringComparer.Ordinal) { ["titel"] = titel ?? "", ["tekst"] = tekst ?? "" });
        try
        {
            var outcome = await learnings.PromoteAsync(await access.ReaderAsync(cancellationToken), meeting!, titel, tekst, cancellationToken);
            switch (outcome.Refusal)
            {
                case WriteRefusal.None:
                    return Done(http, meeting!.Id, NotesMessages.Learning, "laering");
                case WriteRefusal.Invalid:
                    var error = outcome.Error!;
                    state.Error(error.Field?.StartsWith("TitlePart", StringComparison.Ordinal) == true ? "titel" : "tekst",
                        display.Text[error.Template, error.Arguments.Select(a => a ?? "").ToArray()].Value);
                    break;
                default:
                    state.Error("titel", display.Text["Du kan ikke skrive videnartikler i dette netværk."].Value);
                    break;
            }
        }
        catch (MeetingInputException refusal)
        {
            state.Error(refusal.Field == "Title" ? "titel" : "tekst", MeetingMessages.Refusal(refusal, display.Text));
        }

        return await NotesPage.RenderAsync(http, meeting!, new NotesState(state), cancellationToken);
    }

    public static async Task<IResult> SaveMinutesAsync(string meetingId, [FromForm] string? gem, HttpContext http, MeetingAccess access, MeetingMinutes minutes,
        PageDisplay display, CancellationToken cancellationToken)
    {
        var (refused, meeting, _) = await ForAsync(access, meetingId, MeetingRight.WriteNotes, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var day = MeetingDates.ShortDay(MeetingTime.ToLocal(meeting!.StartUtc), CultureInfo.GetCultureInfo("da-DK"));
        var outcome = await minutes.SaveAsync(await access.ReaderAsync(cancellationToken), meeting, $"Referat: {meeting.Theme ?? "Netværksmøde"} {day}", cancellationToken);
        if (outcome.Succeeded)
        {
            return Done(http, meeting.Id, NotesMessages.Minutes, "referat");
        }

        var state = new FormState("referat", new Dictionary<string, string>(StringComparer.Ordinal));
        state.Error("referat", outcome.Error is { } error
            ? display.Text[error.Template, error.Arguments.Select(a => a ?? "").ToArray()].Value
            : display.Text["Referatet kunne ikke gemmes som mødenotat: en anden har skrevet mødenotatet, og du må ikke ændre det. Bed tovholderen om at gemme det."].Value);
        return await NotesPage.RenderAsync(http, meeting, new NotesState(state), cancellationToken);
    }

    private static IResult Done(HttpContext http, string meetingId, string message, string anchor) =>
        Results.LocalRedirect($"{MeetingPages.PathBase(http)}{NotesPage.Path(meetingId)}?besked={message}#{anchor}");

    private static async Task<(IResult? Refused, Meeting? Meeting, string? UserId)> ForAsync(MeetingAccess access, string meetingId, MeetingRight right, CancellationToken cancellationToken)
    {
        var (decision, meeting) = await access.ForMeetingAsync(meetingId, right, cancellationToken);
        return decision switch
        {
            MeetingAccessResult.Hidden => (Results.NotFound(), null, null),
            MeetingAccessResult.Refused => (Results.StatusCode(StatusCodes.Status403Forbidden), null, null),
            _ => (null, meeting, (await access.ReaderAsync(cancellationToken)).UserId),
        };
    }
}
