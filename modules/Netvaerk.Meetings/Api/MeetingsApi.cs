using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Api;

namespace Netvaerk.Meetings.Api;

/// <summary>The meetings JSON API. Who may do what is <see cref="MeetingAccess"/>'s answer: a network, meeting, case or
/// action the caller may not see is 404 (as if it did not exist), one they see but may not change is 403. Bodies are
/// read strictly (<see cref="MeetingBody"/>); a refusal is a 400 naming the field, and nothing is changed.
/// This file maps the routes and answers the meeting itself; MeetingsApi.Parts.cs answers the rest.</summary>
public static partial class MeetingsApi
{
    private static readonly string[] PlanFields = ["Start", "DurationMinutes", "ProtocolId", "Place", "Theme", "Count", "EveryWeeks", "OnlineUrl", "Purpose", "DesiredEffect", "Practicalities"];
    private static readonly string[] ChangeFields = ["Start", "DurationMinutes", "ProtocolId", "Place", "Theme", "OnlineUrl", "Purpose", "DesiredEffect", "Practicalities", "Cancelled", "Reason", "Following"];
    private const string PlanExample = "{\"Start\": \"2027-01-14T13:00\", \"DurationMinutes\": 180, \"ProtocolId\": \"…\", \"Place\": \"Rådhuset\", \"Theme\": \"Svære samtaler\", \"Count\": 6, \"EveryWeeks\": 6}";
    private const string ChangeExample = "{\"Start\": \"2027-01-21T13:00\", \"Following\": true} or {\"Cancelled\": true, \"Reason\": \"For få kan komme\"}";

    /// <summary>A meeting lasts three hours unless the plan says otherwise (the networks' usual length).</summary>
    public const int DefaultDurationMinutes = 180;

    public static void MapMeetingsApi(this IEndpointRouteBuilder routes)
    {
        var networks = routes.MapGroup("/api/networks/{networkId}").WithTags("Meetings");
        networks.MapGet("/meetings", ListAsync).WithName("ListMeetings")
            .WithSummary("The network's meetings (cancelled ones too), earliest first: members, editors and administrators.");
        networks.MapPost("/meetings", PlanAsync).WithName("PlanMeetings").JsonBody(PlanExample)
            .WithSummary("Plans a meeting, or a series with Count and EveryWeeks (same local clock time each time): coordinators, editors, administrators. 201 {\"meetings\":[{\"id\",\"start\"}]}.")
            .AddEndpointFilter<ApiWriteProtection>();

        var meetings = routes.MapGroup("/api/meetings/{meetingId}").WithTags("Meetings");
        meetings.MapGet("/", GetAsync).WithName("GetMeeting")
            .WithSummary("The meeting with its roles (stored or suggested), RSVPs, cases, open actions, swap requests, attendance and agenda.");
        meetings.MapPut("/", UpdateAsync).WithName("UpdateMeeting").JsonBody(ChangeExample)
            .WithSummary("Changes, moves (Start), cancels (Cancelled, Reason) or reinstates a meeting; Following applies it to the later meetings of its series too.")
            .AddEndpointFilter<ApiWriteProtection>();
        meetings.MapDelete("/", DeleteAsync).WithName("DeleteMeeting")
            .WithSummary("Deletes the meeting and everything recorded for it (cancel it instead if the members should see why).")
            .AddEndpointFilter<ApiWriteProtection>();
        MapParts(meetings, routes);
    }

    private static async Task<IResult> ListAsync(string networkId, MeetingAccess access, MeetingPlanner planner, CancellationToken cancellationToken)
    {
        if (Refusal(await access.ForNetworkAsync(networkId, MeetingRight.Read, cancellationToken), Network(networkId), "") is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(new MeetingList((await planner.ListAsync(networkId, cancellationToken)).Select(MeetingJson.Summary).ToList()));
    }

    private static Task<IResult> PlanAsync(string networkId, HttpContext http, MeetingAccess access, MeetingPlanner planner, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            if (Refusal(await access.ForNetworkAsync(networkId, MeetingRight.Plan, cancellationToken), Network(networkId), PlanRule) is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, PlanFields, PlanExample, cancellationToken);
            var plan = new PlanMeetings(
                body.LocalTime("Start") ?? throw Missing("Start", "\"2027-01-14T13:00\""),
                body.Int("DurationMinutes") ?? DefaultDurationMinutes,
                body.Text("ProtocolId"),
                body.Text("Place"),
                body.Text("Theme"),
                body.Int("Count") ?? 1,
                body.Int("EveryWeeks") ?? 0,
                body.Text("OnlineUrl"),
                body.Text("Purpose"),
                body.Text("DesiredEffect"),
                body.Text("Practicalities"));
            var planned = await planner.PlanAsync(networkId, plan, cancellationToken);
            return TypedResults.Created($"{http.Request.PathBase}/api/meetings/{planned[0].Id}",
                new PlannedMeetings(planned.Select(m => new PlannedMeeting(m.Id, MeetingTime.ToIso(m.StartUtc))).ToList()));
        });

    private static Task<IResult> GetAsync(string meetingId, MeetingAccess access, MeetingOverview overview, MeetingPeople people, Running.CarriedActions carried,
        CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), "") is { } refused)
            {
                return refused;
            }

            return TypedResults.Ok(await DetailAsync(meeting!, access, overview, people, carried, cancellationToken));
        });

    private static Task<IResult> UpdateAsync(
        string meetingId, HttpContext http, MeetingAccess access, MeetingPlanner planner, MeetingOverview overview, MeetingPeople people, Running.CarriedActions carried,
        CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Plan, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), PlanRule) is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, ChangeFields, ChangeExample, cancellationToken);
            var cancelled = body.Bool("Cancelled");
            var reason = MeetingInput.Text("Reason", body.Text("Reason"), MeetingInput.ReasonLength);
            var following = body.Bool("Following") ?? false;
            var change = new MeetingChange(body.LocalTime("Start"), body.Int("DurationMinutes"), body.Text("ProtocolId"), body.Text("Place"), body.Text("Theme"),
                body.Text("OnlineUrl"), body.Text("Purpose"), body.Text("DesiredEffect"), body.Text("Practicalities"));
            if (change != new MeetingChange())
            {
                await planner.UpdateAsync(meeting!.Id, change, following, cancellationToken);
            }

            if (cancelled == true)
            {
                await planner.CancelAsync(meeting!.Id, reason, following, cancellationToken);
            }
            else if (cancelled == false && meeting!.Cancelled)
            {
                await planner.ReinstateAsync(meeting.Id, cancellationToken);
            }

            return TypedResults.Ok(await DetailAsync((await planner.GetAsync(meeting!.Id, cancellationToken))!, access, overview, people, carried, cancellationToken));
        });

    private static Task<IResult> DeleteAsync(string meetingId, MeetingAccess access, MeetingPlanner planner, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Plan, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), PlanRule) is { } refused)
            {
                return refused;
            }

            await planner.DeleteAsync(meeting!.Id, cancellationToken);
            return TypedResults.NoContent();
        });

    private static async Task<MeetingDetail> DetailAsync(Data.Meeting meeting, MeetingAccess access, MeetingOverview overview, MeetingPeople people, Running.CarriedActions carriedActions,
        CancellationToken cancellationToken)
    {
        var view = await overview.ForMeetingAsync(meeting, cancellationToken);
        var carried = await carriedActions.ForMeetingAsync(meeting, cancellationToken);
        var names = await people.NamesAsync(MeetingJson.UserIds(view).Concat(carried.Select(a => a.OwnerUserId)), cancellationToken);
        var reader = await access.ReaderAsync(cancellationToken);
        var showReasons = (await access.ForMeetingAsync(meeting.Id, MeetingRight.SetRoles, cancellationToken)).Decision == MeetingAccessResult.Allowed;
        return MeetingJson.Detail(view, names, reader.UserId, showReasons, carried);
    }

    private const string PlanRule = "Only the network's coordinators (tovholdere), editors and administrators plan, change and cancel its meetings.";

    /// <summary>Runs an endpoint, answering a refused input with 400 naming the field and a meeting gone meanwhile with 404.</summary>
    private static async Task<IResult> GuardedAsync(Func<Task<IResult>> work)
    {
        try
        {
            return await work();
        }
        catch (MeetingInputException error)
        {
            return ApiResults.Invalid(error.Field, error.Message);
        }
        catch (MeetingNotFoundException error)
        {
            return ApiResults.NotFound(Meeting(error.MeetingId));
        }
        catch (BodyTooLargeException)
        {
            return ApiResults.TooLarge();
        }
    }

    private static async Task<MeetingBody> BodyAsync(HttpContext http, IReadOnlyList<string> fields, string example, CancellationToken cancellationToken) =>
        MeetingBody.Read(await ApiResults.ReadBodyAsync(http.Request, cancellationToken) ?? throw new BodyTooLargeException(), fields, example);

    private static ProblemHttpResult? Refusal(MeetingAccessResult decision, string what, string forbidden) => decision switch
    {
        MeetingAccessResult.Allowed => null,
        MeetingAccessResult.Hidden => ApiResults.NotFound(what),
        _ => ApiResults.Forbidden(forbidden),
    };

    private static MeetingInputException Missing(string field, string example) =>
        new(field, "{0} is missing. Send it, e.g. \"{0}\": {1}.", field, example);

    private static string Network(string id) => $"The network '{MeetingPlanner.Shorten(id)}'";

    private static string Meeting(string id) => $"The meeting '{MeetingPlanner.Shorten(id)}'";

    private sealed class BodyTooLargeException : Exception;
}
