using System.Globalization;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using Netvaerk.Networks.Writing;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Meetings.Protocols;

/// <summary>The protocols a reader may read (published; the visibility rules decide, as everywhere), and those a
/// network can use: the organisation's and the network's own. The API, the pages and meeting planning ask here.</summary>
public sealed class ProtocolCatalog(IReadableContent readable, ContentWrites writes, ContentManager content)
{
    /// <summary>More than any organisation writes; a list beyond it is cut, never slow.</summary>
    public const int MaxListed = 500;

    /// <summary>Titles sort the Danish way (æ, ø, å last), whatever the reader's language.</summary>
    public static readonly StringComparer Titles = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), ignoreCase: true);

    /// <summary>The published protocols the reader may read: the organisation's first, then each network's own, by title.</summary>
    public async Task<IReadOnlyList<ContentItem>> ReadableAsync(Reader reader, CancellationToken cancellationToken = default)
    {
        var page = await readable.ListAsync(reader, new ContentListRequest(ProtocolPart.ContentType, null, 0, MaxListed, CountTotal: false, PublishedOnly: true), cancellationToken);
        return page.Items
            .OrderBy(item => NetworkItems.NetworkOf(item) is null ? 0 : 1)
            .ThenBy(item => NetworkItems.NetworkOf(item), StringComparer.Ordinal)
            .ThenBy(item => item.DisplayText, Titles)
            .ToList();
    }

    /// <summary>What a network can use, of what the reader may read: the organisation's protocols and the network's own.</summary>
    public async Task<IReadOnlyList<ContentItem>> UsableAsync(Reader reader, string networkId, CancellationToken cancellationToken = default) =>
        (await ReadableAsync(reader, cancellationToken)).Where(item => NetworkItems.NetworkOf(item) is null || NetworkItems.NetworkOf(item) == networkId).ToList();

    /// <summary>The protocol, when the reader may read it (its latest version for editors); null as for one that does not exist.</summary>
    public async Task<ContentItem?> FindAsync(ReaderAccess access, string contentItemId, CancellationToken cancellationToken = default) =>
        await writes.ReadableVersionAsync(access, contentItemId, cancellationToken) is { ContentType: ProtocolPart.ContentType } protocol ? protocol : null;

    /// <summary>The protocol's latest version, when the reader may change it; null otherwise.</summary>
    public async Task<ContentItem?> EditableAsync(ReaderAccess access, string contentItemId, CancellationToken cancellationToken = default) =>
        await FindAsync(access, contentItemId, cancellationToken) is { } readable && ProtocolPermissions.MayEdit(access, readable)
            ? await content.GetAsync(readable.ContentItemId, VersionOptions.Latest, cancellationToken)
            : null;

    /// <summary>The networks the reader may copy a protocol into (<see cref="ProtocolPermissions.MayCopyInto"/>), by title.</summary>
    public async Task<IReadOnlyList<ContentItem>> CopyTargetsAsync(ReaderAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        var networks = access.IsEditor
            ? await content.ListAsync(NetworkContentTypes.Network, VersionOptions.Latest, 0, MaxListed, cancellationToken)
            : await content.GetManyAsync(access.CoordinatorOf.ToList(), VersionOptions.Latest, cancellationToken);
        return networks.Where(n => n.ContentType == NetworkContentTypes.Network).OrderBy(n => n.DisplayText, Titles).ToList();
    }
}
