using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Planning;

/// <summary>Reading one meeting by an id from outside: an id that is not content-id shaped is never looked up.</summary>
public static class MeetingLookup
{
    public static Task<Meeting?> FindMeetingAsync(this MeetingsDbContext db, string? meetingId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return ContentIds.IsValid(meetingId)
            ? db.InPortalTransactionAsync(() => db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken), cancellationToken)
            : Task.FromResult<Meeting?>(null);
    }

    public static async Task<Meeting> RequireMeetingAsync(this MeetingsDbContext db, string meetingId, CancellationToken cancellationToken) =>
        await db.FindMeetingAsync(meetingId, cancellationToken) ?? throw new MeetingNotFoundException(meetingId);
}
