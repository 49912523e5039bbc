using System.Text.Json.Nodes;

namespace NetvaerkPortal.Content;

/// <summary>A content type: its parts with their settings, in Orchard Core's definition model.</summary>
public sealed record ContentTypeDefinition(string Name, string DisplayName, JsonObject Settings, IReadOnlyList<ContentTypePartDefinition> Parts)
{
    /// <summary>Orchard's nested shape keeps type settings under ContentTypeSettings; older recipes put them flat.</summary>
    private JsonObject TypeSettings => Settings["ContentTypeSettings"] as JsonObject ?? Settings;

    public bool Draftable => TypeSettings[nameof(Draftable)]?.GetValue<bool>() ?? false;

    public bool Versionable => TypeSettings[nameof(Versionable)]?.GetValue<bool>() ?? false;

    public bool Creatable => TypeSettings[nameof(Creatable)]?.GetValue<bool>() ?? false;

    public bool Listable => TypeSettings[nameof(Listable)]?.GetValue<bool>() ?? false;

    public ContentTypePartDefinition? FindPart(string name) =>
        Parts.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public bool HasPart(string partName) => Parts.Any(p => p.PartName == partName);
}

/// <summary>A part attached to a type. <c>Name</c> is the property name in content JSON; <c>PartName</c> the part's kind.</summary>
public sealed record ContentTypePartDefinition(string Name, string PartName, JsonObject Settings)
{
    private JsonObject PartSettings => Settings["ContentTypePartSettings"] as JsonObject ?? Settings;

    /// <summary>An item of the type is refused without this part. Our addition to ContentTypePartSettings.</summary>
    public bool Required => PartSettings[nameof(Required)] is JsonValue value && (value.TryGetValue<bool>(out var flag) ? flag : string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase));

    public int Position => PartSettings[nameof(Position)] is JsonValue value && int.TryParse(value.ToString(), out var position) ? position : int.MaxValue;
}

public sealed record ContentPartDefinition(string Name, JsonObject Settings, IReadOnlyList<ContentPartFieldDefinition> Fields);

public sealed record ContentPartFieldDefinition(string Name, string FieldName, JsonObject Settings);

/// <summary>Content types that modules define in code; recipes add to and refine them per tenant.</summary>
public sealed class ContentDefinitionOptions
{
    public List<ContentTypeDefinition> Types { get; } = [];

    public List<ContentPartDefinition> Parts { get; } = [];

    /// <summary>The fields each part (by part name) may hold; modules add their parts' shapes, or fields to a shape.</summary>
    public Dictionary<string, ContentPartShape> PartShapes { get; } = new(StringComparer.Ordinal);

    public void AddShapes(IEnumerable<ContentPartShape> shapes)
    {
        foreach (var shape in shapes)
        {
            PartShapes[shape.PartName] = PartShapes.TryGetValue(shape.PartName, out var existing)
                ? existing with { Fields = existing.Fields.Concat(shape.Fields).GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal) }
                : shape;
        }
    }
}
