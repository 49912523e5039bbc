namespace Netvaerk.Networks.Display;

/// <summary>How an item is shown: its own page, or a short entry in a list (templates <c>Content-{Type}</c> and
/// <c>Content-{Type}.Summary</c>, falling back to <c>Content</c> and <c>Content.Summary</c>).</summary>
public enum DisplayType
{
    Detail,
    Summary,
}

/// <summary>The view model of a content item, as Orchard Core's content shape: what every item has, and what each of its
/// parts shows under <see cref="Parts"/> (by part name, built by that part's <see cref="Parts.IPartDisplay"/>). Labels are
/// Danish source texts that the templates translate with <c>t</c>; Markdown arrives sanitized as HTML.</summary>
/// <param name="Date">The date a reader goes by, as yyyy-MM-dd: a meeting note's meeting date, else when it was published.</param>
/// <param name="Facts">Every part's labelled fields in the parts' order, for templates that show any type.</param>
public sealed record ItemShape(
    string ContentItemId,
    string ContentType,
    string TypeName,
    string DisplayType,
    string Title,
    string Url,
    string? Date,
    DateTime? ModifiedUtc,
    IReadOnlyDictionary<string, object> Parts,
    IReadOnlyList<ItemFact> Facts,
    ItemActions Actions);

/// <summary>A labelled field of a part (a network's purpose, a case's results); <see cref="Html"/> is sanitized Markdown.</summary>
public sealed record ItemFact(string Label, string Field, string Html);

/// <summary>What the reader may do with the item: links that are null when they may not.</summary>
/// <param name="HasNewerDraft">The item has a draft newer than the published version the page shows.</param>
public sealed record ItemActions(string? EditUrl, string? HistoryUrl, bool HasNewerDraft)
{
    public static readonly ItemActions None = new(null, null, false);
}
