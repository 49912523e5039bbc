using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Planning;

/// <summary>Cases members bring to a meeting, and the meeting leader's choice of which go on the agenda, in which order.
/// Callers check <see cref="MeetingAccess"/> first: Respond to bring a case, ownership (ForCaseAsync) to edit or
/// withdraw one, PickCases to choose.</summary>
public sealed class CaseIntake(MeetingsDbContext db, TimeProvider clock)
{
    /// <summary>The meeting's cases: the selected ones in agenda order first, then the others by priority and age.</summary>
    public async Task<IReadOnlyList<MeetingCase>> ListAsync(string meetingId, CancellationToken cancellationToken = default) =>
        await db.InPortalTransactionAsync(() => db.Cases.AsNoTracking()
            .Where(c => c.MeetingId == meetingId)
            .OrderByDescending(c => c.Selected).ThenBy(c => c.Selected ? c.Position : c.Priority).ThenBy(c => c.CreatedUtc).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken), cancellationToken);

    public Task<MeetingCase?> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        ContentIds.IsValid(caseId)
            ? db.InPortalTransactionAsync(() => db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken), cancellationToken)
            : Task.FromResult<MeetingCase?>(null);

    /// <summary>Brings a case to a meeting that is neither cancelled nor started; it must fit in the meeting.</summary>
    public async Task<MeetingCase> BringAsync(string meetingId, string userId, BringCase input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var meeting = await OpenMeetingAsync(meetingId, cancellationToken);
        var item = new MeetingCase
        {
            Id = ContentIds.New(),
            MeetingId = meetingId,
            UserId = userId,
            Title = "",
            KeyQuestion = "",
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        Apply(item, input, meeting);
        return await db.WriteAsync(async () =>
        {
            db.Cases.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            return item;
        }, cancellationToken);
    }

    /// <summary>Changes a case (its owner does, while the meeting is open); the choice and order stay.</summary>
    public async Task<MeetingCase> EditAsync(string caseId, BringCase input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = await GetAsync(caseId, cancellationToken) ?? throw new MeetingInputException("caseId", "There is no case '{0}'.", MeetingPlanner.Shorten(caseId));
        var meeting = await OpenMeetingAsync(current.MeetingId, cancellationToken);
        return await db.WriteAsync(async () =>
        {
            var item = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
            Apply(item, input, meeting);
            await db.SaveChangesAsync(cancellationToken);
            return item;
        }, cancellationToken);
    }

    /// <summary>Withdraws a case (removes it, also from the agenda); false if there was none.</summary>
    public Task<bool> WithdrawAsync(string caseId, CancellationToken cancellationToken = default) =>
        ContentIds.IsValid(caseId)
            ? db.WriteAsync(async () => await db.Cases.Where(c => c.Id == caseId).ExecuteDeleteAsync(cancellationToken) > 0, cancellationToken)
            : Task.FromResult(false);

    /// <summary>The meeting leader's choice: exactly these cases go on the agenda, in this order; the others come off.
    /// Each id must be a case of this meeting (field "Selected").</summary>
    public async Task<IReadOnlyList<MeetingCase>> SelectAsync(string meetingId, IReadOnlyList<string> caseIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var meeting = await db.RequireMeetingAsync(meetingId, cancellationToken);
        if (meeting.Cancelled)
        {
            throw new MeetingInputException("Selected", "The meeting was cancelled; no cases go on its agenda.");
        }

        if (caseIds.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new MeetingInputException("Selected", "The case '{0}' is chosen twice. Name each case once.", MeetingPlanner.Shorten(twice.Key));
        }

        return await db.WriteAsync(async () =>
        {
            var cases = await db.Cases.Where(c => c.MeetingId == meetingId).ToListAsync(cancellationToken);
            if (caseIds.FirstOrDefault(id => cases.All(c => c.Id != id)) is { } unknown)
            {
                throw new MeetingInputException("Selected", "'{0}' is not a case brought to this meeting. Choose among the meeting's cases.", MeetingPlanner.Shorten(unknown));
            }

            var positions = caseIds.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index, StringComparer.Ordinal);
            foreach (var item in cases)
            {
                item.Selected = positions.TryGetValue(item.Id, out var position);
                item.Position = position;
            }

            await db.SaveChangesAsync(cancellationToken);
            return (IReadOnlyList<MeetingCase>)cases.Where(c => c.Selected).OrderBy(c => c.Position).ToList();
        }, cancellationToken);
    }

    private static void Apply(MeetingCase item, BringCase input, Meeting meeting)
    {
        item.Title = MeetingInput.Required("Title", input.Title, MeetingInput.CaseTitleLength);
        item.KeyQuestion = MeetingInput.Required("KeyQuestion", input.KeyQuestion, MeetingInput.KeyQuestionLength);
        item.WantFromGroup = MeetingInput.Text("WantFromGroup", input.WantFromGroup, MeetingInput.WantLength);
        if (input.MinutesNeeded > meeting.DurationMinutes)
        {
            throw new MeetingInputException("MinutesNeeded", "MinutesNeeded is {0}, longer than the meeting ({1} minutes). Ask for at most {1} minutes.", input.MinutesNeeded, meeting.DurationMinutes);
        }

        item.MinutesNeeded = MeetingInput.Range("MinutesNeeded", input.MinutesNeeded, 1, meeting.DurationMinutes);
        item.Priority = MeetingInput.Range("Priority", input.Priority, 1, 3);
    }

    /// <summary>The meeting, if it still takes cases: not cancelled and not started.</summary>
    private async Task<Meeting> OpenMeetingAsync(string meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.RequireMeetingAsync(meetingId, cancellationToken);
        if (meeting.Cancelled)
        {
            throw new MeetingInputException("meetingId", "The meeting was cancelled; it takes no cases.");
        }

        if (meeting.StartUtc <= clock.GetUtcNow().UtcDateTime)
        {
            throw new MeetingInputException("meetingId", "The meeting has already started; it takes no more cases. Bring the case to the next meeting.");
        }

        return meeting;
    }
}
