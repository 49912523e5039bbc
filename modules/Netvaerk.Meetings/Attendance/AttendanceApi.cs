using Netvaerk.Meetings.Planning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Attendance;

public sealed record AttendanceResponse(IReadOnlyList<MeetingAttendanceResponse> Meetings, IReadOnlyList<MemberAttendanceResponse> Members);

/// <param name="Start">Local Europe/Copenhagen time with its offset.</param>
/// <param name="Present">null until the note-taker has recorded who came.</param>
public sealed record MeetingAttendanceResponse(string Id, string Start, int Yes, int No, int? Present, bool Recorded);

/// <param name="Rate">Attended out of held, in whole per cent (0–100); null when no meeting was held since they joined.</param>
public sealed record MemberAttendanceResponse(string UserName, int Attended, int Held, int? Rate, int Yes, int No);

/// <summary>GET /api/networks/{id}/attendance: the network's commitment. Members see the totals per meeting and their own
/// row; coordinators, editors and administrators every member's; anyone else 404 (<see cref="AttendancePermission"/>).</summary>
public static class AttendanceApi
{
    public static IEndpointRouteBuilder MapAttendanceApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/networks/{networkId}/attendance", GetAsync)
            .WithTags("Meetings").WithName("NetworkAttendance")
            .WithSummary("Attendance per meeting (RSVP yes/no, how many came) and per member (attended of held since joining); a member sees only their own row.");
        return routes;
    }

    private static async Task<Results<Ok<AttendanceResponse>, ProblemHttpResult>> GetAsync(
        string networkId, MeetingAccess meetings, ContentManager content, NetworkAttendance attendance, CancellationToken cancellationToken)
    {
        var access = await meetings.ReaderAsync(cancellationToken);
        var (view, _) = await AttendancePermission.DecideAsync(meetings, content, networkId, cancellationToken);
        if (view == AttendanceView.Hidden)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "The network does not exist, or you may not read it.");
        }

        var report = await attendance.ForNetworkAsync(networkId, view == AttendanceView.All ? null : access.UserId, cancellationToken);
        return TypedResults.Ok(new AttendanceResponse(
            report.Meetings.Select(m => new MeetingAttendanceResponse(m.Id, MeetingTime.ToIso(m.StartUtc), m.Yes, m.No, m.Present, m.Recorded)).ToList(),
            report.Members.Select(m => new MemberAttendanceResponse(m.UserName, m.Attended, m.Held, m.Rate, m.Yes, m.No)).ToList()));
    }
}
