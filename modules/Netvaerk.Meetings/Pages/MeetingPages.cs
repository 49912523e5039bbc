using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Netvaerk.Meetings.Pages;

/// <summary>The meeting pages (Danish addresses, all behind sign-in). A meeting or network the reader may not see answers
/// 404, as if it did not exist; every form posts here with its antiforgery token ([FromForm] parameters make the
/// endpoint check it) and is answered by a redirect to the page with a status message, or by the page again with the
/// errors beside the fields and the typed values kept.</summary>
public static class MeetingPages
{
    public const string MyMeetings = "/moeder";
    public const string Calendar = "/moeder/kalender";
    public const string Protocols = "/protokoller";

    public static string NetworkPath(string networkId) => $"/moeder/netvaerk/{Uri.EscapeDataString(networkId)}";

    public static string PlanPath(string networkId) => NetworkPath(networkId) + "/planlaeg";

    public static string AttendancePath(string networkId) => NetworkPath(networkId) + "/fremmoede";

    public static string MeetingPath(string meetingId) => $"/moeder/{Uri.EscapeDataString(meetingId)}";

    public static string InvitationPath(string meetingId) => MeetingPath(meetingId) + "/indkaldelse";

    public static string ProtocolPath(string protocolId) => $"{Protocols}/{Uri.EscapeDataString(protocolId)}";

    public static IEndpointRouteBuilder MapMeetingPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/moeder").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("", MyMeetingsPage.ShowAsync);
        pages.MapGet("/netvaerk/{networkId}", NetworkMeetingsPage.ShowAsync);
        pages.MapGet("/netvaerk/{networkId}/planlaeg", PlanMeetingsPage.ShowAsync);
        pages.MapPost("/netvaerk/{networkId}/planlaeg", PlanMeetingsPage.PlanAsync);
        pages.MapGet("/{meetingId}", MeetingPage.ShowAsync);
        pages.MapGet("/{meetingId}/indkaldelse", InvitationPage.ShowAsync);
        pages.MapPost("/{meetingId}/svar", MeetingForms.AnswerAsync);
        pages.MapPost("/{meetingId}/cases", MeetingForms.BringCaseAsync);
        pages.MapPost("/{meetingId}/cases/{caseId}", MeetingForms.EditCaseAsync);
        pages.MapPost("/{meetingId}/cases/{caseId}/traek-tilbage", MeetingForms.WithdrawCaseAsync);
        pages.MapPost("/{meetingId}/dagsorden", MeetingForms.PickCasesAsync);
        pages.MapPost("/{meetingId}/roller", MeetingForms.SetRolesAsync);
        pages.MapPost("/{meetingId}/bytte", MeetingForms.AskToSwapAsync);
        pages.MapPost("/{meetingId}/fremmoede", MeetingForms.RecordAttendanceAsync);
        pages.MapPost("/{meetingId}/flyt", MeetingForms.MoveAsync);
        pages.MapPost("/{meetingId}/aflys", MeetingForms.CancelAsync);
        return routes;
    }

    /// <summary>The tenant's path base, to put before the paths above.</summary>
    public static string PathBase(HttpContext http) => http.Request.PathBase.Value ?? "";

    /// <summary>The address every absolute link in a shape starts with (scheme, host and the tenant's path base).</summary>
    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{PathBase(http)}";

    public static PageForm Form(HttpContext http, string action)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new PageForm(action, tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    /// <summary>Post-redirect-get: back to <paramref name="path"/> (under the tenant) with a status message's code and an anchor.</summary>
    public static IResult Done(HttpContext http, string path, string message, string? anchor = null) =>
        Results.LocalRedirect($"{PathBase(http)}{path}?besked={Uri.EscapeDataString(message)}{(anchor is null ? "" : "#" + anchor)}");
}
