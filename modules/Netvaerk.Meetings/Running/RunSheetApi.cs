using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Meetings.Api;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Api;

namespace Netvaerk.Meetings.Running;

/// <summary>The run-sheet's JSON API: GET the state (readers of the meeting), POST an action (runners). 404 for a
/// meeting the caller may not see, 403 for a reader who may not run it, 400 naming the field, 409 for a FromPosition
/// that is no longer current (someone else moved on first; nothing changed).</summary>
public static class RunSheetApi
{
    private static readonly string[] Fields = ["Action", "FromPosition"];
    private const string Example = "{\"Action\": \"next\", \"FromPosition\": 0}";
    private const string RunRule = "Only the meeting leader, the timekeeper, the network's coordinators (tovholdere), editors and administrators run the meeting.";

    public static IEndpointRouteBuilder MapRunSheetApi(this IEndpointRouteBuilder routes)
    {
        var run = routes.MapGroup("/api/meetings/{meetingId}/run").WithTags("Meetings");
        run.MapGet("", GetAsync).WithName("GetMeetingRun")
            .WithSummary("The live run-sheet: status (before, running, ended, cancelled, empty), the current position, when its time is up (UTC), the server's now, warning and over flags, and every item with planned and spent time.");
        run.MapPost("", ActAsync).WithName("RunMeeting").JsonBody(Example)
            .WithSummary("Moves the run-sheet: next, previous (undo a mistaken next), extend (+5 minutes), end, start (begin early). FromPosition is the position the caller saw; 409 if it is no longer current.")
            .AddEndpointFilter<ApiWriteProtection>();
        return routes;
    }

    private static async Task<IResult> GetAsync(string meetingId, MeetingAccess access, RunSheetStates states, CancellationToken cancellationToken)
    {
        var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken);
        return decision == MeetingAccessResult.Allowed
            ? TypedResults.Ok(await states.BuildAsync(meeting!, cancellationToken))
            : ApiResults.NotFound(What(meetingId));
    }

    private static async Task<IResult> ActAsync(string meetingId, HttpContext http, MeetingAccess access, MeetingRun run, RunSheetBroadcast broadcast,
        CancellationToken cancellationToken)
    {
        var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.RunMeeting, cancellationToken);
        if (decision != MeetingAccessResult.Allowed)
        {
            return decision == MeetingAccessResult.Hidden ? ApiResults.NotFound(What(meetingId)) : ApiResults.Forbidden(RunRule);
        }

        if (await ApiResults.ReadBodyAsync(http.Request, cancellationToken) is not { } text)
        {
            return ApiResults.TooLarge();
        }

        RunAction action;
        int fromPosition;
        try
        {
            var body = MeetingBody.Read(text, Fields, Example);
            action = MeetingRun.Parse(body.Text("Action")) ?? throw new MeetingInputException("Action", "Action must be next, previous, extend, end or start, e.g. {0}", Example);
            fromPosition = body.Int("FromPosition") ?? throw new MeetingInputException("FromPosition", "FromPosition is missing: send the position you saw, e.g. {0}", Example);
        }
        catch (MeetingInputException error)
        {
            return ApiResults.Invalid(error.Field, error.Message);
        }

        var (_, items, _) = await run.StateAsync(meeting!, cancellationToken);
        if (fromPosition < 0 || fromPosition > items.Count)
        {
            return ApiResults.Invalid("FromPosition", $"FromPosition must be between 0 and {items.Count} (the number of items once the meeting has ended).");
        }

        var refusal = await run.ActAsync(meeting!, action, fromPosition, cancellationToken);
        return refusal switch
        {
            RunRefusal.None => TypedResults.Ok(await broadcast.SendAsync(meeting!, cancellationToken)),
            RunRefusal.Stale => ApiResults.Conflict(RunSheetTexts.English(refusal)),
            _ => ApiResults.Invalid("Action", RunSheetTexts.English(refusal)),
        };
    }

    private static string What(string meetingId) => $"The meeting '{MeetingPlanner.Shorten(meetingId)}'";
}
