using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Pages;
using Netvaerk.Meetings.Planning;

namespace Netvaerk.Meetings.Notes;

/// <summary>"Noter og beslutninger" on the meeting page: for every reader once the meeting has started or has notes,
/// and from the start for those who write them; the main button for the meeting's note-taker.</summary>
public sealed class NotesMeetingTool(MeetingAccess access, MeetingRoster roster, MeetingsDbContext db, TimeProvider clock) : IMeetingTool
{
    public int Position => 20;

    public async Task<MeetingToolLink?> LinkAsync(Meeting meeting, string meetingUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var writes = (await access.ForMeetingAsync(meeting.Id, MeetingRight.WriteNotes, cancellationToken)).Decision == MeetingAccessResult.Allowed;
        var started = meeting.StartUtc <= clock.GetUtcNow().UtcDateTime;
        if (!writes && !started && !await HasNotesAsync(meeting.Id, cancellationToken))
        {
            return null;
        }

        var readerId = (await access.ReaderAsync(cancellationToken)).UserId;
        var noteTaker = readerId is not null && (await roster.ForMeetingAsync(meeting, cancellationToken)).Roles.NoteTaker == readerId;
        return new MeetingToolLink("Noter og beslutninger", meetingUrl + "/noter",
            writes ? "Skriv noter, beslutninger og opgaver – de gemmes, mens du skriver." : null, Primary: noteTaker);
    }

    private Task<bool> HasNotesAsync(string meetingId, CancellationToken cancellationToken) =>
        db.InPortalTransactionAsync(() => db.ItemNotes.AnyAsync(n => n.MeetingId == meetingId, cancellationToken), cancellationToken);
}
