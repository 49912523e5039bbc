using System.Globalization;
using Microsoft.AspNetCore.Http;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Display.Parts;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Networks.Display;

/// <summary>Builds an item's shape from what its parts' drivers (<see cref="IPartDisplay"/>) supply, and renders items as
/// list entries through the <c>Content-{Type}.Summary</c> / <c>Content.Summary</c> alternates.</summary>
public sealed class ItemShapes(
    IEnumerable<IPartDisplay> drivers,
    NetworkReaderContext readers,
    ContentManager content,
    PageDisplay display,
    IHttpContextAccessor http)
{
    private string PathBase => http.HttpContext?.Request.PathBase.Value ?? "";

    /// <summary>The template names for an item, most specific first.</summary>
    public static IReadOnlyList<string> TemplateNames(string contentType, DisplayType displayType) => displayType == DisplayType.Summary
        ? [$"Content-{contentType}.Summary", "Content.Summary"]
        : [$"Content-{contentType}", "Content"];

    public async Task<ItemShape> BuildAsync(ContentItem item, DisplayType displayType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var access = await readers.GetAccessAsync(cancellationToken);
        var context = new PartDisplayContext(item, displayType, access, PathBase, items => SummariesAsync(items, cancellationToken), cancellationToken);
        var parts = new Dictionary<string, object>(StringComparer.Ordinal);
        var facts = new List<ItemFact>();
        foreach (var driver in drivers.Where(d => d.Applies(item, displayType)))
        {
            if (await driver.BuildAsync(context) is { } model)
            {
                parts[driver.Name] = model;
                if (model is IHasFacts hasFacts)
                {
                    facts.AddRange(hasFacts.Facts);
                }
            }
        }

        return new ItemShape(
            item.ContentItemId,
            item.ContentType,
            NetworkContentTypes.DisplayName(item.ContentType),
            displayType.ToString(),
            item.Text("TitlePart", "Title") is { Length: > 0 } title ? title : item.DisplayText,
            ContentUrls.Of(PathBase, item),
            DateOf(item),
            item.ModifiedUtc,
            parts,
            facts,
            displayType == DisplayType.Detail ? await ActionsAsync(item, access, cancellationToken) : ItemActions.None);
    }

    /// <summary>Each item as a list entry, in order.</summary>
    public async Task<IReadOnlyList<string>> SummariesAsync(IEnumerable<ContentItem> items, CancellationToken cancellationToken = default)
    {
        var entries = new List<string>();
        foreach (var item in items)
        {
            var shape = await BuildAsync(item, DisplayType.Summary, cancellationToken);
            entries.Add(await display.ShapeAsync(TemplateNames(item.ContentType, DisplayType.Summary), shape, cancellationToken: cancellationToken));
        }

        return entries;
    }

    /// <summary>The date a reader goes by: a meeting note's meeting date, else when the item was published (or last changed).</summary>
    public static string? DateOf(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Text("MeetingNotePart", "MeetingDate") is { Length: > 0 } meeting)
        {
            return meeting;
        }

        return (item.PublishedUtc ?? item.ModifiedUtc)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private async Task<ItemActions> ActionsAsync(ContentItem item, ReaderAccess access, CancellationToken cancellationToken)
    {
        if (!access.IsAuthenticated)
        {
            return ItemActions.None;
        }

        var latest = item.Latest ? item : await content.GetAsync(item.ContentItemId, VersionOptions.Latest, cancellationToken);
        if (latest is null || !ContentPermissions.CanEdit(access, latest))
        {
            return ItemActions.None;
        }

        var id = Uri.EscapeDataString(item.ContentItemId);
        return new ItemActions($"{PathBase}/indhold/{id}/rediger", $"{PathBase}/indhold/{id}/historik", !latest.Published);
    }
}
