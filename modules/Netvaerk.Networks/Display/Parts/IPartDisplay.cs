using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;

namespace Netvaerk.Networks.Display.Parts;

/// <summary>A part's display driver, as in Orchard Core: builds the small view model its part shows, placed in
/// <see cref="ItemShape.Parts"/> under <see cref="Name"/>; templates pick what they show from there.</summary>
public interface IPartDisplay
{
    /// <summary>The key of the model in <see cref="ItemShape.Parts"/>: the part's name.</summary>
    string Name { get; }

    /// <summary>Whether this driver has something to say about the item in this display type.</summary>
    bool Applies(ContentItem item, DisplayType displayType);

    /// <summary>The part's view model, or null to show nothing.</summary>
    Task<object?> BuildAsync(PartDisplayContext context);
}

/// <summary>A part model that has labelled fields to list (collected into <see cref="ItemShape.Facts"/>).</summary>
public interface IHasFacts
{
    IReadOnlyList<ItemFact> Facts { get; }
}

/// <summary>What a driver may look at: the item, how it is shown, who reads, the tenant's path base, and a way to render
/// other items as list entries (a network lists its notes).</summary>
public sealed record PartDisplayContext(
    ContentItem Item,
    DisplayType DisplayType,
    ReaderAccess Access,
    string PathBase,
    Func<IEnumerable<ContentItem>, Task<IReadOnlyList<string>>> RenderSummariesAsync,
    CancellationToken CancellationToken)
{
    public bool IsSummary => DisplayType == DisplayType.Summary;
}
