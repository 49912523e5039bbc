using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using Netvaerk.Meetings.Running;

namespace Netvaerk.Meetings.Notes;

/// <summary>One agenda item as the notes page shows it: its phase, the case it works on, when it starts by the plan, and
/// its notes (empty text and revision 0 while none are written). Position −1 is the meeting as a whole.</summary>
public sealed record NoteItem(int Position, string Phase, string? CaseTitle, DateTime? StartUtc, string Text, int Revision, DateTime? UpdatedUtc);

/// <summary>The outcome of a save: Saved with the new revision, or not saved because the notes changed since the writer's
/// revision (<see cref="CurrentText"/> and <see cref="Revision"/> are then the stored ones, for the writer to choose).</summary>
public sealed record NoteSave(bool Saved, int Revision, string CurrentText);

/// <summary>The note-taker's notes per agenda item. Writing freezes the agenda (<see cref="MeetingRunItems.FreezeAsync"/>),
/// so a position keeps meaning the same item. A save names the revision it started from and replaces the text only if
/// that is still the stored one: a stale tab or a second writer never overwrites newer text unnoticed. Callers check
/// <see cref="MeetingAccess"/> first (Read to list, WriteNotes to save).</summary>
public sealed class MeetingNotes(MeetingsDbContext db, MeetingRunItems runItems, TimeProvider clock)
{
    /// <summary>The position of the notes on the meeting as a whole.</summary>
    public const int WholeMeeting = -1;

    /// <summary>The meeting as a whole first, then the agenda (frozen, else as planned now) with each item's notes.</summary>
    public async Task<IReadOnlyList<NoteItem>> ItemsAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var items = await runItems.CurrentAsync(meeting, cancellationToken);
        var notes = await db.InPortalTransactionAsync(() => db.ItemNotes.AsNoTracking().Where(n => n.MeetingId == meeting.Id)
            .ToDictionaryAsync(n => n.Position, cancellationToken), cancellationToken);
        var caseIds = items.Select(i => i.CaseId).OfType<string>().ToList();
        var cases = await db.InPortalTransactionAsync(() => db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken), cancellationToken);

        NoteItem Item(int position, string phase, string? caseId, DateTime? start) => notes.TryGetValue(position, out var note)
            ? new NoteItem(position, phase, caseId is null ? null : cases.GetValueOrDefault(caseId), start, note.Text, note.Revision, note.UpdatedUtc)
            : new NoteItem(position, phase, caseId is null ? null : cases.GetValueOrDefault(caseId), start, "", 0, null);

        var list = new List<NoteItem> { Item(WholeMeeting, "Mødet som helhed", null, null) };
        var start = meeting.StartUtc;
        foreach (var item in items)
        {
            list.Add(Item(item.Position, item.Phase, item.CaseId, item.StartedUtc ?? start));
            start = (item.StartedUtc ?? start).AddMinutes(item.PlannedMinutes + item.ExtraMinutes);
        }

        return list;
    }

    /// <summary>Checks a position a note or decision may refer to (freezing the agenda): −1 or an item of the agenda.</summary>
    public async Task<int> PositionAsync(Meeting meeting, string field, int position, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (position == WholeMeeting)
        {
            return position;
        }

        var items = position >= 0 ? await runItems.FreezeAsync(meeting, cancellationToken) : [];
        return items.Any(i => i.Position == position)
            ? position
            : throw new MeetingInputException(field, "{0} {1} is not an item of the agenda: use -1 for the meeting as a whole, or 0 to {2}.",
                field, position, Math.Max(items.Count - 1, 0));
    }

    /// <summary>Saves the notes of an item if <paramref name="revision"/> is still the stored one (0 for notes not yet written).</summary>
    public async Task<NoteSave> SaveAsync(Meeting meeting, int position, string? text, int revision, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var written = Text(text);
        if (revision < 0)
        {
            throw new MeetingInputException("Revision", "Revision is {0}; send the revision the notes had when you started (0 for new notes).", revision);
        }

        await runItems.FreezeAsync(meeting, cancellationToken);
        await PositionAsync(meeting, "position", position, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            return await db.WriteAsync(() => SaveInTransactionAsync(meeting.Id, position, written, revision, userId, now, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another writer made the first notes of this item at the same moment: theirs stand, this writer chooses.
            db.ChangeTracker.Clear();
            var current = await CurrentAsync(meeting.Id, position, cancellationToken);
            return new NoteSave(current?.Text == written, current?.Revision ?? 0, current?.Text ?? "");
        }
    }

    private async Task<NoteSave> SaveInTransactionAsync(string meetingId, int position, string text, int revision, string userId, DateTime now, CancellationToken cancellationToken)
    {
        var updated = await db.ItemNotes.Where(n => n.MeetingId == meetingId && n.Position == position && n.Revision == revision)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Text, text).SetProperty(x => x.Revision, revision + 1)
                .SetProperty(x => x.UpdatedByUserId, userId).SetProperty(x => x.UpdatedUtc, now), cancellationToken);
        if (updated == 1)
        {
            return new NoteSave(true, revision + 1, text);
        }

        var current = await CurrentAsync(meetingId, position, cancellationToken);
        if (current is null && revision == 0)
        {
            db.ItemNotes.Add(new MeetingItemNote { MeetingId = meetingId, Position = position, Text = text, Revision = 1, UpdatedByUserId = userId, UpdatedUtc = now });
            await db.SaveChangesAsync(cancellationToken);
            return new NoteSave(true, 1, text);
        }

        // The same text saved again (a retry whose answer was lost) is no conflict.
        return current is not null && current.Text == text
            ? new NoteSave(true, current.Revision, text)
            : new NoteSave(false, current?.Revision ?? 0, current?.Text ?? "");
    }

    private Task<MeetingItemNote?> CurrentAsync(string meetingId, int position, CancellationToken cancellationToken) =>
        db.InPortalTransactionAsync(() => db.ItemNotes.AsNoTracking().FirstOrDefaultAsync(n => n.MeetingId == meetingId && n.Position == position, cancellationToken), cancellationToken);

    /// <summary>Notes as typed (line ends made \n, nothing trimmed: the writer may be mid-sentence), within the limit.</summary>
    private static string Text(string? text)
    {
        var written = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        if (written.Length > MeetingItemNoteLimits.TextLength)
        {
            throw new MeetingInputException("Text", "{0} is {1} characters long; at most {2} are allowed. Shorten it.", "Text", written.Length, MeetingItemNoteLimits.TextLength);
        }

        return written.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            ? throw new MeetingInputException("Text", "{0} holds control characters. Send plain text.", "Text")
            : written;
    }
}
