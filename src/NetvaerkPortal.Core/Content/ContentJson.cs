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

    /// <summary>Reads content JSON from outside (an API body): malformed JSON, a key given twice, a lone surrogate,
    /// too deep nesting and properties of the wrong JSON type are refused naming the field.</summary>
    public static ContentItem Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonInput.Parse(json);
        }
        catch (JsonInputException error)
        {
            throw new ContentValidationException(null, error.Field, error.Message);
        }

        return node is JsonObject obj ? ReadChecked(obj) : throw new ContentValidationException(null, (string?)null, "The content JSON must be an object.");
    }

    /// <summary>Reads an item already parsed elsewhere (a recipe's content step) by the same rules as <see cref="Parse"/>.</summary>
    public static ContentItem Read(JsonObject json)
    {
        string text;
        try
        {
            text = json.ToJsonString();
        }
        catch (Exception error) when (error is InvalidOperationException or JsonException or ArgumentException)
        {
            // A lone surrogate cannot be written back out; too deep nesting neither.
            throw new ContentValidationException(null, (string?)null, "The item cannot be read: {0} Send valid Unicode text nested at most {1} levels deep.", FirstSentence(error.Message), JsonInput.MaxDepth);
        }

        return Parse(text);
    }

    private static ContentItem ReadChecked(JsonObject json)
    {
        CheckItemProperties(json);
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
                    "'{0}' must be a JSON object (a content part), but it is {1}.", name, Kind(value));
            }

            item.Parts[name] = value.DeepClone();
        }

        return item;
    }

    /// <summary>The item's own properties are read ignoring case, so "ContentType" and "contentType" together are one key given twice.</summary>
    private static void CheckItemProperties(JsonObject json)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, _) in json)
        {
            if (ItemProperties.Contains(name) && !seen.TryAdd(name, name))
            {
                throw new ContentValidationException(null, name, "The key '{0}' is given twice (as '{1}' and '{0}'). Send each key once.", name, seen[name]);
            }
        }
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
            var other => throw new ContentValidationException(name != "ContentItemId" ? String(json, "ContentItemId") : null, name,
                "'{0}' must be a string, but it is {1}.", name, Kind(other)),
        };

    private static bool Bool(JsonObject json, string name) =>
        Get(json, name) switch
        {
            null => false,
            JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
            var other => throw new ContentValidationException(String(json, "ContentItemId"), name, "'{0}' must be true or false, but it is {1}.", name, Kind(other)),
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

        throw new ContentValidationException(String(json, "ContentItemId"), name, "'{0}' is not a date: '{1}'. Use ISO 8601, e.g. 2026-09-01T08:00:00Z.", name, text.Length <= 40 ? text : text[..40] + "…");
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

    /// <summary>What a JSON value is, in words for a message ("a number", "an array").</summary>
    internal static string Kind(JsonNode? node) => node switch
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
