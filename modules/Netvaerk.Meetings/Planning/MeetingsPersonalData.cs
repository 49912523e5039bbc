using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using NetvaerkPortal.PersonalData;

namespace Netvaerk.Meetings.Planning;

/// <summary>The meetings' share of a member's personal data: the cases they brought, their answers, the roles set for
/// them, their attendance and swap requests (exported, and deleted with the member); actions they owned stay with the
/// network without an owner.</summary>
public sealed class MeetingsPersonalData(MeetingsDbContext db) : IPersonalDataHandler
{
    public async Task ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(export);
        var id = subject.UserId;
        var data = await db.InPortalTransactionAsync(async () => new
        {
            cases = await db.Cases.AsNoTracking().Where(c => c.UserId == id)
                .Select(c => new { c.MeetingId, c.Title, c.KeyQuestion, c.WantFromGroup, c.MinutesNeeded, c.Priority, c.Selected, c.CreatedUtc }).ToListAsync(cancellationToken),
            answers = await db.Rsvps.AsNoTracking().Where(r => r.UserId == id)
                .Select(r => new { r.MeetingId, r.Attending, r.Reason, r.AnsweredUtc }).ToListAsync(cancellationToken),
            roles = await db.Roles.AsNoTracking().Where(r => r.UserId == id).Select(r => new { r.MeetingId, r.Role }).ToListAsync(cancellationToken),
            attendance = await db.Attendance.AsNoTracking().Where(a => a.UserId == id).Select(a => a.MeetingId).ToListAsync(cancellationToken),
            swapRequests = await db.SwapRequests.AsNoTracking().Where(s => s.UserId == id)
                .Select(s => new { s.MeetingId, s.Role, s.Note, s.CreatedUtc, s.ResolvedUtc }).ToListAsync(cancellationToken),
            actions = await db.Actions.AsNoTracking().Where(a => a.OwnerUserId == id)
                .Select(a => new { a.MeetingId, a.Text, a.Due, a.Done }).ToListAsync(cancellationToken),
        }, cancellationToken);
        export["meetings"] = PersonalDataExport.Node(data);
    }

    public Task DeleteAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var id = subject.UserId;
        return db.InPortalTransactionAsync(async () =>
        {
            await db.Cases.Where(c => c.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Rsvps.Where(r => r.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Roles.Where(r => r.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Attendance.Where(a => a.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.SwapRequests.Where(s => s.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Actions.Where(a => a.OwnerUserId == id).ExecuteUpdateAsync(a => a.SetProperty(x => x.OwnerUserId, (string?)null), cancellationToken);
        }, cancellationToken);
    }
}
