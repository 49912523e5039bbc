using System.Text.Json.Nodes;

namespace NetvaerkPortal.Content;

/// <summary>Content definitions in Orchard Core's ContentDefinition-step shape (ContentTypes, ContentParts).</summary>
public static class ContentDefinitionJson
{
    public static ContentTypeDefinition ReadType(JsonObject json)
    {
        var name = Text(json, "Name") ?? throw new ContentDefinitionException("A content type has no 'Name'. Give every type a name.");
        var parts = new List<ContentTypePartDefinition>();
        if (json["ContentTypePartDefinitionRecords"] is JsonArray records)
        {
            foreach (var record in records.OfType<JsonObject>())
            {
                var partName = Text(record, "PartName") ?? throw new ContentDefinitionException($"Content type '{name}' has a part without 'PartName'.");
                parts.Add(new ContentTypePartDefinition(Text(record, "Name") ?? partName, partName, Settings(record)));
            }
        }

        return new ContentTypeDefinition(name, Text(json, "DisplayName") ?? name, Settings(json), parts);
    }

    public static ContentPartDefinition ReadPart(JsonObject json)
    {
        var name = Text(json, "Name") ?? throw new ContentDefinitionException("A content part has no 'Name'. Give every part a name.");
        var fields = new List<ContentPartFieldDefinition>();
        if (json["ContentPartFieldDefinitionRecords"] is JsonArray records)
        {
            foreach (var record in records.OfType<JsonObject>())
            {
                var fieldName = Text(record, "FieldName") ?? throw new ContentDefinitionException($"Content part '{name}' has a field without 'FieldName'.");
                fields.Add(new ContentPartFieldDefinition(Text(record, "Name") ?? fieldName, fieldName, Settings(record)));
            }
        }

        return new ContentPartDefinition(name, Settings(json), fields);
    }

    public static JsonObject Write(ContentTypeDefinition type) => new()
    {
        ["Name"] = type.Name,
        ["DisplayName"] = type.DisplayName,
        ["Settings"] = type.Settings.DeepClone(),
        ["ContentTypePartDefinitionRecords"] = new JsonArray(type.Parts.Select(p => (JsonNode)new JsonObject
        {
            ["PartName"] = p.PartName,
            ["Name"] = p.Name,
            ["Settings"] = p.Settings.DeepClone(),
        }).ToArray()),
    };

    public static JsonObject Write(ContentPartDefinition part) => new()
    {
        ["Name"] = part.Name,
        ["Settings"] = part.Settings.DeepClone(),
        ["ContentPartFieldDefinitionRecords"] = new JsonArray(part.Fields.Select(f => (JsonNode)new JsonObject
        {
            ["FieldName"] = f.FieldName,
            ["Name"] = f.Name,
            ["Settings"] = f.Settings.DeepClone(),
        }).ToArray()),
    };

    /// <summary>Merges a recipe's definition into an existing one: display name and settings from the
    /// newer, parts from both (the newer wins where a part appears in both).</summary>
    public static ContentTypeDefinition Merge(ContentTypeDefinition existing, ContentTypeDefinition newer)
    {
        var settings = (JsonObject)existing.Settings.DeepClone();
        foreach (var (key, value) in newer.Settings)
        {
            settings[key] = value?.DeepClone();
        }

        var parts = existing.Parts.Where(p => newer.FindPart(p.Name) is null).Concat(newer.Parts).ToList();
        return new ContentTypeDefinition(existing.Name, newer.DisplayName, settings, parts);
    }

    private static JsonObject Settings(JsonObject json) => json["Settings"] as JsonObject is { } settings ? (JsonObject)settings.DeepClone() : [];

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}

public sealed class ContentDefinitionException(string message) : Exception(message);
