using System.Text.Json;
using System.Text.Json.Nodes;
using NetvaerkPortal.Display;

namespace NetvaerkPortal.Content;

/// <summary>What every write checks first, whatever it came from (API, admin, recipe): the id's shape; that the
/// item holds only the parts its type defines; that each part with a <see cref="ContentPartShape"/> holds only
/// its fields, each of the right JSON type; that no text holds control or text-direction characters; that
/// Markdown stays within <see cref="MarkdownNesting"/>'s bounds; and that nothing nests deeper than
/// <see cref="JsonInput.MaxDepth"/>. What passes can be read, listed, exported and rendered without surprises.</summary>
public static class ContentItemShape
{
    /// <summary>The longest stored version (the parts as JSON text): the longest Markdown body with room to spare.</summary>
    public const int MaxStoredLength = 500_000;

    public static void Check(ContentItem item, ContentTypeDefinition type, IReadOnlyDictionary<string, ContentPartShape> shapes)
    {
        var id = item.ContentItemId;
        if (id.Length > 0 && !ContentIds.IsValid(id))
        {
            throw new ContentValidationException(null, "ContentItemId",
                "'{0}' is not a content item id: an id is {1} lowercase letters (a–z) and digits, as the portal makes them. Leave ContentItemId out to get a new one.",
                Shorten(id), ContentIds.Length);
        }

        ContentText.Check(id, "DisplayText", item.DisplayText, multiLine: false);
        ContentText.Check(id, "Owner", item.Owner, multiLine: false);
        ContentText.Check(id, "Author", item.Author, multiLine: false);

        var unknown = item.Parts.Select(p => p.Key).Where(name => type.FindPart(name) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ContentValidationException(id, unknown,
                "The content type '{0}' has no part {1}. Its parts are {2}; leave the others out.",
                type.Name, string.Join(", ", unknown.Select(name => $"'{Shorten(name)}'")), string.Join(", ", type.Parts.Select(p => p.Name)));
        }

        foreach (var (name, node) in item.Parts)
        {
            if (node is not JsonObject part)
            {
                throw new ContentValidationException(id, name, "'{0}' must be a JSON object (a content part), but it is {1}.", name, ContentJson.Kind(node));
            }

            if (shapes.TryGetValue(type.FindPart(name)!.PartName, out var shape))
            {
                CheckFields(id, name, part, shape);
            }
            else
            {
                CheckFree(id, name, part, depth: 2);
            }
        }
    }

    /// <summary>The item as it will be stored must not be larger than <see cref="MaxStoredLength"/>.</summary>
    public static void CheckSize(ContentItem item, int storedLength)
    {
        if (storedLength > MaxStoredLength)
        {
            throw new ContentValidationException(item.ContentItemId, (string?)null,
                "The item is {0} characters long as stored; at most {1} are allowed. Shorten its texts or leave out large parts.",
                storedLength, MaxStoredLength);
        }
    }

    private static void CheckFields(string id, string name, JsonObject part, ContentPartShape shape)
    {
        foreach (var (field, value) in part)
        {
            var path = $"{name}.{field}";
            if (!shape.Fields.TryGetValue(field, out var fieldShape))
            {
                throw new ContentValidationException(id, path, "{0} is not a field of {1}. Its fields are {2}.",
                    $"{name}.{Shorten(field)}", shape.PartName, string.Join(", ", shape.Fields.Keys));
            }

            if (value is null)
            {
                continue;
            }

            switch (fieldShape.Type)
            {
                case FieldType.Text:
                    var text = Text(id, path, value) ?? throw Wrong(id, path, fieldShape, value);
                    ContentText.Check(id, path, text, fieldShape.MultiLine);
                    if (fieldShape.Markdown)
                    {
                        CheckMarkdown(id, path, text);
                    }

                    break;
                case FieldType.TextList:
                    if (value is not JsonArray list)
                    {
                        throw Wrong(id, path, fieldShape, value);
                    }

                    foreach (var entry in list)
                    {
                        ContentText.Check(id, path, Text(id, path, entry) ?? throw Wrong(id, path, fieldShape, value), multiLine: false);
                    }

                    break;
                default:
                    if (value is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        throw Wrong(id, path, fieldShape, value);
                    }

                    break;
            }
        }
    }

    /// <summary>A part without a shape: any fields, but bounded in depth and free of control characters.</summary>
    private static void CheckFree(string id, string path, JsonNode? node, int depth)
    {
        if (depth > JsonInput.MaxDepth)
        {
            throw new ContentValidationException(id, path, "{0} is nested deeper than {1} levels. Flatten it.", path, JsonInput.MaxDepth);
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    ContentText.Check(id, path, key, multiLine: false);
                    CheckFree(id, path, value, depth + 1);
                }

                break;
            case JsonArray array:
                foreach (var value in array)
                {
                    CheckFree(id, path, value, depth + 1);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                ContentText.Check(id, path, Text(id, path, value)!, multiLine: true);
                break;
        }
    }

    /// <summary>Markdown that nests too deeply, or that Markdig cannot render, is refused here rather than failing every page
    /// that shows it (and by the editors' preview, with the same message).</summary>
    public static void CheckMarkdown(string? id, string path, string markdown)
    {
        var measure = MarkdownNesting.Measure(markdown);
        if (measure.TooDeep)
        {
            throw new ContentValidationException(id, path,
                "{0} is nested {1} levels deep (quotes, lists, brackets, emphasis or HTML tags); at most {2} levels are allowed. Flatten it.",
                path, measure.Depth, MarkdownNesting.MaxDepth);
        }

        if (measure.TooManyMarks)
        {
            throw new ContentValidationException(id, path,
                "{0} has {1} emphasis marks and web addresses in one paragraph; at most {2} are allowed. Split it into paragraphs with blank lines.",
                path, measure.MarksPerParagraph, MarkdownNesting.MaxMarksPerParagraph);
        }

        if (!MarkdownRenderer.CanRender(markdown))
        {
            throw new ContentValidationException(id, path,
                "{0} cannot be rendered as Markdown. Simplify its formatting: fewer nested quotes, lists, brackets or emphasis.", path);
        }
    }

    /// <summary>The node's text, or null when it is not a JSON string.</summary>
    private static string? Text(string id, string path, JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            throw new ContentValidationException(id, path, "{0} holds a lone UTF-16 surrogate (such as \\ud800), which is not a character. Send valid Unicode text.", path);
        }
    }

    private static ContentValidationException Wrong(string id, string path, FieldShape shape, JsonNode? value) =>
        new(id, path, "{0} must be {1}, but it is {2}.", path, shape.Expected, ContentJson.Kind(value));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
