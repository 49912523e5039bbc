using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Display;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Display;

/// <summary>The front page's newest items that the reader may read (anonymous visitors: the public ones), as list entries
/// with dates and teasers; networks have their own section. The front page keeps the result per reader key, so it depends
/// on nothing but what the reader may read.</summary>
public sealed class LatestItemsSection(IReadableContent readable, ItemShapes shapes) : IFrontPageSection
{
    public const int Count = 12;

    public string Feature => Manifest.Id;

    public int Position => 50;

    public async Task<string?> RenderAsync(PageDisplay display, Reader reader, CancellationToken cancellationToken)
    {
        var items = (await readable.ListAsync(reader, new ContentListRequest(null, null, 0, 2 * Count, CountTotal: false, PublishedOnly: true), cancellationToken)).Items
            .Where(item => item.ContentType != NetworkContentTypes.Network)
            .Take(Count);
        var entries = await shapes.SummariesAsync(items, cancellationToken);
        return await display.ShapeAsync(["FrontPageLatest"], new { Entries = entries, reader.IsAuthenticated }, cancellationToken: cancellationToken);
    }
}
