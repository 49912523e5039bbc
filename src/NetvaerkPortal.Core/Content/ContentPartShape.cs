namespace NetvaerkPortal.Content;

public enum FieldType
{
    Text,
    TextList,
    Flag,
}

/// <summary>What one field of a part holds: a text (one line, or several), a list of one-line texts, or
/// true/false; and whether pages render the text as Markdown (then its nesting is bounded too).</summary>
public sealed record FieldShape(FieldType Type, bool MultiLine = false, bool Markdown = false)
{
    public static readonly FieldShape Line = new(FieldType.Text);
    public static readonly FieldShape Text = new(FieldType.Text, MultiLine: true);
    public static readonly FieldShape MarkdownText = new(FieldType.Text, MultiLine: true, Markdown: true);
    public static readonly FieldShape MarkdownLine = new(FieldType.Text, Markdown: true);
    public static readonly FieldShape Lines = new(FieldType.TextList);
    public static readonly FieldShape Flag = new(FieldType.Flag);

    /// <summary>What the field must be, in words for a message.</summary>
    public string Expected => Type switch
    {
        FieldType.TextList => "a list of texts, e.g. [\"a\", \"b\"]",
        FieldType.Flag => "true or false",
        _ => "a text (a JSON string)",
    };
}

/// <summary>The fields a part may hold. An item's part that has a shape holds no other field and each field
/// only what its shape says; parts without a shape (from recipes, Orchard Core's own) are only bounded in depth and size.</summary>
public sealed record ContentPartShape(string PartName, IReadOnlyDictionary<string, FieldShape> Fields)
{
    public static ContentPartShape Of(string partName, params (string Field, FieldShape Shape)[] fields) =>
        new(partName, fields.ToDictionary(f => f.Field, f => f.Shape, StringComparer.Ordinal));

    /// <summary>The platform's parts, with the fields Orchard Core gives them.</summary>
    public static IReadOnlyList<ContentPartShape> Platform { get; } =
    [
        Of("TitlePart", ("Title", FieldShape.Line)),
        Of("MarkdownBodyPart", ("Markdown", FieldShape.MarkdownText)),
        Of("AutoroutePart", ("Path", FieldShape.Line), ("SetHomepage", FieldShape.Flag), ("Disabled", FieldShape.Flag), ("RouteContainedItems", FieldShape.Flag), ("Absolute", FieldShape.Flag)),
    ];
}
