using System.Text.Json.Nodes;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Web.Hosting;

public enum FieldKind
{
    Text,
    Multiline,
    Markdown,
    Date,
    Visibility,
    Tags,
    Network,
}

public sealed record FieldError(string Template, object[] Arguments);

/// <summary>One editable field of a part, with its Danish label.</summary>
public sealed record PartField(string Part, string Field, string Label, FieldKind Kind, bool Required = false, int MaxLength = 4000)
{
    public string FormName => $"p.{Part}.{Field}";
}

/// <summary>The fields the editors' admin shows for the parts it knows; parts it does not know are kept untouched.</summary>
public static class PartEditors
{
    private static readonly Dictionary<string, PartField[]> Fields = new(StringComparer.Ordinal)
    {
        ["TitlePart"] = [new("TitlePart", "Title", "Titel", FieldKind.Text, Required: true, MaxLength: 200)],
        ["NetworkPart"] =
        [
            new("NetworkPart", "Purpose", "Formål", FieldKind.Multiline),
            new("NetworkPart", "DesiredEffect", "Ønsket effekt", FieldKind.Multiline),
            new("NetworkPart", "TargetGroup", "Målgruppe", FieldKind.Multiline),
            new("NetworkPart", "GroundRules", "Spilleregler", FieldKind.Multiline),
            new("NetworkPart", "Cadence", "Mødekadence", FieldKind.Text, MaxLength: 200),
        ],
        ["CasePart"] =
        [
            new("CasePart", "Organisation", "Organisation", FieldKind.Text, MaxLength: 200),
            new("CasePart", "Sector", "Sektor", FieldKind.Text, MaxLength: 200),
            new("CasePart", "Challenge", "Udfordring", FieldKind.Multiline),
            new("CasePart", "Approach", "Fremgangsmåde", FieldKind.Multiline),
            new("CasePart", "Results", "Resultater", FieldKind.Multiline),
        ],
        ["MeetingNotePart"] = [new("MeetingNotePart", "MeetingDate", "Mødedato", FieldKind.Date)],
        ["NetworkItemPart"] = [new("NetworkItemPart", "NetworkContentItemId", "Netværk", FieldKind.Network)],
        ["MarkdownBodyPart"] = [new("MarkdownBodyPart", "Markdown", "Brødtekst (Markdown)", FieldKind.Markdown, MaxLength: 100_000)],
        ["TagsPart"] = [new("TagsPart", "Tags", "Emneord (adskilt med komma)", FieldKind.Tags, MaxLength: 1000)],
        ["VisibilityPart"] = [new("VisibilityPart", "Visibility", "Synlighed", FieldKind.Visibility)],
        ["AutoroutePart"] = [new("AutoroutePart", "Path", "Adresse (URL-sti)", FieldKind.Text, MaxLength: 1024)],
    };

    /// <summary>The fields of a type's parts, title first and the rest in the parts' order.</summary>
    public static IReadOnlyList<PartField> For(ContentTypeDefinition type) =>
        type.Parts.OrderBy(p => p.PartName == "TitlePart" ? -1 : p.Position)
            .SelectMany(p => Fields.TryGetValue(p.PartName, out var fields) ? fields.Select(f => f with { Part = p.Name }) : [])
            .ToList();

    public static string Value(ContentItem item, PartField field) => item.Part(field.Part)?[field.Field] switch
    {
        JsonArray array => string.Join(", ", array.Select(v => v?.ToString())),
        JsonValue value => value.ToString(),
        _ => "",
    };

    /// <summary>Writes the posted value into the item; returns an error (a Danish template for the localizer and its arguments) when it does not fit.</summary>
    public static FieldError? Apply(ContentItem item, PartField field, string? posted)
    {
        var text = (posted ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        text = field.Kind is FieldKind.Markdown or FieldKind.Multiline ? text.TrimEnd() : text.Trim();
        if (field.Required && text.Length == 0)
        {
            return new FieldError("{0} skal udfyldes.", [field.Label]);
        }

        if (text.Length > field.MaxLength)
        {
            return new FieldError("{0} må højst være {1} tegn (nu {2}).", [field.Label, field.MaxLength, text.Length]);
        }

        if (field.Kind == FieldKind.Date && text.Length > 0 && !DateOnly.TryParseExact(text, "yyyy-MM-dd", out _))
        {
            return new FieldError("{0} skal være en dato som 2026-11-26.", [field.Label]);
        }

        var part = item.GetOrCreatePart(field.Part);
        part[field.Field] = field.Kind == FieldKind.Tags
            ? new JsonArray(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).Select(t => (JsonNode)t).ToArray())
            : text;
        return null;
    }
}
