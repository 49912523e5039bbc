namespace Netvaerk.Networks.ContentTypes;

/// <summary>How long each text may be. Generous for real writing, small enough that a page, a search
/// document and an API response stay reasonable.</summary>
public static class FieldLimits
{
    public const int Title = 200;
    public const int Markdown = 100_000;
    public const int ShortText = 200;
    public const int LongText = 4_000;
    public const int Tag = 50;
    public const int Tags = 20;

    /// <summary>Field limits of the module's parts; a field not listed here is a LongText.</summary>
    public static int Of(string part, string field) => (part, field) switch
    {
        ("TitlePart", "Title") => Title,
        ("MarkdownBodyPart", "Markdown") => Markdown,
        ("NetworkPart", "Cadence") => ShortText,
        ("CasePart", "Organisation" or "Sector") => ShortText,
        ("NetworkItemPart", "NetworkContentItemId") => 64,
        _ => LongText,
    };
}
