namespace Netvaerk.Networks.ContentTypes;

/// <summary>Index table: who may read an item's latest and published versions (one row per version, like
/// AutorouteIndex), so lists can filter and page by visibility in the database.</summary>
public sealed class ContentVisibilityIndex
{
    public long Id { get; set; }

    public required string ContentItemId { get; set; }

    public required string ContentType { get; set; }

    /// <summary>The effective visibility (<see cref="NetvaerkPortal.Security.ItemVisibility.Of"/>).</summary>
    public required string Visibility { get; set; }

    /// <summary>The network the version belongs to (the network itself for a Network); null for none.</summary>
    public string? NetworkContentItemId { get; set; }

    public string Owner { get; set; } = "";

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public DateTime ModifiedUtc { get; set; }
}
