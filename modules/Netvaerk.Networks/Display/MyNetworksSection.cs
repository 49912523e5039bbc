using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Display;

/// <summary>The front page's networks: a member's own ("Mine netværk"); for visitors and staff the networks they may read.
/// It depends on nothing but the reader key (the reader's networks, or "everything", or anonymous), which the front page keeps it by.</summary>
public sealed class MyNetworksSection(IReadableContent readable, ContentManager content, Microsoft.AspNetCore.Http.IHttpContextAccessor http) : IFrontPageSection
{
    public const int MaxNetworks = 24;

    public string Feature => Manifest.Id;

    public int Position => 40;

    public async Task<string?> RenderAsync(PageDisplay display, Reader reader, CancellationToken cancellationToken)
    {
        var pathBase = http.HttpContext?.Request.PathBase.Value ?? "";
        var own = reader.IsAuthenticated && !reader.CanReadEverything;
        IEnumerable<ContentItem> networks = own
            ? await content.GetManyAsync(reader.NetworkIds.Take(MaxNetworks).ToList(), VersionOptions.Published, cancellationToken)
            : (await readable.ListAsync(reader, new ContentListRequest(NetworkContentTypes.Network, null, 0, MaxNetworks, CountTotal: false, PublishedOnly: true), cancellationToken)).Items;
        var links = networks.Where(n => n.ContentType == NetworkContentTypes.Network && Visibility.CanRead(reader, n, NetworkItems.NetworkOf(n)))
            .OrderBy(n => n.DisplayText, StringComparer.CurrentCulture)
            .Select(n => new NetworkEntry(n.DisplayText, ContentUrls.Of(pathBase, n), n.Text("NetworkPart", "Cadence")))
            .ToList();
        if (!own && links.Count == 0)
        {
            return null;
        }

        return await display.ShapeAsync(["FrontPageNetworks"], new { Own = own, Networks = links }, cancellationToken: cancellationToken);
    }

    public sealed record NetworkEntry(string Title, string Url, string? Cadence);
}
