using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;

namespace Netvaerk.Meetings.Running;

/// <summary>The network's open action items from its earlier meetings, which the next meeting looks at in its first
/// phase until they are closed (Parabol's users' wish: "tasks get created but do not get much attention after that").
/// Callers check Read on the meeting first.</summary>
public sealed class CarriedActions(MeetingsDbContext db)
{
    /// <summary>Open actions of meetings of the same network that started before this one, oldest due first (no due last).</summary>
    public async Task<IReadOnlyList<MeetingAction>> ForMeetingAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var open = await db.InPortalTransactionAsync(() =>
            (from action in db.Actions.AsNoTracking()
             join earlier in db.Meetings.AsNoTracking() on action.MeetingId equals earlier.Id
             where action.NetworkContentItemId == meeting.NetworkContentItemId && !action.Done && action.MeetingId != meeting.Id
                 && earlier.StartUtc < meeting.StartUtc
             select action).ToListAsync(cancellationToken), cancellationToken);
        return open.OrderBy(a => a.Due is null).ThenBy(a => a.Due).ThenBy(a => a.CreatedUtc).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
    }
}
