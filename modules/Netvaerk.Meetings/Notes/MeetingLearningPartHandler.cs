using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace Netvaerk.Meetings.Notes;

/// <summary>Keeps a learning from a meeting inside its network until it is anonymised: publishing an article that came
/// from a meeting (its <see cref="MeetingLearningPart"/> names one, or a <see cref="MeetingLearning"/> points at it) with
/// a visibility wider than Network is refused, naming the first unticked box of the checklist. Drafts may be saved
/// as they are, so the editor can work on the text before choosing the visibility.</summary>
public sealed class MeetingLearningPartHandler(MeetingsDbContext meetings) : IContentHandler
{
    public async Task ValidateAsync(ContentItem item, ContentTypeDefinition type, PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ContentType != MeetingLearningPart.ContentType || !item.Published || !Wider(item.Text("VisibilityPart", "Visibility")))
        {
            return;
        }

        var fromMeeting = !string.IsNullOrEmpty(MeetingLearningPart.MeetingOf(item))
            || await meetings.InPortalTransactionAsync(() => meetings.Learnings.AnyAsync(l => l.ArticleContentItemId == item.ContentItemId, cancellationToken), cancellationToken);
        if (fromMeeting && MeetingLearningPart.FirstUnticked(item) is { } unticked)
        {
            throw new ContentValidationException(item.ContentItemId, $"{MeetingLearningPart.PartName}.{unticked}",
                "This learning comes from a network meeting: before it is published wider than the network, remove names, workplaces and citizens from the text and tick all three boxes of the anonymisation checklist ({0} is not ticked). Or publish it for the network only.",
                unticked);
        }
    }

    private static bool Wider(string? visibility) =>
        string.Equals(visibility, Visibility.Tenant, StringComparison.OrdinalIgnoreCase) || string.Equals(visibility, Visibility.Public, StringComparison.OrdinalIgnoreCase);
}
