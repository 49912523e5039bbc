using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace NetvaerkPortal.Content.Editing;

/// <summary>A posted value that does not fit its field: a Danish message template for the localizer and its arguments
/// (the first is the field's label, itself a source text).</summary>
public sealed record FieldError(EditorField Field, string Template, object[] Arguments);

/// <summary>Edits content items through the fields their parts' modules declared: the fields of a type, an item's
/// value for a field, and a posted value written into the item or refused. Parts without declared fields are kept untouched.</summary>
public sealed class ContentEditor(IOptions<PartEditorOptions> options)
{
    /// <summary>The fields of a type's parts, title first and the rest in the parts' order.</summary>
    public IReadOnlyList<EditorField> FieldsFor(ContentTypeDefinition type) =>
        type.Parts.OrderBy(p => p.PartName == "TitlePart" ? -1 : p.Position)
            .SelectMany(p => options.Value.Parts.TryGetValue(p.PartName, out var fields) ? fields.Select(f => f with { Part = p.Name }) : [])
            .ToList();

    public static string Value(ContentItem item, EditorField field) => item.Part(field.Part)?[field.Field] switch
    {
        JsonArray array => string.Join(", ", array.Select(v => v?.ToString())),
        JsonValue value => value.ToString(),
        _ => "",
    };

    /// <summary>Writes every field's posted value into the item; returns what did not fit (nothing is written for those).</summary>
    public IReadOnlyList<FieldError> Apply(ContentItem item, ContentTypeDefinition type, Func<string, string?> posted) =>
        FieldsFor(type).Select(field => Apply(item, field, posted(field.FormName))).OfType<FieldError>().ToList();

    public static FieldError? Apply(ContentItem item, EditorField field, string? posted)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(field);
        if (field.Kind == EditorFieldKind.Checkbox)
        {
            item.GetOrCreatePart(field.Part)[field.Field] = posted is "true" or "on";
            return null;
        }

        var text = (posted ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        text = field.Kind is EditorFieldKind.Markdown or EditorFieldKind.Multiline ? text.TrimEnd() : text.Trim();
        if (field.Required && text.Length == 0)
        {
            return new FieldError(field, "{0} skal udfyldes.", [field.Label]);
        }

        if (text.Length > field.MaxLength)
        {
            return new FieldError(field, "{0} må højst være {1} tegn (nu {2}).", [field.Label, field.MaxLength, text.Length]);
        }

        if (field.Kind == EditorFieldKind.Date && text.Length > 0 && !DateOnly.TryParseExact(text, "yyyy-MM-dd", out _))
        {
            return new FieldError(field, "{0} skal være en dato som 2026-11-26.", [field.Label]);
        }

        var part = item.GetOrCreatePart(field.Part);
        part[field.Field] = field.Kind == EditorFieldKind.Tags
            ? new JsonArray(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).Select(t => (JsonNode)t).ToArray())
            : text;
        return null;
    }
}
