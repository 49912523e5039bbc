using Microsoft.EntityFrameworkCore;
using Netvaerk.Networks.Data;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.ContentTypes;

/// <summary>Keeps <see cref="ContentVisibilityIndex"/> in step with every content write, inside the write's transaction.</summary>
public sealed class ContentVisibilityIndexer(NetworksDbContext networks) : IContentHandler
{
    public Task WrittenAsync(ContentWrite write, PortalDbContext db, CancellationToken cancellationToken) =>
        networks.InPortalTransactionAsync(async () =>
        {
            await networks.VisibilityIndex.Where(r => r.ContentItemId == write.ContentItemId).ExecuteDeleteAsync(cancellationToken);
            networks.VisibilityIndex.AddRange(Rows(write));
            await networks.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    public static IEnumerable<ContentVisibilityIndex> Rows(ContentWrite write)
    {
        if (write.Latest is { } latest)
        {
            yield return Row(latest, latest: true, published: write.Published?.ContentItemVersionId == latest.ContentItemVersionId);
        }

        if (write.Published is { } published && published.ContentItemVersionId != write.Latest?.ContentItemVersionId)
        {
            yield return Row(published, latest: false, published: true);
        }
    }

    private static ContentVisibilityIndex Row(ContentItem item, bool latest, bool published) => new()
    {
        ContentItemId = item.ContentItemId,
        ContentType = item.ContentType,
        Visibility = Visibility.Of(item),
        NetworkContentItemId = Visibility.NetworkOf(item),
        Owner = item.Owner,
        Latest = latest,
        Published = published,
        ModifiedUtc = item.ModifiedUtc ?? DateTime.MinValue,
    };
}
