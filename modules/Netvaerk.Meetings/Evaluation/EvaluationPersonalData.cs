using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using NetvaerkPortal.PersonalData;

namespace Netvaerk.Meetings.Evaluation;

/// <summary>The evaluations' share of a member's personal data: which meetings they evaluated, never what they answered
/// (that is not stored with their name, so it cannot be found, exported or deleted). Deleting the member removes the
/// record that they answered; the counters keep their answer without them.</summary>
public sealed class EvaluationPersonalData(MeetingsDbContext db, MeetingEvaluations evaluations) : IPersonalDataHandler
{
    public const string Explanation =
        "Evaluations are anonymous: the portal keeps that you evaluated these meetings, but not what you answered. Your scores only added one to shared counters, and your comment (if any) is kept without your name, so neither can be found again as yours.";

    public async Task ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        export["meetingEvaluations"] = PersonalDataExport.Node(new
        {
            evaluatedMeetings = await evaluations.EvaluatedByAsync(subject.UserId, cancellationToken),
            note = Explanation,
        });
    }

    public Task DeleteAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var id = subject.UserId;
        return db.InPortalTransactionAsync(() => db.EvaluationResponders.Where(r => r.UserId == id).ExecuteDeleteAsync(cancellationToken), cancellationToken);
    }
}
