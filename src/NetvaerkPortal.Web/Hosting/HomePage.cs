using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Web.Hosting;

/// <summary>What the front page lists: the newest published items this reader may read.</summary>
public static class HomePage
{
    private const int Batch = 100;

    /// <summary>How far back the page looks for readable items before it settles for fewer.</summary>
    private const int MaxBatches = 5;

    public static async Task<IReadOnlyList<ContentItem>> LatestReadableAsync(ContentManager content, Reader reader, int count, CancellationToken cancellationToken)
    {
        var items = new List<ContentItem>();
        for (var batch = 0; batch < MaxBatches && items.Count < count; batch++)
        {
            var page = await content.ListAsync(null, VersionOptions.Published, batch * Batch, Batch, cancellationToken);
            items.AddRange(page.Where(i => Visibility.CanRead(reader, i)));
            if (page.Count < Batch)
            {
                break;
            }
        }

        return items.Take(count).ToList();
    }

    public static string Url(string pathBase, ContentItem item) => ContentUrls.Of(pathBase, item);
}
