using Netvaerk.Networks.Security;
using Netvaerk.Networks.Writing;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Meetings.Protocols;

/// <summary>Stores protocols through the site's one write path (<see cref="ContentWrites"/>: versions, audit, indexing),
/// after <see cref="ProtocolPermissions"/> has decided. Protocols saved here are published at once: a network uses
/// the version it sees.</summary>
public sealed class ProtocolWrites(ContentManager content, ContentWrites writes)
{
    /// <summary>A new protocol of the network (or the organisation's, with no network), published.</summary>
    public async Task<WriteOutcome> CreateAsync(ReaderAccess access, ContentItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!ProtocolPermissions.MayStore(access, existing: null, item))
        {
            return WriteOutcome.Forbidden;
        }

        item.Published = true;
        return await writes.CreateAsync(ProtocolPermissions.Granted(access), item, cancellationToken);
    }

    /// <summary>The protocol's new content (found with <see cref="ProtocolCatalog.EditableAsync"/>), published.</summary>
    public async Task<WriteOutcome> UpdateAsync(ReaderAccess access, ContentItem existing, ContentItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!ProtocolPermissions.MayStore(access, existing, item))
        {
            return WriteOutcome.Forbidden;
        }

        item.Published = true;
        return await writes.UpdateAsync(ProtocolPermissions.Granted(access), existing, item, cancellationToken);
    }

    /// <summary>Copies a protocol the reader may read into the network as its own, visible to its members only, with
    /// <c>CopiedFrom</c> naming the original.</summary>
    public async Task<WriteOutcome> CopyAsync(ReaderAccess access, ContentItem source, string networkId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var copy = await content.NewAsync(ProtocolPart.ContentType, cancellationToken);
        copy.GetOrCreatePart("TitlePart")["Title"] = source.DisplayText;
        if (source.Part("MarkdownBodyPart") is { } body)
        {
            copy.Parts["MarkdownBodyPart"] = body.DeepClone();
        }

        var part = (source.Part(ProtocolPart.PartName)?.DeepClone() as System.Text.Json.Nodes.JsonObject) ?? [];
        part["CopiedFrom"] = source.ContentItemId;
        copy.Parts[ProtocolPart.PartName] = part;
        copy.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = networkId;
        copy.GetOrCreatePart("VisibilityPart")["Visibility"] = Visibility.Network;
        return await CreateAsync(access, copy, cancellationToken);
    }
}
