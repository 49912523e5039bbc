using Netvaerk.Meetings.Protocols;
using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Planning;

/// <summary>What planning reads from the network's content: the protocols it may use and its charter.</summary>
public sealed class NetworkFacts(ContentManager content)
{
    /// <summary>The published protocols the network may use: the organisation's (no network) and its own, by name.</summary>
    public async Task<IReadOnlyList<ContentItem>> ProtocolsAsync(string networkId, CancellationToken cancellationToken = default)
    {
        var list = new List<ContentItem>();
        for (var skip = 0; ; skip += 200)
        {
            var page = await content.ListAsync(ProtocolPart.ContentType, VersionOptions.Published, skip, 200, cancellationToken);
            list.AddRange(page.Where(item => Usable(item, networkId)));
            if (page.Count < 200)
            {
                break;
            }
        }

        return list.OrderBy(item => item.DisplayText, StringComparer.CurrentCulture).ThenBy(item => item.ContentItemId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The published protocol if the network may use it; null for any other id (another network's, a draft, not a protocol).</summary>
    public async Task<ContentItem?> ProtocolAsync(string networkId, string? protocolId, CancellationToken cancellationToken = default) =>
        ContentIds.IsValid(protocolId) && await content.GetAsync(protocolId, VersionOptions.Published, cancellationToken) is { } item && Usable(item, networkId)
            ? item
            : null;

    /// <summary>The network's charter: Purpose and DesiredEffect of its NetworkPart (published, else latest version).</summary>
    public async Task<(string? Purpose, string? DesiredEffect)> CharterAsync(string networkId, CancellationToken cancellationToken = default)
    {
        var network = await content.GetAsync(networkId, VersionOptions.Published, cancellationToken)
            ?? await content.GetAsync(networkId, VersionOptions.Latest, cancellationToken);
        return network is null ? (null, null) : (network.Text("NetworkPart", "Purpose"), network.Text("NetworkPart", "DesiredEffect"));
    }

    private static bool Usable(ContentItem item, string networkId) =>
        item.ContentType == ProtocolPart.ContentType && (NetworkItems.NetworkOf(item) is not { } own || own == networkId);
}
