using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Pages;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Running;

/// <summary>/moeder/{meetingId}/afvikling: the live run-sheet for the meeting's readers (404 for anyone else). The
/// server renders the state and the agenda (printable, works without JavaScript); the runner's buttons are POST forms
/// answered by a redirect back (PRG); runsheet.js adds the live countdown and follows the hub.</summary>
public static class RunSheetPage
{
    public static string PathFor(string meetingId) => MeetingPages.MeetingPath(meetingId) + "/afvikling";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["start"] = "Mødet er startet.",
        ["naeste"] = "I er gået videre til næste fase.",
        ["forrige"] = "I er tilbage i den forrige fase.",
        ["mere-tid"] = "Fasen har fået fem minutter mere.",
        ["slut"] = "Mødet er afsluttet. Tak for i dag.",
        ["udfoert"] = "Opgaven er markeret som udført.",
        ["for-sent"] = RunSheetTexts.Danish(RunRefusal.Stale),
    };

    public static IEndpointRouteBuilder MapRunSheetPage(this IEndpointRouteBuilder routes)
    {
        var page = routes.MapGroup("/moeder/{meetingId}/afvikling").RequireAuthorization().ExcludeFromDescription();
        page.MapGet("", ShowAsync);
        page.MapPost("", ActAsync);
        page.MapPost("/handlinger/{actionId}", CloseActionAsync);
        return routes;
    }

    private static async Task<IResult> ShowAsync(string meetingId, HttpContext http, MeetingAccess access, CancellationToken cancellationToken) =>
        await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken) is (MeetingAccessResult.Allowed, { } meeting)
            ? await RenderAsync(http, meeting, null, cancellationToken)
            : Results.NotFound();

    /// <summary>A runner's button: <c>handling</c> is next, previous, extend, end or start; <c>fra</c> the position the page showed.</summary>
    private static async Task<IResult> ActAsync(string meetingId, [FromForm] string? handling, [FromForm] string? fra, HttpContext http, MeetingAccess access,
        MeetingRun run, RunSheetBroadcast broadcast, PageDisplay display, CancellationToken cancellationToken)
    {
        var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.RunMeeting, cancellationToken);
        if (decision != MeetingAccessResult.Allowed)
        {
            return decision == MeetingAccessResult.Hidden ? Results.NotFound() : Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (MeetingRun.Parse(handling) is not { } action || !int.TryParse(fra, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var from))
        {
            return await RenderAsync(http, meeting!, display.Text["Vælg en af knapperne for at styre mødet."].Value, cancellationToken, StatusCodes.Status400BadRequest);
        }

        var refusal = await run.ActAsync(meeting!, action, from, cancellationToken);
        switch (refusal)
        {
            case RunRefusal.None:
                await broadcast.SendAsync(meeting!, cancellationToken);
                return Done(http, meeting!.Id, action switch
                {
                    RunAction.Start => "start",
                    RunAction.Next => "naeste",
                    RunAction.Previous => "forrige",
                    RunAction.Extend => "mere-tid",
                    _ => "slut",
                });
            case RunRefusal.Stale:
                // Two devices pressed at once: the second press is ignored and shows where the meeting is now.
                return Done(http, meeting!.Id, "for-sent");
            default:
                return await RenderAsync(http, meeting!, display.Text[RunSheetTexts.Danish(refusal)].Value, cancellationToken, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>"Udført" on an action carried from an earlier meeting: its owner, the meeting's leader or note-taker, coordinators, editors.</summary>
    private static async Task<IResult> CloseActionAsync(string meetingId, string actionId, [FromForm] string? udfoert, HttpContext http, MeetingAccess access,
        MeetingActions actions, RunSheetBroadcast broadcast, CancellationToken cancellationToken)
    {
        var (seen, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken);
        var (decision, action) = await access.ForActionAsync(actionId, cancellationToken);
        if (seen != MeetingAccessResult.Allowed || decision == MeetingAccessResult.Hidden || action is null || action.NetworkContentItemId != meeting!.NetworkContentItemId)
        {
            return Results.NotFound();
        }

        if (decision != MeetingAccessResult.Allowed)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        await actions.SetDoneAsync(action.Id, udfoert != "nej", cancellationToken);
        await broadcast.SendAsync(meeting, cancellationToken);
        return Done(http, meeting.Id, "udfoert", "handlinger");
    }

    private static IResult Done(HttpContext http, string meetingId, string message, string? anchor = null) =>
        MeetingPages.Done(http, PathFor(meetingId), message, anchor);

    private static async Task<IResult> RenderAsync(HttpContext http, Meeting meeting, string? error, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        var services = http.RequestServices;
        var access = services.GetRequiredService<MeetingAccess>();
        var display = services.GetRequiredService<PageDisplay>();
        var state = await services.GetRequiredService<RunSheetStates>().BuildAsync(meeting, cancellationToken);
        var mayRun = (await access.ForMeetingAsync(meeting.Id, MeetingRight.RunMeeting, cancellationToken)).Decision == MeetingAccessResult.Allowed;
        var culture = CultureInfo.CurrentCulture;
        var pathBase = MeetingPages.PathBase(http);
        var form = MeetingPages.Form(http, pathBase + PathFor(meeting.Id));
        var now = DateTime.Parse(state.ServerNow, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var start = MeetingTime.ToLocal(meeting.StartUtc);
        var current = state.Current;
        var endsAt = state.EndsAt is null ? (DateTime?)null : DateTime.Parse(state.EndsAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var showActions = state.Status is "before" or "empty" || (state.Status == "running" && state.Position == 0);
        var model = new RunSheetPageModel(
            meeting.Id,
            $"{meeting.Theme ?? display.Text["Netværksmøde"]} – {MeetingDates.ShortDay(start, culture)}",
            pathBase + MeetingPages.MeetingPath(meeting.Id),
            state.Status,
            MeetingDates.Clock(start, culture),
            new DateTimeOffset(DateTime.SpecifyKind(meeting.StartUtc, DateTimeKind.Utc)),
            state.Position,
            state.Items.Count,
            current is null ? null : new RunSheetCurrent(current.Position + 1, current.Phase, current.Guidance, current.Speaks, current.Produces, current.CaseTitle,
                current.KeyQuestion, current.PlannedMinutes, current.ExtraMinutes),
            endsAt is { } end ? Countdown(end - now) : null,
            endsAt is { } at ? MeetingDates.Clock(MeetingTime.ToLocal(at), culture) : null,
            state.Warning,
            state.Over,
            state.EndsAt,
            state.ServerNow,
            state.Items.Select(i => new RunSheetRow(i.Position + 1,
                MeetingDates.Clock(MeetingTime.ToLocal(DateTimeOffset.Parse(i.PlannedStart, CultureInfo.InvariantCulture).UtcDateTime), culture),
                i.Phase, i.CaseTitle, i.PlannedMinutes, i.ExtraMinutes, i.Status, i.SpentSeconds is { } s ? (int)Math.Round(s / 60.0) : null)).ToList(),
            state.Ended ? Summary(state) : null,
            mayRun,
            Buttons(state, mayRun, meeting, now),
            showActions,
            showActions ? await ActionsAsync(services, meeting, pathBase, cancellationToken) : [],
            error ?? (http.Request.Query["besked"].ToString() is { Length: > 0 } code && Messages.TryGetValue(code, out var message) ? display.Text[message].Value : null),
            form.Action,
            form.AntiforgeryField,
            form.AntiforgeryToken,
            pathBase + MeetingHub.Path,
            pathBase + $"/{Manifest.Id}/js/runsheet.js",
            pathBase + $"/{Manifest.Id}/js/signalr.min.js");
        var title = $"{display.Text["Afvikling"]}: {model.Title}";
        return await display.PageAsync(["RunSheet"], model, new PageOptions(title, StatusCode: status), cancellationToken);
    }

    private static RunSheetButtons Buttons(RunStateJson state, bool mayRun, Meeting meeting, DateTime now)
    {
        if (!mayRun)
        {
            return new RunSheetButtons(false, false, false, false, false, false);
        }

        var running = state.Status == "running";
        var isLast = running && state.Position == state.Items.Count - 1;
        return new RunSheetButtons(
            state.Status == "before" && now >= meeting.StartUtc - RunSheetRules.EarliestStart,
            running && !isLast,
            (running && state.Position > 0) || state.Status == "ended",
            running && state.Items[state.Position].ExtraMinutes + RunSheetRules.ExtendMinutes <= RunSheetRules.MaxExtraMinutes,
            running,
            isLast);
    }

    private static RunSheetSummary Summary(RunStateJson state)
    {
        var planned = state.Items.Sum(i => i.PlannedMinutes);
        var spent = (int)Math.Round(state.Items.Sum(i => i.SpentSeconds ?? 0) / 60.0);
        return new RunSheetSummary(planned, spent, spent - planned);
    }

    private static async Task<IReadOnlyList<CarriedActionRow>> ActionsAsync(IServiceProvider services, Meeting meeting, string pathBase, CancellationToken cancellationToken)
    {
        var access = services.GetRequiredService<MeetingAccess>();
        var carried = await services.GetRequiredService<CarriedActions>().ForMeetingAsync(meeting, cancellationToken);
        var names = await services.GetRequiredService<MeetingPeople>().NamesAsync(carried.Select(a => a.OwnerUserId), cancellationToken);
        var today = DateOnly.FromDateTime(MeetingTime.ToLocal(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        var rows = new List<CarriedActionRow>(carried.Count);
        foreach (var action in carried)
        {
            var mayClose = (await access.ForActionAsync(action.Id, cancellationToken)).Decision == MeetingAccessResult.Allowed;
            rows.Add(new CarriedActionRow(action.Id, action.Text, action.OwnerUserId is null ? null : names.GetValueOrDefault(action.OwnerUserId),
                action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), action.Due < today,
                mayClose ? $"{pathBase}{PathFor(meeting.Id)}/handlinger/{Uri.EscapeDataString(action.Id)}" : null));
        }

        return rows;
    }

    /// <summary>"mm:ss" left; once time is up, "+mm:ss" over.</summary>
    public static string Countdown(TimeSpan left)
    {
        var seconds = (long)Math.Ceiling(Math.Abs(left.TotalSeconds));
        var text = $"{seconds / 60:00}:{seconds % 60:00}";
        return left < TimeSpan.Zero ? "+" + text : text;
    }
}
