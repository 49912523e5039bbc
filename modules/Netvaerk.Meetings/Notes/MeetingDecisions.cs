using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Notes;

/// <summary>Decisions recorded at a meeting, each optionally on one agenda item. Callers check <see cref="MeetingAccess"/>
/// first (Read to list; WriteNotes on the decision's meeting to add or delete).</summary>
public sealed class MeetingDecisions(MeetingsDbContext db, MeetingNotes notes, TimeProvider clock)
{
    /// <summary>Characters of one decision.</summary>
    public const int TextLength = 2000;

    public async Task<IReadOnlyList<MeetingDecision>> ListAsync(string meetingId, CancellationToken cancellationToken = default) =>
        await db.InPortalTransactionAsync(() => db.Decisions.AsNoTracking().Where(d => d.MeetingId == meetingId)
            .OrderBy(d => d.CreatedUtc).ThenBy(d => d.Id).ToListAsync(cancellationToken), cancellationToken);

    public Task<MeetingDecision?> FindAsync(string decisionId, CancellationToken cancellationToken = default) =>
        ContentIds.IsValid(decisionId)
            ? db.InPortalTransactionAsync(() => db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId, cancellationToken), cancellationToken)
            : Task.FromResult<MeetingDecision?>(null);

    /// <summary>Records a decision: Text required; Position (optional) an item of the agenda or −1.</summary>
    public async Task<MeetingDecision> AddAsync(Meeting meeting, string? text, int? position, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var what = MeetingInput.Required("Text", text, TextLength);
        var at = position is { } p ? await notes.PositionAsync(meeting, "Position", p, cancellationToken) : (int?)null;
        var decision = new MeetingDecision
        {
            Id = ContentIds.New(),
            MeetingId = meeting.Id,
            Position = at == MeetingNotes.WholeMeeting ? null : at,
            Text = what,
            CreatedByUserId = userId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        return await db.WriteAsync(async () =>
        {
            db.Decisions.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            return decision;
        }, cancellationToken);
    }

    public async Task DeleteAsync(string decisionId, CancellationToken cancellationToken = default) =>
        await db.WriteAsync(() => db.Decisions.Where(d => d.Id == decisionId).ExecuteDeleteAsync(cancellationToken), cancellationToken);
}
