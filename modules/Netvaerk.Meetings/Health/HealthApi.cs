using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Api;

namespace Netvaerk.Meetings.Health;

/// <param name="Attendance">Present of members in whole per cent; null until recorded (as Present).</param>
/// <param name="Value">Means 1–5 and WorthIt 0–1, null under three answers.</param>
public sealed record HealthMeetingResponse(
    string Id, string Start, string? Theme, int? Present, int Members, int? Attendance, int Answers, double? Value, double? Time, double? Energy, double? WorthIt);

public sealed record HealthRolesResponse(string UserName, int MeetingLeader, int Timekeeper, int NoteTaker, int Host, int CaseGiver);

public sealed record HealthActionResponse(string Id, string MeetingId, string Text, string? Owner, string? Due, bool Overdue);

public sealed record HealthActionsResponse(int Open, int Overdue, IReadOnlyList<HealthActionResponse> Items);

public sealed record HealthPhaseResponse(string Phase, int Items, int PlannedMinutes, double SpentMinutes);

public sealed record HealthResponse(
    int MeetingsHeld, int? AverageAttendance, double? AverageValue, IReadOnlyList<HealthMeetingResponse> Meetings, IReadOnlyList<HealthRolesResponse> Roles,
    IReadOnlyList<string> NoCaseYet, IReadOnlyList<string> NotLedYet, HealthActionsResponse Actions, IReadOnlyList<HealthPhaseResponse> Phases);

/// <summary>GET /api/networks/{id}/health: the network's health for its members, coordinators, editors and
/// administrators (404 for anyone else). Evaluation figures follow the evaluation's rule: null under three answers.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/networks/{networkId}/health", GetAsync).WithTags("Meetings").WithName("NetworkHealth")
            .WithSummary("The network's health per held meeting (attendance, evaluation means, answers), how evenly roles and cases are spread, open and overdue actions, and minutes planned vs spent per phase.");
        return routes;
    }

    private static async Task<IResult> GetAsync(string networkId, MeetingAccess access, NetworkHealth health, CancellationToken cancellationToken)
    {
        if (await access.ForNetworkAsync(networkId, MeetingRight.Read, cancellationToken) != MeetingAccessResult.Allowed)
        {
            return ApiResults.NotFound($"The network '{MeetingPlanner.Shorten(networkId)}'");
        }

        return TypedResults.Ok(Response(await health.ForNetworkAsync(networkId, cancellationToken)));
    }

    public static HealthResponse Response(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new HealthResponse(
            report.Meetings.Count,
            report.AverageAttendance,
            report.AverageValue,
            report.Meetings.Select(m => new HealthMeetingResponse(m.Id, MeetingTime.ToIso(m.StartUtc), m.Theme, m.Present, m.Members, m.Rate, m.Answers,
                m.Value, m.Time, m.Energy, m.WorthIt)).ToList(),
            report.Members.Select(m => new HealthRolesResponse(m.Name, m.MeetingLeader, m.Timekeeper, m.NoteTaker, m.Host, m.CaseGiver)).ToList(),
            report.NoCaseYet,
            report.NotLedYet,
            new HealthActionsResponse(report.Actions.Open, report.Actions.Overdue, report.Actions.Items.Select(a => new HealthActionResponse(
                a.Id, a.MeetingId, a.Text, a.Owner, a.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.Overdue)).ToList()),
            report.Phases.Select(p => new HealthPhaseResponse(p.Phase, p.Items, p.PlannedMinutes, p.SpentMinutes)).ToList());
    }
}
