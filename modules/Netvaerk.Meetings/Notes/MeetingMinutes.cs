using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Pages;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using Netvaerk.Networks.Writing;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Meetings.Notes;

/// <summary>»Gem referatet som mødenotat«: the notes, decisions and actions of a meeting gathered into one published
/// MeetingNote of its network (visibility Network, MeetingNotePart.MeetingDate the meeting's date), so the network can
/// search them. Saving again updates the same item: its id is derived from the meeting's. Written through
/// <see cref="ContentWrites"/> (versions, audit, indexing); callers check WriteNotes first.</summary>
public sealed class MeetingMinutes(ContentManager content, ContentWrites writes, MeetingNotes notes, MeetingDecisions decisions, MeetingActions actions, MeetingPeople people)
{
    /// <summary>The minutes' content item id for a meeting: the same every time, in the shape of a content id.</summary>
    public static string IdOf(string meetingId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("meeting-minutes:" + meetingId)))[..ContentIds.Length];

    /// <summary>The minutes as stored (latest version), if they exist and are this meeting's network's meeting note.</summary>
    public async Task<ContentItem?> FindAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var item = await content.GetAsync(IdOf(meeting.Id), VersionOptions.Latest, cancellationToken);
        return item is { ContentType: NetworkContentTypes.MeetingNote } && NetworkItems.NetworkOf(item) == meeting.NetworkContentItemId ? item : null;
    }

    public async Task<WriteOutcome> SaveAsync(ReaderAccess access, Meeting meeting, string title, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(meeting);
        var item = await content.NewAsync(NetworkContentTypes.MeetingNote, cancellationToken);
        item.ContentItemId = IdOf(meeting.Id);
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = await MarkdownAsync(meeting, cancellationToken);
        item.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = meeting.NetworkContentItemId;
        item.GetOrCreatePart("VisibilityPart")["Visibility"] = Visibility.Network;
        item.GetOrCreatePart("MeetingNotePart")["MeetingDate"] = MeetingTime.ToLocal(meeting.StartUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        item.Published = true;
        if (await FindAsync(meeting, cancellationToken) is not { } existing)
        {
            return await writes.CreateAsync(access, item, cancellationToken);
        }

        var (latest, refusal) = await writes.EditableAsync(access, existing.ContentItemId, cancellationToken);
        if (latest is null)
        {
            return refusal == WriteRefusal.Forbidden ? WriteOutcome.Forbidden : WriteOutcome.NotFound;
        }

        // Keep what an editor added to the note (its path, tags) and replace what the minutes are made of.
        var updated = latest.Clone();
        foreach (var part in new[] { "TitlePart", "MarkdownBodyPart", "MeetingNotePart" })
        {
            updated.Parts[part] = item.Parts[part]!.DeepClone();
        }

        updated.Published = true;
        return await writes.UpdateAsync(access, latest, updated, cancellationToken);
    }

    /// <summary>The minutes in Markdown: the notes per item (those with text), the decisions, the actions.</summary>
    private async Task<string> MarkdownAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.GetCultureInfo("da-DK");
        var items = await notes.ItemsAsync(meeting, cancellationToken);
        var text = new StringBuilder();
        text.Append("## Noter\n\n");
        foreach (var item in items.Where(i => i.Text.Trim().Length > 0))
        {
            var clock = item.StartUtc is { } start ? MeetingDates.Clock(MeetingTime.ToLocal(start), culture) + " " : "";
            text.Append(CultureInfo.InvariantCulture, $"### {clock}{item.Phase}{(item.CaseTitle is null ? "" : ": " + item.CaseTitle)}\n\n{item.Text.Trim()}\n\n");
        }

        var decided = await decisions.ListAsync(meeting.Id, cancellationToken);
        if (decided.Count > 0)
        {
            text.Append("## Beslutninger\n\n");
            foreach (var decision in decided)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {decision.Text.ReplaceLineEndings(" ")}\n");
            }

            text.Append('\n');
        }

        var agreed = await actions.OfMeetingAsync(meeting.Id, cancellationToken);
        if (agreed.Count > 0)
        {
            var names = await people.NamesAsync(agreed.Select(a => a.OwnerUserId), cancellationToken);
            text.Append("## Opgaver\n\n");
            foreach (var action in agreed)
            {
                var owner = action.OwnerUserId is null ? "" : $" – ansvarlig: {names.GetValueOrDefault(action.OwnerUserId, "?")}";
                var due = action.Due is { } date ? $", frist {date.ToDateTime(TimeOnly.MinValue).ToString("d. MMMM yyyy", culture)}" : "";
                text.Append(CultureInfo.InvariantCulture, $"- {action.Text.ReplaceLineEndings(" ")}{owner}{due}{(action.Done ? " (udført)" : "")}\n");
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }
}
