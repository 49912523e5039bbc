using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Planning;

/// <summary>Action items agreed at a meeting; open ones show in the next invitation until done. Callers check
/// <see cref="MeetingAccess"/> first (WriteActions on the meeting; ForActionAsync for marking one done).</summary>
public sealed class MeetingActions(MeetingsDbContext db, NetworkMembers members, TimeProvider clock)
{
    /// <summary>The network's open actions, oldest first.</summary>
    public async Task<IReadOnlyList<MeetingAction>> OpenAsync(string networkId, CancellationToken cancellationToken = default) =>
        await db.InPortalTransactionAsync(() => db.Actions.AsNoTracking().Where(a => a.NetworkContentItemId == networkId && !a.Done)
            .OrderBy(a => a.CreatedUtc).ThenBy(a => a.Id).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>The actions agreed at the meeting, done or not.</summary>
    public async Task<IReadOnlyList<MeetingAction>> OfMeetingAsync(string meetingId, CancellationToken cancellationToken = default) =>
        await db.InPortalTransactionAsync(() => db.Actions.AsNoTracking().Where(a => a.MeetingId == meetingId)
            .OrderBy(a => a.CreatedUtc).ThenBy(a => a.Id).ToListAsync(cancellationToken), cancellationToken);

    public Task<MeetingAction?> GetAsync(string actionId, CancellationToken cancellationToken = default) =>
        ContentIds.IsValid(actionId)
            ? db.InPortalTransactionAsync(() => db.Actions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken), cancellationToken)
            : Task.FromResult<MeetingAction?>(null);

    /// <summary>Adds an action: Text required; Owner (optional) a member of the network; Due an optional date.</summary>
    public async Task<MeetingAction> AddAsync(string meetingId, string? text, string? ownerUserId, DateOnly? due, CancellationToken cancellationToken = default)
    {
        var meeting = await db.RequireMeetingAsync(meetingId, cancellationToken);
        var what = MeetingInput.Required("Text", text, MeetingInput.ActionLength);
        if (ownerUserId is not null && !(await members.ListAsync(meeting.NetworkContentItemId, cancellationToken)).Any(m => m.UserId == ownerUserId))
        {
            throw new MeetingInputException("Owner", "Owner is not a member of this network. Give the action to one of the network's members.");
        }

        var action = new MeetingAction
        {
            Id = ContentIds.New(),
            MeetingId = meetingId,
            NetworkContentItemId = meeting.NetworkContentItemId,
            Text = what,
            OwnerUserId = ownerUserId,
            Due = due,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        return await db.WriteAsync(async () =>
        {
            db.Actions.Add(action);
            await db.SaveChangesAsync(cancellationToken);
            return action;
        }, cancellationToken);
    }

    /// <summary>Marks an action done or open again.</summary>
    public async Task<MeetingAction> SetDoneAsync(string actionId, bool done, CancellationToken cancellationToken = default) =>
        await db.WriteAsync(async () =>
        {
            var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken)
                ?? throw new MeetingInputException("actionId", "There is no action '{0}'.", MeetingPlanner.Shorten(actionId));
            if (action.Done != done)
            {
                action.Done = done;
                action.DoneUtc = done ? clock.GetUtcNow().UtcDateTime : null;
                await db.SaveChangesAsync(cancellationToken);
            }

            return action;
        }, cancellationToken);
}
