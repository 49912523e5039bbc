using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Content;

/// <summary>Reads and writes content items as Orchard Core content JSON: the item's own properties and
/// its parts side by side in one object.</summary>
public static class ContentJson
{
    private static readonly HashSet<string> ItemProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author", "Id",
    };

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static ContentItem Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new ContentValidationException(null, null,
                $"The content JSON is malformed at line {error.LineNumber + 1}, column {error.BytePositionInLine + 1}: {FirstSentence(error.Message)}");
        }

        return node is JsonObject obj ? Read(obj) : throw new ContentValidationException(null, null, "The content JSON must be an object.");
    }

    public static ContentItem Read(JsonObject json)
    {
        var item = new ContentItem
        {
            ContentItemId = String(json, "ContentItemId") ?? "",
            ContentItemVersionId = String(json, "ContentItemVersionId") ?? "",
            ContentType = String(json, "ContentType") ?? "",
            DisplayText = String(json, "DisplayText") ?? "",
            Latest = Bool(json, "Latest"),
            Published = Bool(json, "Published"),
            ModifiedUtc = Date(json, "ModifiedUtc"),
            PublishedUtc = Date(json, "PublishedUtc"),
            CreatedUtc = Date(json, "CreatedUtc"),
            Owner = String(json, "Owner") ?? "",
            Author = String(json, "Author") ?? "",
        };

        foreach (var (name, value) in json)
        {
            if (ItemProperties.Contains(name))
            {
                continue;
            }

            if (value is not JsonObject)
            {
                throw new ContentValidationException(item.ContentItemId, name,
                    $"'{name}' must be a JSON object (a content part), but it is {Kind(value)}.");
            }

            item.Parts[name] = value.DeepClone();
        }

        return item;
    }

    public static JsonObject Write(ContentItem item)
    {
        var json = new JsonObject
        {
            ["ContentItemId"] = item.ContentItemId,
            ["ContentItemVersionId"] = item.ContentItemVersionId,
            ["ContentType"] = item.ContentType,
            ["DisplayText"] = item.DisplayText,
            ["Latest"] = item.Latest,
            ["Published"] = item.Published,
            ["ModifiedUtc"] = item.ModifiedUtc,
            ["PublishedUtc"] = item.PublishedUtc,
            ["CreatedUtc"] = item.CreatedUtc,
            ["Owner"] = item.Owner,
            ["Author"] = item.Author,
        };
        foreach (var (name, value) in item.Parts)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    private static string? String(JsonObject json, string name) =>
        Get(json, name) switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var other => throw new ContentValidationException(String(json, "ContentItemId") is { } id && name != "ContentItemId" ? id : null, name,
                $"'{name}' must be a string, but it is {Kind(other)}."),
        };

    private static bool Bool(JsonObject json, string name) =>
        Get(json, name) switch
        {
            null => false,
            JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
            var other => throw new ContentValidationException(String(json, "ContentItemId"), name, $"'{name}' must be true or false, but it is {Kind(other)}."),
        };

    private static DateTime? Date(JsonObject json, string name)
    {
        var text = String(json, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        throw new ContentValidationException(String(json, "ContentItemId"), name, $"'{name}' is not a date: '{text}'. Use ISO 8601, e.g. 2026-09-01T08:00:00Z.");
    }

    private static JsonNode? Get(JsonObject json, string name)
    {
        foreach (var (key, value) in json)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "true/false",
        },
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
