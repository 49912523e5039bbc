using System.Globalization;
using System.Text.Encodings.Web;
using Netvaerk.Meetings.Pages;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Display;
using Netvaerk.Networks.Display.Parts;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Notes;

/// <summary>The link back from a knowledge article to the meeting its learning came from ("Fra netværksmødet …"), for
/// the readers who may see that meeting (the network's members, editors and administrators); nothing for anyone else.</summary>
public sealed record MeetingLearningLink(IReadOnlyList<ItemFact> Facts, string Url, string Meeting) : IHasFacts;

public sealed class MeetingLearningDisplay(MeetingLearnings learnings, MeetingAccess access, PageDisplay display) : IPartDisplay
{
    public string Name => MeetingLearningPart.PartName;

    public bool Applies(ContentItem item, DisplayType displayType) =>
        item.ContentType == MeetingLearningPart.ContentType && displayType == DisplayType.Detail;

    public async Task<object?> BuildAsync(PartDisplayContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The learning row, not the part's MeetingId, says where the article came from: the part is editable content.
        if (await learnings.OfArticleAsync(context.Item.ContentItemId, context.CancellationToken) is not { } learning
            || await access.ForMeetingAsync(learning.MeetingId, MeetingRight.Read, context.CancellationToken) is not (MeetingAccessResult.Allowed, { } meeting))
        {
            return null;
        }

        var name = $"{meeting.Theme ?? display.Text["Netværksmøde"].Value} {MeetingDates.ShortDay(MeetingTime.ToLocal(meeting.StartUtc), CultureInfo.CurrentCulture)}";
        var url = context.PathBase + MeetingPages.MeetingPath(meeting.Id);
        var html = $"<a href=\"{HtmlEncoder.Default.Encode(url)}\">{HtmlEncoder.Default.Encode(name)}</a>";
        return new MeetingLearningLink([new ItemFact("Fra netværksmødet", MeetingLearningPart.MeetingId, html)], url, name);
    }
}
