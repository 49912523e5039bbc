using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Web.Hosting;

/// <summary>What the front page lists: the newest published items this reader may read.</summary>
public static class HomePage
{
    public static async Task<IReadOnlyList<ContentItem>> LatestReadableAsync(IReadableContent readable, Reader reader, int count, CancellationToken cancellationToken) =>
        (await readable.ListAsync(reader, new ContentListRequest(null, null, 0, count, CountTotal: false, PublishedOnly: true), cancellationToken)).Items;

    /// <summary>What decides which items a reader may see on a list: everything, signed in with these networks, or anonymous.</summary>
    public static string ReaderKey(Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.CanReadEverything ? "everything"
            : reader.IsAuthenticated ? "member:" + string.Join(',', reader.NetworkIds.Order(StringComparer.Ordinal))
            : "anonymous";
    }

    public static string Url(string pathBase, ContentItem item) => ContentUrls.Of(pathBase, item);
}
