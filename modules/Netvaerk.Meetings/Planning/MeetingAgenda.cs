using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Protocols;

namespace Netvaerk.Meetings.Planning;

/// <summary>The agenda of a stored meeting: its protocol's phases (if the network may still use the protocol) and its
/// selected cases, through <see cref="AgendaPlanner"/>.</summary>
public sealed class MeetingAgenda(NetworkFacts facts, CaseIntake cases)
{
    public async Task<Agenda> ForMeetingAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var protocol = await facts.ProtocolAsync(meeting.NetworkContentItemId, meeting.ProtocolContentItemId, cancellationToken);
        var selected = (await cases.ListAsync(meeting.Id, cancellationToken)).Where(c => c.Selected)
            .Select(c => new AgendaCase(c.Id, c.Title, c.MinutesNeeded)).ToList();
        return AgendaPlanner.Plan(MeetingTime.ToLocal(meeting.StartUtc), meeting.DurationMinutes, protocol is null ? null : ProtocolPart.Phases(protocol), selected);
    }
}
