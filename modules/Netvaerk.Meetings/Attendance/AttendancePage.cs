using Netvaerk.Meetings.Planning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Attendance;

/// <summary>What the "Attendance" template shows. <paramref name="SeesAll"/> is false for a member, who sees only their own row.</summary>
public sealed record AttendancePageModel(
    string NetworkTitle,
    string BackUrl,
    bool SeesAll,
    IReadOnlyList<AttendanceMeetingRow> Meetings,
    IReadOnlyList<AttendanceMemberRow> Members);

/// <param name="Start">Europe/Copenhagen time with its offset (an instant, which local_date shows as Danish time).</param>
public sealed record AttendanceMeetingRow(string Url, DateTimeOffset Start, int Yes, int No, int? Present, bool Recorded);

/// <param name="Rate">Whole per cent, or null when no meeting was held since the member joined.</param>
public sealed record AttendanceMemberRow(string UserName, int Attended, int Held, int? Rate, int Yes, int No);

/// <summary>/moeder/netvaerk/{networkId}/fremmoede: the network's commitment, by the same rules as the API
/// (<see cref="AttendancePermission"/>): members see the totals and their own row, coordinators and editors everyone's.</summary>
public static class AttendancePage
{
    public static string PathFor(string networkId) => $"/moeder/netvaerk/{Uri.EscapeDataString(networkId)}/fremmoede";

    public static IEndpointRouteBuilder MapAttendancePage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/moeder/netvaerk/{networkId}/fremmoede", ShowAsync).RequireAuthorization().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> ShowAsync(
        string networkId, HttpContext http, MeetingAccess meetings, ContentManager content, NetworkAttendance attendance, PageDisplay display, CancellationToken cancellationToken)
    {
        var access = await meetings.ReaderAsync(cancellationToken);
        var (view, network) = await AttendancePermission.DecideAsync(meetings, content, networkId, cancellationToken);
        if (view == AttendanceView.Hidden || network is null)
        {
            return Results.NotFound();
        }

        var report = await attendance.ForNetworkAsync(networkId, view == AttendanceView.All ? null : access.UserId, cancellationToken);
        var pathBase = http.Request.PathBase.Value ?? "";
        var model = new AttendancePageModel(
            network.DisplayText,
            $"{pathBase}/moeder/netvaerk/{Uri.EscapeDataString(networkId)}",
            view == AttendanceView.All,
            report.Meetings.Select(m => new AttendanceMeetingRow(
                $"{pathBase}/moeder/{Uri.EscapeDataString(m.Id)}", Local(m.StartUtc), m.Yes, m.No, m.Present, m.Recorded)).ToList(),
            report.Members.Select(m => new AttendanceMemberRow(m.UserName, m.Attended, m.Held, m.Rate, m.Yes, m.No)).ToList());
        return await display.PageAsync(["Attendance"], model, new PageOptions($"{display.Text["Fremmøde"]}: {network.DisplayText}"), cancellationToken);
    }

    private static DateTimeOffset Local(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), MeetingTime.Zone);
}
