using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;

namespace Netvaerk.Meetings.Recipes;

/// <summary>The recipe's one direct write: the time a held meeting's agenda items took. The run-sheet records it live,
/// one click at a time; a recipe tells the history at once. Everything else the recipe does goes through the module's
/// services. The write joins the recipe's transaction.</summary>
internal sealed class HeldMeetingTimes(MeetingsDbContext db)
{
    /// <summary>Marks the frozen items as run: each started when the one before ended, and took its minutes.</summary>
    public Task RecordTimeSpentAsync(string meetingId, DateTime startUtc, IReadOnlyList<int> minutes, CancellationToken cancellationToken) =>
        db.WriteAsync(async () =>
        {
            var items = await db.RunItems.Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).ToListAsync(cancellationToken);
            var clock = startUtc;
            foreach (var (item, spent) in items.Zip(minutes))
            {
                item.StartedUtc = clock;
                clock = clock.AddMinutes(spent);
                item.EndedUtc = clock;
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
}
