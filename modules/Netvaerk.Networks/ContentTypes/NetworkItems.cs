using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.ContentTypes;

/// <summary>Which network an item belongs to: a Network to itself, anything else to the network its NetworkItemPart
/// names. The platform asks this (through <see cref="IItemNetworks"/>) whenever it applies the visibility rules.</summary>
public sealed class NetworkItems : IItemNetworks
{
    public const string PartName = "NetworkItemPart";
    public const string FieldName = "NetworkContentItemId";

    string? IItemNetworks.NetworkOf(ContentItem item) => NetworkOf(item);

    public static string? NetworkOf(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ContentType == NetworkContentTypes.Network ? item.ContentItemId
            : item.Text(PartName, FieldName) is { Length: > 0 } id ? id : null;
    }

    /// <summary>The item's effective visibility (<see cref="Visibility.Of"/>) with its network.</summary>
    public static string VisibilityOf(ContentItem item) => Visibility.Of(item, NetworkOf(item));
}
