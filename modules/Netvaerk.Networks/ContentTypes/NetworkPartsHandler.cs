using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.ContentTypes;

/// <summary>Checks the module's parts on every write (API, admin, recipes): required title, length
/// limits, visibility and its default, the network an item belongs to, meeting dates and tags.
/// Throws <see cref="ContentValidationException"/> naming the field; nothing is written then.</summary>
public sealed class NetworkPartsHandler : IContentHandler
{
    private static readonly string[] TextParts = ["NetworkPart", "CasePart", "MeetingNotePart"];

    public async Task ValidateAsync(ContentItem item, ContentTypeDefinition type, PortalDbContext db, CancellationToken cancellationToken)
    {
        var id = item.ContentItemId;
        if (NetworkContentTypes.IsOwn(item.ContentType))
        {
            var title = Text(item, "TitlePart", "Title")?.Trim();
            if (string.IsNullOrEmpty(title))
            {
                throw new ContentValidationException(id, "TitlePart.Title", "The title is missing. Give the item a title.");
            }

            item.GetOrCreatePart("TitlePart")["Title"] = title;
            item.DisplayText = title;
            CheckLength(item, "TitlePart", "Title", title);
            if (Text(item, "MarkdownBodyPart", "Markdown") is { } markdown)
            {
                CheckLength(item, "MarkdownBodyPart", "Markdown", markdown);
            }
        }

        foreach (var part in TextParts)
        {
            CheckTextFields(item, part);
        }

        NormalizeTags(item);
        CheckMeetingDate(item);
        await CheckNetworkAsync(item, db, cancellationToken);
        ApplyVisibility(item);
    }

    /// <summary>A new item of the module's types starts with its type's visibility, so an editor that shows the item's values
    /// never offers a wider visibility than the type's (a meeting note stays in its network unless the editor widens it).</summary>
    public Task InitializingAsync(ContentItem item, ContentTypeDefinition type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.HasPart("VisibilityPart"))
        {
            ApplyVisibilityDefault(item);
        }

        return Task.CompletedTask;
    }

    /// <summary>Puts the type's default visibility on an item that names none (also used before permission checks).</summary>
    /// <remarks>Also spells a known visibility the canonical way ("network" → "Network"), so that the rules read it as meant.</remarks>
    public static void ApplyVisibilityDefault(ContentItem item)
    {
        var value = Text(item, "VisibilityPart", "Visibility")?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (NetworkContentTypes.IsOwn(item.ContentType))
            {
                item.GetOrCreatePart("VisibilityPart")["Visibility"] = NetworkContentTypes.DefaultVisibility(item);
            }

            return;
        }

        if (Canonical(value) is { } canonical)
        {
            item.GetOrCreatePart("VisibilityPart")["Visibility"] = canonical;
        }
    }

    private static string? Canonical(string? visibility) =>
        new[] { Visibility.Public, Visibility.Tenant, Visibility.Network }.FirstOrDefault(v => string.Equals(v, visibility, StringComparison.OrdinalIgnoreCase));

    private static void ApplyVisibility(ContentItem item)
    {
        ApplyVisibilityDefault(item);
        if (item.Part("VisibilityPart") is null)
        {
            return;
        }

        var value = Text(item, "VisibilityPart", "Visibility")?.Trim();
        var canonical = Canonical(value)
            ?? throw new ContentValidationException(item.ContentItemId, "VisibilityPart.Visibility",
                $"'{value}' is not a visibility. Use \"Public\" (everybody), \"Tenant\" (signed-in members of this organisation) or \"Network\" (members of the item's network).");
        if (canonical == Visibility.Network && NetworkItems.NetworkOf(item) is null)
        {
            throw new ContentValidationException(item.ContentItemId, "VisibilityPart.Visibility",
                "Network visibility needs a network: set NetworkItemPart.NetworkContentItemId, or choose \"Tenant\" or \"Public\".");
        }

        item.GetOrCreatePart("VisibilityPart")["Visibility"] = canonical;
    }

    private static async Task CheckNetworkAsync(ContentItem item, PortalDbContext db, CancellationToken cancellationToken)
    {
        const string field = "NetworkItemPart.NetworkContentItemId";
        var networkId = Text(item, "NetworkItemPart", "NetworkContentItemId")?.Trim();
        if (string.IsNullOrEmpty(networkId))
        {
            if (item.ContentType == NetworkContentTypes.MeetingNote)
            {
                throw new ContentValidationException(item.ContentItemId, field, "A meeting note belongs to a network. Set NetworkItemPart.NetworkContentItemId to the network's ContentItemId.");
            }

            if (item.Part("NetworkItemPart") is { } empty)
            {
                empty.Remove("NetworkContentItemId");
            }

            return;
        }

        if (item.ContentType == NetworkContentTypes.Network)
        {
            throw new ContentValidationException(item.ContentItemId, field, "A network cannot belong to another network. Remove NetworkItemPart.");
        }

        var exists = ContentIds.IsValid(networkId) && await db.ContentItems.AnyAsync(
            r => r.ContentItemId == networkId && r.Latest && r.ContentType == NetworkContentTypes.Network, cancellationToken);
        if (!exists)
        {
            throw new ContentValidationException(item.ContentItemId, field, $"Unknown network id '{Shorten(networkId)}'. Use the ContentItemId of an existing network.");
        }

        item.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = networkId;
    }

    private static void CheckMeetingDate(ContentItem item)
    {
        const string field = "MeetingNotePart.MeetingDate";
        var text = Text(item, "MeetingNotePart", "MeetingDate")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (item.ContentType == NetworkContentTypes.MeetingNote)
            {
                throw new ContentValidationException(item.ContentItemId, field, "The meeting date is missing. Write it as YYYY-MM-DD, e.g. 2026-09-16.");
            }

            return;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // Orchard writes dates as ISO date-times; keep the day.
            date = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
                ? DateOnly.FromDateTime(time)
                : throw new ContentValidationException(item.ContentItemId, field, $"'{Shorten(text)}' is not a date. Write it as YYYY-MM-DD, e.g. 2026-09-16.");
        }

        item.GetOrCreatePart("MeetingNotePart")["MeetingDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Tags are trimmed, inner whitespace collapsed, empty ones dropped and duplicates (ignoring case) removed; the first spelling wins.</summary>
    private static void NormalizeTags(ContentItem item)
    {
        const string field = "TagsPart.Tags";
        if (item.Part("TagsPart") is not { } part || part["Tags"] is null)
        {
            return;
        }

        if (part["Tags"] is not JsonArray array)
        {
            throw new ContentValidationException(item.ContentItemId, field, "Tags must be a JSON array of strings, e.g. [\"kollegial sparring\", \"tovholder\"].");
        }

        var tags = new List<string>();
        foreach (var node in array)
        {
            if (node is not JsonValue value || !value.TryGetValue<string>(out var tag))
            {
                throw new ContentValidationException(item.ContentItemId, field, "Every tag must be a string.");
            }

            tag = string.Join(' ', tag.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (tag.Length > FieldLimits.Tag)
            {
                throw new ContentValidationException(item.ContentItemId, field, $"The tag '{Shorten(tag)}' is longer than {FieldLimits.Tag} characters. Use a shorter tag.");
            }

            if (tag.Length > 0 && !tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        if (tags.Count > FieldLimits.Tags)
        {
            throw new ContentValidationException(item.ContentItemId, field, $"An item may have at most {FieldLimits.Tags} tags; this one has {tags.Count}.");
        }

        part["Tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
    }

    private static void CheckTextFields(ContentItem item, string partName)
    {
        if (item.Part(partName) is not { } part)
        {
            return;
        }

        foreach (var (field, value) in part)
        {
            if (value is JsonValue { } text && text.GetValueKind() == JsonValueKind.String)
            {
                CheckLength(item, partName, field, text.GetValue<string>());
            }
        }
    }

    private static void CheckLength(ContentItem item, string part, string field, string value)
    {
        var limit = FieldLimits.Of(part, field);
        if (value.Length > limit)
        {
            throw new ContentValidationException(item.ContentItemId, $"{part}.{field}",
                $"{part}.{field} is {value.Length} characters long; at most {limit} are allowed. Shorten it.");
        }
    }

    /// <summary>A part's text field; refuses a value that is not a string (a number, an object) naming the field.</summary>
    private static string? Text(ContentItem item, string part, string field) =>
        item.Part(part)?[field] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => throw new ContentValidationException(item.ContentItemId, $"{part}.{field}", $"{part}.{field} must be a string."),
        };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
