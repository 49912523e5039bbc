using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Display;

/// <summary>The front page's newest items that the reader may read.</summary>
public sealed class LatestItemsSection(IReadableContent readable, Microsoft.AspNetCore.Http.IHttpContextAccessor http) : IFrontPageSection
{
    public string Feature => Manifest.Id;

    public int Position => 50;

    public async Task<string?> RenderAsync(PageDisplay display, Reader reader, CancellationToken cancellationToken)
    {
        var items = (await readable.ListAsync(reader, new ContentListRequest(null, null, 0, 12, CountTotal: false, PublishedOnly: true), cancellationToken)).Items;
        var pathBase = http.HttpContext?.Request.PathBase.Value ?? "";
        var model = items.Select(item => new LatestItem(
            item.DisplayText,
            ContentUrls.Of(pathBase, item),
            NetworkContentTypes.DisplayName(item.ContentType),
            item.Text("MeetingNotePart", "MeetingDate") is { Length: > 0 } date ? date : item.ModifiedUtc?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return await display.ShapeAsync(["FrontPageLatest"], new { Items = model }, cancellationToken: cancellationToken);
    }

    public sealed record LatestItem(string Title, string Url, string TypeName, string? Date);
}
