using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Pages;

namespace Netvaerk.Meetings.Running;

/// <summary>"Afvikling" on the meeting page for every reader of the meeting (the page already checked Read): the
/// primary button while the meeting runs, from half an hour before its start until it has ended.</summary>
public sealed class RunSheetTool(MeetingRun run) : IMeetingTool
{
    public static readonly TimeSpan PrimaryBefore = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan ForgottenAfter = TimeSpan.FromHours(6);

    public int Position => 10;

    public async Task<MeetingToolLink?> LinkAsync(Meeting meeting, string meetingUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Cancelled)
        {
            return null;
        }

        var (state, _, now) = await run.StateAsync(meeting, cancellationToken);
        // A meeting nobody ended stops counting as live some hours after its planned end.
        var live = (state.Phase == RunPhase.Running && now < meeting.StartUtc.AddMinutes(meeting.DurationMinutes) + ForgottenAfter)
            || (state.Phase == RunPhase.Before && now >= meeting.StartUtc - PrimaryBefore);
        return new MeetingToolLink("Afvikling", meetingUrl + "/afvikling",
            live ? "Følg mødet fase for fase – nedtællingen kører." : state.Phase == RunPhase.Ended ? "Se dagsordenen med den tid, I brugte." : null,
            live);
    }
}
