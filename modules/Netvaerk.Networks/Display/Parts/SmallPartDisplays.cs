using Netvaerk.Networks.ContentTypes;
using System.Text.Json.Nodes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Display.Parts;

/// <summary>A meeting note's meeting date (yyyy-MM-dd; templates write it with <c>local_date</c>).</summary>
public sealed record MeetingNoteDisplay(string? MeetingDate);

public sealed class MeetingNotePartDisplay : IPartDisplay
{
    public string Name => "MeetingNotePart";

    public bool Applies(ContentItem item, DisplayType displayType) => item.Part(Name) is not null;

    public Task<object?> BuildAsync(PartDisplayContext context) =>
        Task.FromResult<object?>(new MeetingNoteDisplay(context.Item.Text(Name, "MeetingDate") is { Length: > 0 } date ? date : null));
}

/// <summary>The item's tags.</summary>
public sealed record TagsDisplay(IReadOnlyList<string> Tags);

public sealed class TagsPartDisplay : IPartDisplay
{
    public string Name => "TagsPart";

    public bool Applies(ContentItem item, DisplayType displayType) => item.Part(Name) is not null;

    public Task<object?> BuildAsync(PartDisplayContext context) =>
        Task.FromResult<object?>(context.Item.Part(Name)?["Tags"] is JsonArray { Count: > 0 } array
            ? new TagsDisplay(array.OfType<JsonValue>().Select(t => t.ToString()).ToList())
            : null);
}

/// <summary>Who may read the item: its visibility and a Danish source text saying so.</summary>
public sealed record VisibilityDisplay(string Value, string Label);

public sealed class VisibilityPartDisplay : IPartDisplay
{
    public string Name => "VisibilityPart";

    /// <summary>Every item has a visibility (none stored counts as Public).</summary>
    public bool Applies(ContentItem item, DisplayType displayType) => true;

    public Task<object?> BuildAsync(PartDisplayContext context)
    {
        var value = Netvaerk.Networks.ContentTypes.NetworkItems.VisibilityOf(context.Item);
        return Task.FromResult<object?>(new VisibilityDisplay(value, value switch
        {
            Visibility.Public => "Offentlig",
            Visibility.Tenant => "Organisationens medlemmer",
            _ => "Netværkets medlemmer",
        }));
    }
}
