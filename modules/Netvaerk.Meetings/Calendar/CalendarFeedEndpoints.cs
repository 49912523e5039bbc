using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Netvaerk.Meetings.Calendar;

/// <summary>The calendar feeds, read by calendar applications with the member's secret as <c>?key=</c> (they cannot sign
/// in). Every refusal is the same 404, so an address tells nothing about whether a network exists.</summary>
public static class CalendarFeedEndpoints
{
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder routes)
    {
        var feeds = routes.MapGroup("/api").WithTags("Calendar");
        feeds.MapGet("/networks/{networkId}/calendar.ics", NetworkAsync).WithName("NetworkCalendar")
            .WithSummary("The network's meetings as iCalendar, for the member's secret calendar address (?key=).");
        feeds.MapGet("/calendar.ics", MineAsync).WithName("MyCalendar")
            .WithSummary("The meetings of all the key owner's networks as iCalendar (?key=).");
        return routes;
    }

    // A key given twice binds as both joined by a comma, which is no key.
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> NetworkAsync(
        string networkId, [FromQuery] string? key, HttpContext http, CalendarFeeds feeds, CancellationToken cancellationToken) =>
        Answer(await feeds.NetworkAsync(key, networkId, Site(http.Request), cancellationToken));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> MineAsync([FromQuery] string? key, HttpContext http, CalendarFeeds feeds, CancellationToken cancellationToken) =>
        Answer(await feeds.MemberAsync(key, Site(http.Request), cancellationToken));

    private static FeedSite Site(HttpRequest request) =>
        new(request.Host.Host, $"{request.Scheme}://{request.Host}{request.PathBase}", "");

    // Responses under /api are sent "private, no-store" (SecurityHeaders): no shared proxy keeps a feed.
    private static Results<ContentHttpResult, ProblemHttpResult> Answer(string? calendar) =>
        calendar is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "There is no calendar at this address. It may have been reset: copy your address again from the page /moeder/kalender.")
            : TypedResults.Text(calendar, MeetingCalendar.ContentType, Encoding.UTF8);
}
