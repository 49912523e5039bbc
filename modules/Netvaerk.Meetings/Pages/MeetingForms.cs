using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Pages;

/// <summary>The forms of the meeting page (and the quick answers of "Mine møder"). Each asks <see cref="MeetingAccess"/>
/// for its right (404 when the reader may not see the meeting, 403 when they see it but may not do this), calls the
/// service, and redirects to the page with a status message; a refusal shows the page again with the error beside the
/// input and the typed values, and nothing changed.</summary>
public static class MeetingForms
{
    /// <summary>The value of <c>tilbage</c> that sends a quick form from "Mine møder" back there.</summary>
    private const string BackToMine = "mine";

    public static async Task<IResult> AnswerAsync(string meetingId, [FromForm] string? svar, [FromForm] string? begrundelse, [FromForm] string? tilbage,
        HttpContext http, MeetingAccess access, MeetingResponses responses, PageDisplay display, CancellationToken cancellationToken)
    {
        var (refused, meeting, userId) = await ForAsync(access, meetingId, MeetingRight.Respond, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var mine = tilbage == BackToMine;
        var state = await PostedAsync(http, MeetingPage.RsvpForm, cancellationToken);
        var (input, message) = ("svar", display.Text["Vælg, om du kommer eller melder afbud."].Value);
        if (svar is "yes" or "no")
        {
            try
            {
                await responses.AnswerAsync(meeting!.Id, userId!, svar == "yes", begrundelse, cancellationToken);
                return MeetingPages.Done(http, mine ? MeetingPages.MyMeetings : MeetingPages.MeetingPath(meeting.Id), svar == "yes" ? MeetingMessages.Yes : MeetingMessages.No,
                    mine ? null : "svar");
            }
            catch (MeetingInputException refusal)
            {
                (input, message) = (refusal.Field == "Reason" ? "begrundelse" : "svar", MeetingMessages.Refusal(refusal, display.Text));
            }
        }

        if (mine)
        {
            return await MyMeetingsPage.RenderAsync(http, message, cancellationToken);
        }

        state.Error(input, message);
        return await MeetingPage.RenderAsync(http, meeting!, state, cancellationToken);
    }

    public static async Task<IResult> BringCaseAsync(string meetingId, [FromForm] CaseFormInput form, HttpContext http, MeetingAccess access, CaseIntake cases,
        PageDisplay display, CancellationToken cancellationToken)
    {
        var (refused, meeting, userId) = await ForAsync(access, meetingId, MeetingRight.Respond, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var state = await PostedAsync(http, MeetingPage.BringForm, cancellationToken);
        if (form.Read(state, display.Text) is { } input)
        {
            try
            {
                await cases.BringAsync(meeting!.Id, userId!, input, cancellationToken);
                return MeetingPages.Done(http, MeetingPages.MeetingPath(meeting.Id), MeetingMessages.CaseBrought, "cases");
            }
            catch (MeetingInputException refusal)
            {
                state.Error(CaseFormInput.InputOf(refusal.Field), MeetingMessages.Refusal(refusal, display.Text));
            }
        }

        return await MeetingPage.RenderAsync(http, meeting!, state, cancellationToken);
    }

    public static async Task<IResult> EditCaseAsync(string meetingId, string caseId, [FromForm] CaseFormInput form, HttpContext http, MeetingAccess access,
        CaseIntake cases, PageDisplay display, CancellationToken cancellationToken)
    {
        var (refused, meeting) = await OwnCaseAsync(access, meetingId, caseId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var state = await PostedAsync(http, MeetingPage.EditForm(caseId), cancellationToken);
        if (form.Read(state, display.Text) is { } input)
        {
            try
            {
                await cases.EditAsync(caseId, input, cancellationToken);
                return MeetingPages.Done(http, MeetingPages.MeetingPath(meeting!.Id), MeetingMessages.CaseEdited, "cases");
            }
            catch (MeetingInputException refusal)
            {
                state.Error(CaseFormInput.InputOf(refusal.Field), MeetingMessages.Refusal(refusal, display.Text));
            }
        }

        return await MeetingPage.RenderAsync(http, meeting!, state, cancellationToken);
    }

    // No form fields but the token: the empty form still makes the endpoint check it.
    public static async Task<IResult> WithdrawCaseAsync(string meetingId, string caseId, [FromForm] string? bekraeft, HttpContext http, MeetingAccess access,
        CaseIntake cases, CancellationToken cancellationToken)
    {
        var (refused, meeting) = await OwnCaseAsync(access, meetingId, caseId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        await cases.WithdrawAsync(caseId, cancellationToken);
        return MeetingPages.Done(http, MeetingPages.MeetingPath(meeting!.Id), MeetingMessages.CaseWithdrawn, "cases");
    }

    public static async Task<IResult> PickCasesAsync(string meetingId, IFormCollection form, HttpContext http, MeetingAccess access, CaseIntake cases,
        PageDisplay display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (refused, meeting, _) = await ForAsync(access, meetingId, MeetingRight.PickCases, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var state = FormState.Posted("dagsorden", form);
        // The order numbers as typed; unnumbered chosen cases follow the numbered ones in the order they are listed.
        var chosen = form["valgt"].OfType<string>().Distinct(StringComparer.Ordinal).Take(100)
            .Select((id, index) => (Id: id, Number: FormInput.Number(form["nr-" + id].ToString()) ?? int.MaxValue, Index: index))
            .OrderBy(c => c.Number).ThenBy(c => c.Index).Select(c => c.Id).ToList();
        try
        {
            await cases.SelectAsync(meeting!.Id, chosen, cancellationToken);
            return MeetingPages.Done(http, MeetingPages.MeetingPath(meeting.Id), MeetingMessages.Agenda, "dagsorden");
        }
        catch (MeetingInputException refusal)
        {
            state.Error("valgt", MeetingMessages.Refusal(refusal, display.Text));
        }

        return await MeetingPage.RenderAsync(http, meeting!, state, cancellationToken);
    }

    public static async Task<IResult> SetRolesAsync(string meetingId, IFormCollection form, HttpContext http, MeetingAccess access, MeetingRoster roster,
        PageDisplay display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (refused, meeting, _) = await ForAsync(access, meetingId, MeetingRight.SetRoles, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var state = FormState.Posted(MeetingPage.RolesForm, form);
        // An empty choice gives the role back to the rotation's suggestion.
        string? Holder(string role) => form[MeetingPage.RoleInputs[role]].ToString() is { Length: > 0 } id ? id : null;
        try
        {
            await roster.SetAsync(meeting!.Id, new RoleAssignment(Holder(MeetingRoles.MeetingLeader), Holder(MeetingRoles.Timekeeper),
                Holder(MeetingRoles.NoteTaker), Holder(MeetingRoles.Host), []), cancellationToken);
            return MeetingPages.Done(http, MeetingPages.MeetingPath(meeting.Id), MeetingMessages.Roles, "roller");
        }
        catch (MeetingInputException refusal)
        {
            state.Error(RoleInputOf(refusal.Field), MeetingMessages.Refusal(refusal, display.Text));
        }

        return await MeetingPage.RenderAsync(http, meeting!, state, cancellationToken);
    }

    public static async Task<IResult> AskToSwapAsync(string meetingId, [FromForm] string? rolle, [FromForm] string? besked, [FromForm] string? tilbage,
        HttpContext http, MeetingAccess access, MeetingRoster roster, PageDisplay display, CancellationToken cancellationToken)
    {
        var (refused, meeting, userId) = await ForAsync(access, meetingId, MeetingRight.Respond, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var mine = tilbage == BackToMine;
        try
        {
            await roster.AskToSwapAsync(meeting!.Id, userId!, rolle ?? "", besked, cancellationToken);
            return MeetingPages.Done(http, mine ? MeetingPages.MyMeetings : MeetingPages.MeetingPath(meeting.Id), MeetingMessages.Swap, mine ? null : "roller");
        }
        catch (MeetingInputException refusal)
        {
            var message = MeetingMessages.Refusal(refusal, display.Text);
            if (mine)
            {
                return await MyMeetingsPage.RenderAsync(http, message, cancellationToken);
            }

            var state = await PostedAsync(http, "bytte", cancellationToken);
            state.Error("rolle", message);
            return await MeetingPage.RenderAsync(http, meeting!, state, cancellationToken);
        }
    }

    public static async Task<IResult> RecordAttendanceAsync(string meetingId, IFormCollection form, HttpContext http, MeetingAccess access,
        MeetingResponses responses, PageDisplay display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (refused, meeting, _) = await ForAsync(access, meetingId, MeetingRight.RecordAttendance, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var state = FormState.Posted("fremmoede", form);
        try
        {
            await responses.RecordAttendanceAsync(meeting!.Id, form["til-stede"].OfType<string>().Distinct(StringComparer.Ordinal).Take(1000).ToList(), cancellationToken);
            return MeetingPages.Done(http, MeetingPages.MeetingPath(meeting.Id), MeetingMessages.Attendance, "fremmoede");
        }
        catch (MeetingInputException refusal)
        {
            state.Error("til-stede", MeetingMessages.Refusal(refusal, display.Text));
        }

        return await MeetingPage.RenderAsync(http, meeting!, state, cancellationToken);
    }

    public static async Task<IResult> MoveAsync(string meetingId, [FromForm] MoveFormInput form, HttpContext http, MeetingAccess access, MeetingPlanner planner,
        PageDisplay display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (refused, meeting, _) = await ForAsync(access, meetingId, MeetingRight.Plan, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var state = await PostedAsync(http, MeetingPage.MoveForm, cancellationToken);
        if (form.Read(state, display.Text) is { } change)
        {
            try
            {
                await planner.UpdateAsync(meeting!.Id, change, form.OgsaaFoelgende == "ja", cancellationToken);
                return MeetingPages.Done(http, MeetingPages.MeetingPath(meeting.Id), MeetingMessages.Moved);
            }
            catch (MeetingInputException refusal)
            {
                state.Error(MoveFormInput.InputOf(refusal.Field), MeetingMessages.Refusal(refusal, display.Text));
            }
        }

        return await MeetingPage.RenderAsync(http, meeting!, state, cancellationToken);
    }

    public static async Task<IResult> CancelAsync(string meetingId, [FromForm] string? begrundelse, [FromForm] string? bekraeft, [FromForm] string? ogsaaFoelgende,
        HttpContext http, MeetingAccess access, MeetingPlanner planner, PageDisplay display, CancellationToken cancellationToken)
    {
        var (refused, meeting, _) = await ForAsync(access, meetingId, MeetingRight.Plan, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var state = await PostedAsync(http, MeetingPage.CancelForm, cancellationToken);
        if (string.IsNullOrWhiteSpace(begrundelse))
        {
            state.Error("begrundelse", display.Text["Skriv, hvorfor mødet aflyses. Medlemmerne ser begrundelsen."]);
        }

        if (bekraeft != "ja")
        {
            state.Error("bekraeft", display.Text["Sæt flueben for at bekræfte, at mødet skal aflyses."]);
        }

        if (!state.HasErrors)
        {
            try
            {
                await planner.CancelAsync(meeting!.Id, begrundelse, ogsaaFoelgende == "ja", cancellationToken);
                return MeetingPages.Done(http, MeetingPages.MeetingPath(meeting.Id), MeetingMessages.Cancelled);
            }
            catch (MeetingInputException refusal)
            {
                state.Error("begrundelse", MeetingMessages.Refusal(refusal, display.Text));
            }
        }

        return await MeetingPage.RenderAsync(http, meeting!, state, cancellationToken);
    }

    /// <summary>The meeting and the reader's user id when the reader has <paramref name="right"/>; else the answer to give.</summary>
    private static async Task<(IResult? Refused, Meeting? Meeting, string? UserId)> ForAsync(MeetingAccess access, string meetingId, MeetingRight right, CancellationToken cancellationToken)
    {
        var (decision, meeting) = await access.ForMeetingAsync(meetingId, right, cancellationToken);
        var userId = (await access.ReaderAsync(cancellationToken)).UserId;
        return decision switch
        {
            MeetingAccessResult.Allowed when meeting is not null && userId is not null => (null, meeting, userId),
            MeetingAccessResult.Refused => (Results.StatusCode(StatusCodes.Status403Forbidden), null, null),
            _ => (Results.NotFound(), null, null),
        };
    }

    /// <summary>The reader's own case of this meeting; a case of another meeting answers 404 like one that does not exist.</summary>
    private static async Task<(IResult? Refused, Meeting? Meeting)> OwnCaseAsync(MeetingAccess access, string meetingId, string caseId, CancellationToken cancellationToken)
    {
        var (decision, item) = await access.ForCaseAsync(caseId, cancellationToken);
        if (decision == MeetingAccessResult.Hidden || item is null || item.MeetingId != meetingId)
        {
            return (Results.NotFound(), null);
        }

        if (decision != MeetingAccessResult.Allowed)
        {
            return (Results.StatusCode(StatusCodes.Status403Forbidden), null);
        }

        var (_, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken);
        return meeting is null ? (Results.NotFound(), null) : (null, meeting);
    }

    private static async Task<FormState> PostedAsync(HttpContext http, string form, CancellationToken cancellationToken) =>
        FormState.Posted(form, await http.Request.ReadFormAsync(cancellationToken));

    private static string RoleInputOf(string field) => field switch
    {
        "MeetingLeader" => "moedeleder",
        "Timekeeper" => "tidtager",
        "NoteTaker" => "referent",
        "Host" => "vaert",
        _ => "moedeleder",
    };
}
