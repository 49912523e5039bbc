using NetvaerkPortal.Content;

namespace NetvaerkPortal.Security;

/// <summary>Who reads: the facts every read decision needs, resolved once per request.</summary>
/// <param name="UserId">Null for anonymous readers.</param>
/// <param name="CanReadEverything">Administrators and Editors read everything in their tenant, drafts included.</param>
/// <param name="NetworkIds">The networks (ContentItemIds) the reader is a member of.</param>
public sealed record Reader(string? UserId, bool CanReadEverything, IReadOnlySet<string> NetworkIds)
{
    public static readonly Reader Anonymous = new(null, false, new HashSet<string>());

    public bool IsAuthenticated => UserId is not null;
}

/// <summary>The visibility rules of ARCHITECTURE "Content": an item is Public, Tenant (signed-in members
/// of this organisation) or Network (members of that network). The same rules give the terms a search
/// document carries and the terms a reader's queries are filtered by, so search can never disagree with pages.
/// Which network an item belongs to is the module's to say (<see cref="IItemNetworks"/>); ask <see cref="ItemVisibility"/>,
/// which puts the two together.</summary>
public static class Visibility
{
    public const string Public = "Public";
    public const string Tenant = "Tenant";
    public const string Network = "Network";

    public const string PublicTerm = "public";
    public const string TenantTerm = "tenant";

    public static string NetworkTerm(string networkId) => "network:" + networkId;

    /// <summary>The item's visibility; an item without VisibilityPart counts as Public, a Network item without a network as Tenant.</summary>
    /// <param name="network">The network the item belongs to, or null.</param>
    public static string Of(ContentItem item, string? network)
    {
        ArgumentNullException.ThrowIfNull(item);
        var value = item.Text("VisibilityPart", "Visibility");
        return value switch
        {
            Network when network is null => Tenant,
            Tenant or Network => value,
            _ => Public,
        };
    }

    /// <summary>May <paramref name="reader"/> read this version of an item that belongs to <paramref name="network"/>?
    /// Drafts only for those who may read everything.</summary>
    public static bool CanRead(Reader reader, ContentItem item, string? network)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(item);
        if (reader.CanReadEverything)
        {
            return true;
        }

        if (!item.Published)
        {
            return false;
        }

        return Of(item, network) switch
        {
            Public => true,
            Tenant => reader.IsAuthenticated,
            _ => reader.IsAuthenticated && network is not null && reader.NetworkIds.Contains(network),
        };
    }

    /// <summary>The one term a search document carries for its visibility.</summary>
    public static string DocumentTerm(ContentItem item, string? network) => Of(item, network) switch
    {
        Public => PublicTerm,
        Tenant => TenantTerm,
        _ => NetworkTerm(network!),
    };

    /// <summary>The terms a reader's searches are filtered by: a document matches if it carries any of them.
    /// Null for a reader who may read everything (no filter).</summary>
    public static IReadOnlyList<string>? ReaderTerms(Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.CanReadEverything)
        {
            return null;
        }

        if (!reader.IsAuthenticated)
        {
            return [PublicTerm];
        }

        return [PublicTerm, TenantTerm, .. reader.NetworkIds.Select(NetworkTerm)];
    }
}
