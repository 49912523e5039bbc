using System.Text;
using Microsoft.AspNetCore.Http;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Pages;

/// <summary>The page around the invitation: a way back and the print link; <see cref="Body"/> is the rendered shape.</summary>
public sealed record InvitationPageModel(string Title, string MeetingUrl, string PrintUrl, string StylesheetUrl, string Body);

/// <summary>/moeder/{meetingId}/indkaldelse: the invitation in the site's layout; with <c>?udskrift=1</c> the same shape in
/// a bare document (no header, menus or footer) to print. Readers of the meeting only; 404 for anyone else.</summary>
public static class InvitationPage
{
    public static async Task<IResult> ShowAsync(string meetingId, HttpContext http, MeetingAccess access, InvitationShape invitation, PageDisplay display,
        CancellationToken cancellationToken)
    {
        if (await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken) is not (MeetingAccessResult.Allowed, { } meeting))
        {
            return Results.NotFound();
        }

        var shape = await invitation.BuildAsync(meeting, MeetingPages.BaseUrl(http), cancellationToken);
        var pathBase = MeetingPages.PathBase(http);
        var path = pathBase + MeetingPages.InvitationPath(meeting.Id);
        var title = $"{display.Text["Indkaldelse"]}: {shape.Theme ?? shape.NetworkTitle} – {shape.When}";
        var model = new InvitationPageModel(title, pathBase + MeetingPages.MeetingPath(meeting.Id), path + "?udskrift=1",
            $"{pathBase}/{Manifest.Id}/css/meetings.css", await invitation.RenderAsync(shape, cancellationToken));
        if (http.Request.Query["udskrift"] == "1")
        {
            return Results.Content(await display.ShapeAsync(["InvitationPrint"], model, cancellationToken: cancellationToken), "text/html; charset=utf-8", Encoding.UTF8);
        }

        return await display.PageAsync(["InvitationPage"], model, new PageOptions(title), cancellationToken);
    }
}
