using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Content;

/// <summary>Maps between stored version rows and content items.</summary>
internal static class ContentRecords
{
    public static ContentItem ToItem(ContentItemRecord record) => new()
    {
        ContentItemId = record.ContentItemId,
        ContentItemVersionId = record.ContentItemVersionId,
        ContentType = record.ContentType,
        DisplayText = record.DisplayText,
        Latest = record.Latest,
        Published = record.Published,
        Owner = record.Owner,
        Author = record.Author,
        CreatedUtc = record.CreatedUtc,
        ModifiedUtc = record.ModifiedUtc,
        PublishedUtc = record.PublishedUtc,
        Parts = JsonNode.Parse(record.Data) as JsonObject ?? [],
    };

    public static void CopyInto(ContentItem item, ContentItemRecord record, DateTime modifiedUtc)
    {
        record.ContentType = item.ContentType;
        record.DisplayText = item.DisplayText;
        record.Owner = item.Owner;
        record.Author = item.Author;
        record.ModifiedUtc = modifiedUtc;
        record.Data = item.Parts.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
