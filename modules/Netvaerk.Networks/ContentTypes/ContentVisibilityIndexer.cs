using Microsoft.EntityFrameworkCore;
using Netvaerk.Networks.Data;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.ContentTypes;

/// <summary>Keeps <see cref="ContentVisibilityIndex"/> in step with every content write, inside the write's transaction.</summary>
public sealed class ContentVisibilityIndexer(NetworksDbContext networks, ItemVisibility visibility) : IContentHandler
{
    public Task WrittenAsync(ContentWrite write, PortalDbContext db, CancellationToken cancellationToken) =>
        networks.InPortalTransactionAsync(async () =>
        {
            await networks.VisibilityIndex.Where(r => r.ContentItemId == write.ContentItemId).ExecuteDeleteAsync(cancellationToken);
            networks.VisibilityIndex.AddRange(Rows(write, visibility));
            await networks.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    public static IEnumerable<ContentVisibilityIndex> Rows(ContentWrite write, ItemVisibility visibility)
    {
        if (write.Latest is { } latest)
        {
            yield return Row(latest, visibility, latest: true, published: write.Published?.ContentItemVersionId == latest.ContentItemVersionId);
        }

        if (write.Published is { } published && published.ContentItemVersionId != write.Latest?.ContentItemVersionId)
        {
            yield return Row(published, visibility, latest: false, published: true);
        }
    }

    private static ContentVisibilityIndex Row(ContentItem item, ItemVisibility visibility, bool latest, bool published) => new()
    {
        ContentItemId = item.ContentItemId,
        ContentType = item.ContentType,
        Visibility = visibility.Of(item),
        NetworkContentItemId = visibility.NetworkOf(item),
        Owner = item.Owner,
        Latest = latest,
        Published = published,
        ModifiedUtc = item.ModifiedUtc ?? DateTime.MinValue,
    };
}
