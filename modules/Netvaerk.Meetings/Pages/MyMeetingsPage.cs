using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Pages;

/// <summary>What the "MyMeetings" template shows: the reader's upcoming meetings in all their networks, each with their
/// answer and their roles there, and the networks' meeting pages.</summary>
public sealed record MyMeetingsModel(
    IReadOnlyList<MyMeetingRow> Meetings,
    IReadOnlyList<NetworkLink> Networks,
    string CalendarUrl,
    string ProtocolsUrl,
    string? Message,
    string? Error,
    string AntiforgeryField,
    string AntiforgeryToken)
{
    public InputLimits Limits { get; } = InputLimits.Meetings;
}

/// <param name="Answer">"yes", "no" or null (not answered).</param>
public sealed record MyMeetingRow(MeetingSummary Meeting, string? Answer, string? Reason, string RsvpAction, IReadOnlyList<RoleLine> Roles, string SwapAction);

/// <summary>/moeder, "Mine møder": the signed-in member's coming meetings across their networks (cancelled ones too, so
/// they see the cancellation), soonest first, with quick yes/no answers and a swap request per role.</summary>
public static class MyMeetingsPage
{
    /// <summary>How many coming meetings the page lists.</summary>
    public const int MaxMeetings = 60;

    public static Task<IResult> ShowAsync(HttpContext http, CancellationToken cancellationToken) => RenderAsync(http, null, cancellationToken);

    /// <summary>The page, with <paramref name="error"/> when a quick answer or swap request from it was refused (nothing changed).</summary>
    public static async Task<IResult> RenderAsync(HttpContext http, string? error, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var readers = services.GetRequiredService<NetworkReaderContext>();
        var planner = services.GetRequiredService<MeetingPlanner>();
        var roster = services.GetRequiredService<MeetingRoster>();
        var responses = services.GetRequiredService<MeetingResponses>();
        var content = services.GetRequiredService<ContentManager>();
        var display = services.GetRequiredService<PageDisplay>();
        var clock = services.GetRequiredService<TimeProvider>();
        var access = await readers.GetAccessAsync(cancellationToken);
        if (access.UserId is not { } userId)
        {
            return Results.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pathBase = MeetingPages.PathBase(http);
        var culture = CultureInfo.CurrentCulture;
        var networks = new List<NetworkLink>();
        var rows = new List<(DateTime Start, MyMeetingRow Row)>();
        foreach (var networkId in access.Reader.NetworkIds.Order(StringComparer.Ordinal))
        {
            if (await content.GetAsync(networkId, VersionOptions.Latest, cancellationToken) is not { } network)
            {
                continue;
            }

            networks.Add(new NetworkLink(network.DisplayText, pathBase + MeetingPages.NetworkPath(networkId)));
            var coming = (await planner.ListAsync(networkId, cancellationToken)).Where(m => m.StartUtc.AddMinutes(m.DurationMinutes) > now).ToList();
            if (coming.Count == 0)
            {
                continue;
            }

            var roles = await roster.ForNetworkAsync(networkId, cancellationToken);
            foreach (var meeting in coming)
            {
                var answer = (await responses.RsvpsAsync(meeting.Id, cancellationToken)).FirstOrDefault(r => r.UserId == userId);
                var swaps = await roster.OpenSwapsAsync(meeting.Id, cancellationToken);
                var mine = meeting.Cancelled || !roles.TryGetValue(meeting.Id, out var effective)
                    ? []
                    : effective.RolesOf(userId).Select(role => MeetingShapes.Role(role, "", effective.Suggested.Contains(role), mine: true,
                        swaps.Any(s => s.UserId == userId && s.Role == role))).ToList();
                var summary = MeetingShapes.Summary(meeting, network, pathBase, culture);
                var path = pathBase + MeetingPages.MeetingPath(meeting.Id);
                rows.Add((meeting.StartUtc, new MyMeetingRow(summary, answer is null ? null : answer.Attending ? "yes" : "no", answer?.Reason,
                    path + "/svar", mine, path + "/bytte")));
            }
        }

        var form = MeetingPages.Form(http, pathBase + MeetingPages.MyMeetings);
        var model = new MyMeetingsModel(
            rows.OrderBy(r => r.Start).Select(r => r.Row).Take(MaxMeetings).ToList(),
            networks.OrderBy(n => n.Title, StringComparer.CurrentCulture).ToList(),
            pathBase + MeetingPages.Calendar,
            pathBase + MeetingPages.Protocols,
            error is null ? MeetingMessages.From(http.Request, display.Text) : null,
            error,
            form.AntiforgeryField,
            form.AntiforgeryToken);
        return await display.PageAsync(["MyMeetings"], model, new PageOptions("Mine møder", StatusCode: error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest) { TranslateTitle = true }, cancellationToken);
    }
}
