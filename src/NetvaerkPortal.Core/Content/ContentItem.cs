using System.Text.Json.Nodes;

namespace NetvaerkPortal.Content;

/// <summary>One version of a content item in Orchard Core's shape; <see cref="Parts"/> holds the parts
/// (TitlePart, MarkdownBodyPart, ...) by name, exactly as they appear in Orchard content JSON.</summary>
public sealed class ContentItem
{
    public string ContentItemId { get; set; } = "";

    public string ContentItemVersionId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string DisplayText { get; set; } = "";

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public DateTime? ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public DateTime? CreatedUtc { get; set; }

    public string Owner { get; set; } = "";

    public string Author { get; set; } = "";

    public JsonObject Parts { get; set; } = [];

    public JsonObject? Part(string name) => Parts[name] as JsonObject;

    /// <summary>The part by name, created empty when the item does not have it yet.</summary>
    public JsonObject GetOrCreatePart(string name)
    {
        if (Parts[name] is JsonObject part)
        {
            return part;
        }

        part = [];
        Parts[name] = part;
        return part;
    }

    public string? Text(string part, string field) => Part(part)?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public ContentItem Clone() => new()
    {
        ContentItemId = ContentItemId,
        ContentItemVersionId = ContentItemVersionId,
        ContentType = ContentType,
        DisplayText = DisplayText,
        Latest = Latest,
        Published = Published,
        ModifiedUtc = ModifiedUtc,
        PublishedUtc = PublishedUtc,
        CreatedUtc = CreatedUtc,
        Owner = Owner,
        Author = Author,
        Parts = (JsonObject)Parts.DeepClone(),
    };
}
