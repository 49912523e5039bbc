using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace Netvaerk.Meetings.Protocols;

/// <summary>Checks every write of a Protocol (API, recipes, the pages) by <see cref="ProtocolRules"/> and refuses with
/// the first problem, naming its field; stores the protocol normalized. Gives it its visibility: the organisation's
/// (Tenant) without a network, the network's (Network) with one; a network's own protocol is never shown wider than
/// to its members. Its page is /protokoller/{id}, whatever AutoroutePart said.</summary>
public sealed class ProtocolPartHandler : IContentHandler
{
    public Task InitializingAsync(ContentItem item, ContentTypeDefinition type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ContentType == ProtocolPart.ContentType)
        {
            ApplyVisibilityDefault(item);
        }

        return Task.CompletedTask;
    }

    public Task ValidateAsync(ContentItem item, ContentTypeDefinition type, PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ContentType != ProtocolPart.ContentType)
        {
            return Task.CompletedTask;
        }

        if (ProtocolRules.Check(item) is [var first, ..])
        {
            throw first.ToException(item.ContentItemId);
        }

        ProtocolRules.Normalize(item);
        ApplyVisibilityDefault(item);
        if (NetworkItems.NetworkOf(item) is not null
            && !string.Equals(item.Text("VisibilityPart", "Visibility"), Visibility.Network, StringComparison.OrdinalIgnoreCase))
        {
            throw new ContentValidationException(item.ContentItemId, "VisibilityPart.Visibility",
                "A network's own protocol is for the network's members only: set VisibilityPart.Visibility to \"Network\", or remove NetworkItemPart to make it the organisation's.");
        }

        item.GetOrCreatePart("AutoroutePart")["Path"] = ProtocolContentType.PathFor(item.ContentItemId);
        return Task.CompletedTask;
    }

    /// <summary>Tenant without a network, Network with one, when the item names no visibility.</summary>
    public static void ApplyVisibilityDefault(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrWhiteSpace(item.Text("VisibilityPart", "Visibility")))
        {
            item.GetOrCreatePart("VisibilityPart")["Visibility"] = NetworkItems.NetworkOf(item) is null ? Visibility.Tenant : Visibility.Network;
        }
    }
}
