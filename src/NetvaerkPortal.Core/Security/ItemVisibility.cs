using NetvaerkPortal.Content;

namespace NetvaerkPortal.Security;

/// <summary>Which network an item belongs to (a network item to itself). The module that defines networks answers;
/// the platform names no content type or part of its own.</summary>
public interface IItemNetworks
{
    /// <summary>The network's ContentItemId, or null when the item belongs to none (or is not this module's to say).</summary>
    string? NetworkOf(ContentItem item);
}

/// <summary>The visibility rules (<see cref="Visibility"/>) applied to items, with the network each item belongs to as
/// the modules say (<see cref="IItemNetworks"/>; the first that names one). Every read path asks this.</summary>
public sealed class ItemVisibility(IEnumerable<IItemNetworks> networks)
{
    private readonly IItemNetworks[] _networks = networks.ToArray();

    public string? NetworkOf(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var source in _networks)
        {
            if (source.NetworkOf(item) is { Length: > 0 } network)
            {
                return network;
            }
        }

        return null;
    }

    /// <inheritdoc cref="Visibility.Of"/>
    public string Of(ContentItem item) => Visibility.Of(item, NetworkOf(item));

    /// <inheritdoc cref="Visibility.CanRead"/>
    public bool CanRead(Reader reader, ContentItem item) => Visibility.CanRead(reader, item, NetworkOf(item));

    /// <inheritdoc cref="Visibility.DocumentTerm"/>
    public string DocumentTerm(ContentItem item) => Visibility.DocumentTerm(item, NetworkOf(item));
}
