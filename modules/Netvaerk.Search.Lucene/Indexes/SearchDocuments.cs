using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Markdig;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>The fields of a search document.</summary>
public static class SearchFieldNames
{
    public const string Id = "id";
    public const string ContentType = "type";
    public const string Title = "title";
    public const string Body = "body";
    public const string Tag = "tag";
    public const string Network = "network";
    public const string Visibility = "visibility";
    public const string Date = "date";
    public const string Path = "path";

    /// <summary>The term of a document only readers who read everything may find: an unpublished latest version.</summary>
    public const string DraftTerm = "draft";
}

/// <summary>Turns a content item into the Lucene document the search indexes: its text, its facets, its
/// visibility term and its date.</summary>
public static class SearchDocuments
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UsePipeTables().Build();

    // Parts whose strings are not text to search: ids, paths, settings, or indexed on their own.
    private static readonly HashSet<string> NonTextParts = new(StringComparer.Ordinal)
    {
        "TitlePart", "MarkdownBodyPart", "AutoroutePart", "VisibilityPart", "NetworkItemPart", "TagsPart",
    };

    public static Document Build(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var title = item.Text("TitlePart", "Title") is { Length: > 0 } t ? t : item.DisplayText;
        var document = new Document
        {
            new StringField(SearchFieldNames.Id, item.ContentItemId, Field.Store.YES),
            new StringField(SearchFieldNames.ContentType, item.ContentType, Field.Store.YES),
            new SortedDocValuesField(SearchFieldNames.ContentType, new BytesRef(item.ContentType)),
            new TextField(SearchFieldNames.Title, title, Field.Store.YES),
            new TextField(SearchFieldNames.Body, BodyText(item), Field.Store.YES),
            new StringField(SearchFieldNames.Visibility, item.Published ? Visibility.DocumentTerm(item) : SearchFieldNames.DraftTerm, Field.Store.NO),
        };

        if (Visibility.NetworkOf(item) is { } network)
        {
            document.Add(new StringField(SearchFieldNames.Network, network, Field.Store.YES));
            document.Add(new SortedDocValuesField(SearchFieldNames.Network, new BytesRef(network)));
        }

        var tags = Tags(item);
        if (tags.Count > 0)
        {
            // Tags are searched as part of the title (they are chosen like titles): one field less per query word.
            document.Add(new TextField(SearchFieldNames.Title, string.Join(". ", tags), Field.Store.NO));
            foreach (var tag in tags)
            {
                document.Add(new StringField(SearchFieldNames.Tag, tag, Field.Store.YES));
                document.Add(new SortedSetDocValuesField(SearchFieldNames.Tag, new BytesRef(tag)));
            }
        }

        var date = item.PublishedUtc ?? item.ModifiedUtc ?? item.CreatedUtc ?? DateTime.UnixEpoch;
        document.Add(new NumericDocValuesField(SearchFieldNames.Date, date.Ticks));
        document.Add(new StoredField(SearchFieldNames.Date, date.Ticks));
        if (item.Text("AutoroutePart", "Path") is { Length: > 0 } path)
        {
            document.Add(new StoredField(SearchFieldNames.Path, path));
        }

        return document;
    }

    /// <summary>The item's tags, trimmed, each once (the first spelling wins).</summary>
    public static IReadOnlyList<string> Tags(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Part("TagsPart")?["Tags"] is JsonArray tags
            ? tags.Select(tag => tag is JsonValue value && value.TryGetValue<string>(out var text) ? text.Trim() : null)
                .OfType<string>().Where(tag => tag.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [];
    }

    /// <summary>The body as plain text: the Markdown body, then the text of the item's other parts (a network's purpose, a case's approach).</summary>
    public static string BodyText(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = new StringBuilder();
        if (item.Text("MarkdownBodyPart", "Markdown") is { Length: > 0 } markdown)
        {
            text.Append(PlainText(markdown));
        }

        foreach (var (name, part) in item.Parts)
        {
            if (!NonTextParts.Contains(name) && part is JsonObject fields)
            {
                foreach (var (_, value) in fields)
                {
                    if (value is JsonValue field && field.TryGetValue<string>(out var words) && IsProse(words))
                    {
                        text.Append('\n').Append(PlainText(words));
                    }
                }
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>Markdown without its markup: what a reader sees, so snippets never show '##' or '**'.</summary>
    public static string PlainText(string markdown) => Markdig.Markdown.ToPlainText(markdown, Markdown).Trim();

    // Dates and ids in a part are not words anybody searches for.
    private static bool IsProse(string value) =>
        value.Length > 0 && value.Any(char.IsWhiteSpace)
        && !DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);
}
