using Microsoft.EntityFrameworkCore;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Data;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Listing;

/// <summary>Lists what a reader may read, filtered and paged in the database through the visibility index:
/// the published versions they may see; editors and administrators see every item's latest version, drafts included.</summary>
public sealed class ReadableContent(NetworksDbContext db, ContentManager content, ItemVisibility visibility) : IReadableContent
{
    public async Task<ContentPage> ListAsync(Reader reader, ContentListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (contentType, networkId) = (request.ContentType, request.NetworkId);
        var everything = reader.CanReadEverything && !request.PublishedOnly;
        var (total, ids) = await db.InPortalTransactionAsync(async () =>
        {
            var rows = Readable(db.VisibilityIndex.AsNoTracking(), reader, request.PublishedOnly);
            if (!string.IsNullOrEmpty(contentType))
            {
                rows = rows.Where(r => r.ContentType == contentType);
            }

            if (!string.IsNullOrEmpty(networkId))
            {
                rows = rows.Where(r => r.NetworkContentItemId == networkId);
            }

            var count = request.CountTotal ? await rows.CountAsync(cancellationToken) : -1;
            var page = await rows.OrderByDescending(r => r.ModifiedUtc).ThenByDescending(r => r.Id).Skip(request.Skip).Take(request.Take).Select(r => r.ContentItemId).ToListAsync(cancellationToken);
            return (count, page);
        }, cancellationToken);

        var version = everything ? VersionOptions.Latest : VersionOptions.Published;
        // One query for the page's items; the index decided the page, the rules decide again on each item, so a stale row can never leak.
        var found = (await content.GetManyAsync(ids, version, cancellationToken)).ToDictionary(item => item.ContentItemId, StringComparer.Ordinal);
        var items = ids.Select(id => found.GetValueOrDefault(id)).OfType<ContentItem>().Where(item => visibility.CanRead(reader, item) && (everything || item.Published)).ToList();
        return new ContentPage(total, items);
    }

    /// <summary>The same rules as <see cref="ItemVisibility.CanRead"/>, as a query over the index.</summary>
    /// <remarks>The flags are compared with a parameter, not as bare booleans: only "Published = @p" lets SQLite walk
    /// the (Published, ModifiedUtc) index newest first and stop after the page, instead of sorting every readable row.</remarks>
    private static IQueryable<ContentVisibilityIndex> Readable(IQueryable<ContentVisibilityIndex> rows, Reader reader, bool publishedOnly)
    {
        var yes = true;
        if (reader.CanReadEverything)
        {
            return publishedOnly ? rows.Where(r => r.Published == yes) : rows.Where(r => r.Latest == yes);
        }

        rows = rows.Where(r => r.Published == yes);
        if (!reader.IsAuthenticated)
        {
            return rows.Where(r => r.Visibility == Visibility.Public);
        }

        var networks = reader.NetworkIds.ToList();
        return rows.Where(r => r.Visibility == Visibility.Public
            || r.Visibility == Visibility.Tenant
            || (r.Visibility == Visibility.Network && networks.Contains(r.NetworkContentItemId!)));
    }
}
