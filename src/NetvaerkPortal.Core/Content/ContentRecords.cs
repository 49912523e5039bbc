using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace NetvaerkPortal.Content;

/// <summary>Maps between stored version rows and content items.</summary>
public static class ContentRecords
{
    /// <summary>The stored version as an item, or null (logged) when its parts cannot be read by today's rules:
    /// not JSON, a key twice, a lone surrogate, or nested deeper than <see cref="JsonInput.MaxDepth"/> (stored before
    /// writes were bounded). Readers skip such a version, so one bad item never breaks a list, an export or a page.</summary>
    public static ContentItem? Read(ContentItemRecord record, ILogger logger)
    {
        var (item, problem) = TryRead(record);
        if (item is null)
        {
            logger.LogWarning("Content item {ContentItemId} (version {ContentItemVersionId}) is stored in a shape the portal cannot read, and is left out: {Problem} An editor can delete it (DELETE /api/content/{ContentItemId}).",
                record.ContentItemId, record.ContentItemVersionId, problem, record.ContentItemId);
        }

        return item;
    }

    /// <summary>The stored version as an item, or why its parts cannot be read.</summary>
    public static (ContentItem? Item, string? Problem) TryRead(ContentItemRecord record)
    {
        JsonNode? parts;
        try
        {
            parts = JsonInput.Parse(record.Data);
        }
        catch (JsonInputException error)
        {
            return (null, error.Message);
        }

        if (parts is not JsonObject partsObject)
        {
            return (null, "The parts are not a JSON object.");
        }

        return (new ContentItem
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
            Parts = partsObject,
        }, null);
    }

    public static void CopyInto(ContentItem item, ContentItemRecord record, DateTime modifiedUtc)
    {
        record.ContentType = item.ContentType;
        record.DisplayText = item.DisplayText;
        record.Owner = item.Owner;
        record.Author = item.Author;
        record.ModifiedUtc = modifiedUtc;
        record.Data = Serialize(item);
    }

    public static string Serialize(ContentItem item) => item.Parts.ToJsonString(JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
