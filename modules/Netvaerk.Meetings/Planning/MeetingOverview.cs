using Netvaerk.Meetings.Data;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Planning;

/// <summary>Everything a meeting's page, its invitation and GET /api/meetings/{id} show (user ids; names via <see cref="MeetingPeople"/>).</summary>
/// <param name="Protocol">The protocol content item, when the network may (still) use it.</param>
/// <param name="OpenActions">The network's open action items (from this and earlier meetings).</param>
public sealed record MeetingView(
    Meeting Meeting,
    ContentItem? Protocol,
    EffectiveRoles Roles,
    IReadOnlyList<MeetingRsvp> Rsvps,
    IReadOnlyList<MeetingCase> Cases,
    IReadOnlyList<MeetingAction> OpenActions,
    IReadOnlyList<RoleSwapRequest> SwapRequests,
    IReadOnlyList<string> Present,
    Agenda Agenda);

/// <summary>Reads a meeting with its roles, answers, cases, open actions and agenda. Callers check Read first.</summary>
public sealed class MeetingOverview(NetworkFacts facts, MeetingRoster roster, MeetingResponses responses, CaseIntake cases, MeetingActions actions, MeetingAgenda agenda)
{
    public async Task<MeetingView> ForMeetingAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new MeetingView(
            meeting,
            await facts.ProtocolAsync(meeting.NetworkContentItemId, meeting.ProtocolContentItemId, cancellationToken),
            await roster.ForMeetingAsync(meeting, cancellationToken),
            await responses.RsvpsAsync(meeting.Id, cancellationToken),
            await cases.ListAsync(meeting.Id, cancellationToken),
            (await actions.OpenAsync(meeting.NetworkContentItemId, cancellationToken)).Where(a => a.CreatedUtc <= meeting.StartUtc || a.MeetingId == meeting.Id).ToList(),
            await roster.OpenSwapsAsync(meeting.Id, cancellationToken),
            await responses.PresentAsync(meeting.Id, cancellationToken),
            await agenda.ForMeetingAsync(meeting, cancellationToken));
    }
}
