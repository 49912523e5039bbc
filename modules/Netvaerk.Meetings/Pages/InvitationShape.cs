using System.Globalization;
using Microsoft.Extensions.Localization;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Pages;

/// <summary>What the "Invitation" template shows: everything is in here, links absolute, so the shape renders the same
/// on the page, on paper and in an e-mail (it reads nothing from a request).</summary>
public sealed record InvitationModel(
    string NetworkTitle,
    string MeetingUrl,
    string When,
    string Duration,
    string? Place,
    string? OnlineUrl,
    string? ProtocolName,
    string? Theme,
    string? Purpose,
    string? DesiredEffect,
    string? Practicalities,
    bool Cancelled,
    string? CancelledReason,
    AgendaView Agenda,
    IReadOnlyList<RoleLine> Roles,
    IReadOnlyList<InvitationCase> Cases,
    IReadOnlyList<ActionLine> OpenActions);

public sealed record InvitationCase(string Title, string KeyQuestion, string? WantFromGroup, string BroughtBy);

/// <summary>The invitation (indkaldelse) of a meeting as one named shape, <c>Invitation</c>: built from the meeting's
/// view (<see cref="MeetingOverview"/>) and rendered through <see cref="PageDisplay.ShapeAsync"/>, so a later sender
/// of e-mail renders it the same way with its own <paramref name="baseUrl"/>.</summary>
public sealed class InvitationShape(MeetingOverview overview, MeetingPeople people, ContentManager content, PageDisplay display, TimeProvider clock)
{
    public const string TemplateName = "Invitation";

    /// <param name="baseUrl">Scheme, host and the tenant's path base, e.g. https://portal.example.dk/nyborg.</param>
    public async Task<InvitationModel> BuildAsync(Data.Meeting meeting, string baseUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var view = await overview.ForMeetingAsync(meeting, cancellationToken);
        var names = await people.NamesAsync(MeetingShapes.People(view), cancellationToken);
        var network = await content.GetAsync(meeting.NetworkContentItemId, VersionOptions.Latest, cancellationToken);
        var culture = CultureInfo.CurrentCulture;
        IStringLocalizer text = display.Text;
        var chosen = view.Cases.Where(c => c.Selected).OrderBy(c => c.Position).ToList();
        var today = DateOnly.FromDateTime(MeetingTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        return new InvitationModel(
            network?.DisplayText ?? "",
            baseUrl + MeetingPages.MeetingPath(meeting.Id),
            MeetingDates.When(MeetingTime.ToLocal(meeting.StartUtc), meeting.DurationMinutes, culture),
            MeetingDates.Duration(meeting.DurationMinutes, text),
            meeting.Place,
            meeting.OnlineUrl,
            view.Protocol?.DisplayText,
            meeting.Theme,
            meeting.Purpose,
            meeting.DesiredEffect,
            meeting.Practicalities,
            meeting.Cancelled,
            meeting.CancelledReason,
            MeetingShapes.Agenda(view.Agenda, chosen, names, culture),
            MeetingShapes.Roles(view.Roles, names, readerId: null, view.SwapRequests),
            chosen.Select(c => new InvitationCase(c.Title, c.KeyQuestion, c.WantFromGroup, names.GetValueOrDefault(c.UserId, "?"))).ToList(),
            MeetingShapes.Actions(view.OpenActions, names, today, culture));
    }

    /// <summary>The invitation as HTML (the shape alone, without the page around it).</summary>
    public Task<string> RenderAsync(InvitationModel model, CancellationToken cancellationToken = default) =>
        display.ShapeAsync([TemplateName], model, cancellationToken: cancellationToken);
}
