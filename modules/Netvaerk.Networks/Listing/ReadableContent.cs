using Microsoft.EntityFrameworkCore;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Data;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Listing;

public sealed record ContentPage(int Total, IReadOnlyList<ContentItem> Items);

/// <summary>Lists what a reader may read, filtered and paged in the database through the visibility index:
/// the published versions they may see; editors and administrators see every item's latest version, drafts included.</summary>
public sealed class ReadableContent(NetworksDbContext db, ContentManager content)
{
    public async Task<ContentPage> ListAsync(Reader reader, string? contentType, string? networkId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var (total, ids) = await db.InPortalTransactionAsync(async () =>
        {
            var rows = Readable(db.VisibilityIndex.AsNoTracking(), reader);
            if (!string.IsNullOrEmpty(contentType))
            {
                rows = rows.Where(r => r.ContentType == contentType);
            }

            if (!string.IsNullOrEmpty(networkId))
            {
                rows = rows.Where(r => r.NetworkContentItemId == networkId);
            }

            var count = await rows.CountAsync(cancellationToken);
            var page = await rows.OrderByDescending(r => r.ModifiedUtc).ThenBy(r => r.Id).Skip(skip).Take(take).Select(r => r.ContentItemId).ToListAsync(cancellationToken);
            return (count, page);
        }, cancellationToken);

        var version = reader.CanReadEverything ? VersionOptions.Latest : VersionOptions.Published;
        var items = new List<ContentItem>(ids.Count);
        foreach (var id in ids)
        {
            // The index decides the page; the rules decide again on the item itself, so a stale row can never leak.
            if (await content.GetAsync(id, version, cancellationToken) is { } item && Visibility.CanRead(reader, item))
            {
                items.Add(item);
            }
        }

        return new ContentPage(total, items);
    }

    /// <summary>The same rules as <see cref="Visibility.CanRead"/>, as a query over the index.</summary>
    private static IQueryable<ContentVisibilityIndex> Readable(IQueryable<ContentVisibilityIndex> rows, Reader reader)
    {
        if (reader.CanReadEverything)
        {
            return rows.Where(r => r.Latest);
        }

        rows = rows.Where(r => r.Published);
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
