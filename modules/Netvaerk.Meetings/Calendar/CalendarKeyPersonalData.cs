using System.Text.Json.Nodes;
using NetvaerkPortal.PersonalData;

namespace Netvaerk.Meetings.Calendar;

/// <summary>The member's calendar key as personal data: the export says whether they have one and since when (never the
/// key, as with access tokens), and deleting the member deletes it, so their addresses stop working.</summary>
public sealed class CalendarKeyPersonalData(CalendarKeys keys) : IPersonalDataHandler
{
    public async Task ExportAsync(PersonalDataSubject subject, JsonObject export, CancellationToken cancellationToken)
    {
        var created = await keys.CreatedAsync(subject.UserId, cancellationToken);
        export["calendarKey"] = PersonalDataExport.Node(new CalendarKeyData(created is not null, created));
    }

    public Task DeleteAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        keys.DeleteAsync(subject.UserId, cancellationToken);

    public sealed record CalendarKeyData(bool Exists, DateTime? CreatedUtc);
}
