using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Display.Parts;

/// <summary>The network an item belongs to, as a link back to it.</summary>
public sealed record NetworkLink(string ContentItemId, string Title, string Url);

/// <summary>Links an item to its network when the reader may read the network's page; says nothing otherwise.</summary>
public sealed class NetworkItemPartDisplay(ContentManager content) : IPartDisplay
{
    // A list shows many items of the same few networks: each is looked up once per request.
    private readonly Dictionary<string, ContentItem?> _networks = new(StringComparer.Ordinal);

    public string Name => "NetworkItemPart";

    public bool Applies(ContentItem item, DisplayType displayType) => item.Text(Name, "NetworkContentItemId") is { Length: > 0 };

    public async Task<object?> BuildAsync(PartDisplayContext context)
    {
        var id = context.Item.Text(Name, "NetworkContentItemId")!;
        if (!_networks.TryGetValue(id, out var network))
        {
            network = ContentIds.IsValid(id) ? await content.GetAsync(id, VersionOptions.Published, context.CancellationToken) : null;
            _networks[id] = network;
        }

        return network is not null && Visibility.CanRead(context.Access.Reader, network, Netvaerk.Networks.ContentTypes.NetworkItems.NetworkOf(network))
            ? new NetworkLink(id, network.DisplayText, ContentUrls.Of(context.PathBase, network))
            : null;
    }
}
