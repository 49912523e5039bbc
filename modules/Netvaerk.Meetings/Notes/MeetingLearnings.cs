using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using Netvaerk.Networks.Writing;
using NetvaerkPortal.Content;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Meetings.Notes;

/// <summary>A learning of the meeting as the notes page lists it: the article's latest title, whether a version is
/// published, and where the reader can go (the editor for those who may change it, else the published page).</summary>
public sealed record LearningLine(string Id, string ArticleId, string Title, bool Published, string? EditPath, string? PagePath);

/// <summary>Promotes a learning from a meeting to a knowledge article: a draft of the meeting's network, visible to its
/// members only, owned by the writer, carrying <see cref="MeetingLearningPart"/> (the meeting, the checklist unticked),
/// stored through the site's one write path (<see cref="ContentWrites"/>: versions, audit, indexing) together with the
/// <see cref="MeetingLearning"/> row, in one transaction. Callers check WriteNotes first.</summary>
public sealed class MeetingLearnings(MeetingsDbContext db, ContentManager content, ContentWrites writes, TimeProvider clock,
    IMemoryCache cache, TenantContext tenant, IndexingSignal signal)
{
    public const int TitleLength = 200;
    public const int TextLength = 20_000;

    public async Task<WriteOutcome> PromoteAsync(ReaderAccess access, Meeting meeting, string? title, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(meeting);
        var heading = MeetingInput.Required("Title", title, TitleLength);
        var body = MeetingInput.Required("Text", text, TextLength);
        var article = await content.NewAsync(MeetingLearningPart.ContentType, cancellationToken);
        article.GetOrCreatePart("TitlePart")["Title"] = heading;
        article.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = body;
        article.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = meeting.NetworkContentItemId;
        article.GetOrCreatePart("VisibilityPart")["Visibility"] = Visibility.Network;
        var part = article.GetOrCreatePart(MeetingLearningPart.PartName);
        part[MeetingLearningPart.MeetingId] = meeting.Id;
        foreach (var (field, _) in MeetingLearningPart.Checklist)
        {
            part[field] = false;
        }

        article.Published = false;
        return await db.WriteAsync(async () =>
        {
            var outcome = await writes.CreateAsync(access, article, cancellationToken);
            if (outcome.Succeeded)
            {
                db.Learnings.Add(new MeetingLearning
                {
                    Id = ContentIds.New(),
                    MeetingId = meeting.Id,
                    ArticleContentItemId = outcome.Saved!.ContentItemId,
                    CreatedByUserId = access.UserId!,
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            return outcome;
        }, cancellationToken);
    }

    /// <summary>The meeting's learnings whose article still exists, oldest first.</summary>
    public async Task<IReadOnlyList<LearningLine>> ListAsync(ReaderAccess access, string meetingId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        var learnings = await db.InPortalTransactionAsync(() => db.Learnings.AsNoTracking().Where(l => l.MeetingId == meetingId)
            .OrderBy(l => l.CreatedUtc).ThenBy(l => l.Id).ToListAsync(cancellationToken), cancellationToken);
        var lines = new List<LearningLine>();
        foreach (var learning in learnings)
        {
            if (await content.GetAsync(learning.ArticleContentItemId, VersionOptions.Latest, cancellationToken) is not { } latest)
            {
                continue;
            }

            var published = await content.GetAsync(learning.ArticleContentItemId, VersionOptions.Published, cancellationToken);
            var readable = published is not null && Visibility.CanRead(access.Reader, published, NetworkItems.NetworkOf(published));
            lines.Add(new LearningLine(learning.Id, latest.ContentItemId, latest.DisplayText, published is not null,
                ContentPermissions.CanEdit(access, latest) ? $"/indhold/{Uri.EscapeDataString(latest.ContentItemId)}/rediger" : null,
                readable ? ContentUrls.Of("", published!) : null));
        }

        return lines;
    }

    /// <summary>The meeting a knowledge article came from, or null.</summary>
    public async Task<MeetingLearning?> OfArticleAsync(string articleId, CancellationToken cancellationToken = default) =>
        (await ArticleIdsAsync(cancellationToken)).Contains(articleId)
            ? await db.InPortalTransactionAsync(() => db.Learnings.AsNoTracking().FirstOrDefaultAsync(l => l.ArticleContentItemId == articleId, cancellationToken), cancellationToken)
            : null;

    /// <summary>Every article that came from a meeting, kept per content generation: each article page asks, and few
    /// articles are learnings. A learning's article is a draft until a later content write publishes it, which starts a new generation.</summary>
    private async Task<HashSet<string>> ArticleIdsAsync(CancellationToken cancellationToken)
    {
        var key = (typeof(MeetingLearnings), tenant.Name, signal.Generation(tenant.Name));
        if (cache.TryGetValue(key, out HashSet<string>? ids) && ids is not null)
        {
            return ids;
        }

        ids = await db.InPortalTransactionAsync(async () => (await db.Learnings.AsNoTracking().Select(l => l.ArticleContentItemId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal), cancellationToken);
        cache.Set(key, ids, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10), Size = 1 });
        return ids;
    }
}
