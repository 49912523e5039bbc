using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Pages;
using Netvaerk.Meetings.Planning;

namespace Netvaerk.Meetings.Evaluation;

/// <summary>The meeting page's link to the evaluation, from the meeting's start (not for a cancelled meeting); the
/// primary button for an attendee who has not answered yet.</summary>
public sealed class EvaluationTool(MeetingAccess access, MeetingEvaluations evaluations, TimeProvider clock) : IMeetingTool
{
    public int Position => 30;

    public async Task<MeetingToolLink?> LinkAsync(Meeting meeting, string meetingUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Cancelled || meeting.StartUtc > clock.GetUtcNow().UtcDateTime)
        {
            return null;
        }

        var url = meetingUrl + "/evaluering";
        var userId = (await access.ReaderAsync(cancellationToken)).UserId;
        var mayAnswer = userId is not null
            && (await access.ForMeetingAsync(meeting.Id, MeetingRight.Evaluate, cancellationToken)).Decision == MeetingAccessResult.Allowed
            && await evaluations.RefusalAsync(meeting, userId, cancellationToken) is null;
        return mayAnswer
            ? new MeetingToolLink("Evaluering", url, "Giv din anonyme evaluering af mødet", Primary: true)
            : new MeetingToolLink("Evaluering", url);
    }
}
