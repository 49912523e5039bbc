using System.Globalization;
using Microsoft.AspNetCore.Http;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Pages;

/// <summary>What the "MeetingList" template shows: a network's coming meetings (soonest first), then its past ones
/// (latest first); <see cref="PlanUrl"/> only for those who may plan.</summary>
public sealed record NetworkMeetingsModel(
    string NetworkTitle,
    string NetworkUrl,
    IReadOnlyList<MeetingSummary> Upcoming,
    IReadOnlyList<MeetingSummary> Past,
    string? PlanUrl,
    string AttendanceUrl,
    string MyMeetingsUrl,
    string? Message);

/// <summary>/moeder/netvaerk/{networkId}: the network's meetings, for its members and the tenant's editors; 404 for anyone else.</summary>
public static class NetworkMeetingsPage
{
    public static async Task<IResult> ShowAsync(string networkId, HttpContext http, MeetingAccess access, MeetingPlanner planner, ContentManager content,
        PageDisplay display, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await access.ForNetworkAsync(networkId, MeetingRight.Read, cancellationToken) != MeetingAccessResult.Allowed
            || await content.GetAsync(networkId, VersionOptions.Latest, cancellationToken) is not { } network)
        {
            return Results.NotFound();
        }

        var pathBase = MeetingPages.PathBase(http);
        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = await planner.ListAsync(networkId, cancellationToken);
        var culture = CultureInfo.CurrentCulture;
        // A meeting under way still counts as coming: its page is where it is run from.
        bool Ended(Data.Meeting m) => m.StartUtc.AddMinutes(m.DurationMinutes) <= now;
        var mayPlan = await access.ForNetworkAsync(networkId, MeetingRight.Plan, cancellationToken) == MeetingAccessResult.Allowed;
        var model = new NetworkMeetingsModel(
            network.DisplayText,
            ContentUrls.Of(pathBase, network),
            meetings.Where(m => !Ended(m)).Select(m => MeetingShapes.Summary(m, network, pathBase, culture)).ToList(),
            meetings.Where(Ended).Reverse().Select(m => MeetingShapes.Summary(m, network, pathBase, culture)).ToList(),
            mayPlan ? pathBase + MeetingPages.PlanPath(networkId) : null,
            pathBase + MeetingPages.AttendancePath(networkId),
            pathBase + MeetingPages.MyMeetings,
            MeetingMessages.From(http.Request, display.Text));
        return await display.PageAsync(["MeetingList"], model, new PageOptions($"{display.Text["Møder i {0}", network.DisplayText]}"), cancellationToken);
    }
}
