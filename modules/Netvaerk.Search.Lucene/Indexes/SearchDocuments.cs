using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
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

    /// <summary>The body's word stems written backwards: the dictionary a query finds compound heads in (CompoundExpansion).</summary>
    public const string BodyReversed = Body + Analysis.DanishAnalyzer.ReversedFieldSuffix;
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

    // Only its terms are read, never its postings' frequencies, positions or norms.
    private static readonly global::Lucene.Net.Documents.FieldType ReversedType = new()
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    };

    /// <summary>The longest text a hit keeps for its snippet, in UTF-8 bytes (Lucene's limit for one doc value is 32,766).</summary>
    public const int MaxSnippetSourceBytes = 32_000;

    // What a hit shows is kept as doc values (HitValues), not stored fields: reading ten hits is then a few
    // random reads, not ten decompressed blocks. Nothing is stored.
    public static Document Build(ContentItem item, ItemVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(visibility);
        var title = item.Text("TitlePart", "Title") is { Length: > 0 } t ? t : item.DisplayText;
        var body = BodyText(item);
        var document = new Document
        {
            new StringField(SearchFieldNames.Id, item.ContentItemId, Field.Store.NO),
            new BinaryDocValuesField(SearchFieldNames.Id, new BytesRef(item.ContentItemId)),
            new StringField(SearchFieldNames.ContentType, item.ContentType, Field.Store.NO),
            new SortedDocValuesField(SearchFieldNames.ContentType, new BytesRef(item.ContentType)),
            new TextField(SearchFieldNames.Title, title, Field.Store.NO),
            new BinaryDocValuesField(SearchFieldNames.Title, Utf8Prefix(title)),
            // The body field also holds the title and the tags: a search matches on this one field (one list of
            // documents per word instead of two) and weighs the title in for its best hits only (IndexQuery).
            new TextField(SearchFieldNames.Body, title, Field.Store.NO),
            new TextField(SearchFieldNames.Body, body, Field.Store.NO),
            new BinaryDocValuesField(SearchFieldNames.Body, Utf8Prefix(body)),
            new Field(SearchFieldNames.BodyReversed, title, ReversedType),
            new Field(SearchFieldNames.BodyReversed, body, ReversedType),
            new StringField(SearchFieldNames.Visibility, item.Published ? visibility.DocumentTerm(item) : SearchFieldNames.DraftTerm, Field.Store.NO),
        };

        if (visibility.NetworkOf(item) is { } network)
        {
            document.Add(new StringField(SearchFieldNames.Network, network, Field.Store.NO));
            document.Add(new SortedDocValuesField(SearchFieldNames.Network, new BytesRef(network)));
        }

        var tags = Tags(item);
        if (tags.Count > 0)
        {
            // Tags are searched as part of the title (they are chosen like titles), and so of the body too.
            var tagText = string.Join(". ", tags);
            document.Add(new TextField(SearchFieldNames.Title, tagText, Field.Store.NO));
            document.Add(new TextField(SearchFieldNames.Body, tagText, Field.Store.NO));
            document.Add(new Field(SearchFieldNames.BodyReversed, tagText, ReversedType));
            foreach (var tag in tags)
            {
                document.Add(new StringField(SearchFieldNames.Tag, tag, Field.Store.NO));
                document.Add(new SortedSetDocValuesField(SearchFieldNames.Tag, new BytesRef(tag)));
            }
        }

        document.Add(new NumericDocValuesField(SearchFieldNames.Date, Date(item).Ticks));
        if (item.Text("AutoroutePart", "Path") is { Length: > 0 } path)
        {
            document.Add(new BinaryDocValuesField(SearchFieldNames.Path, Utf8Prefix(path)));
        }

        return document;
    }

    /// <summary>The date a hit shows and newest-first sorts by: a meeting note's meeting date (the day it is about),
    /// otherwise when the item last changed.</summary>
    public static DateTime Date(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Text("MeetingNotePart", "MeetingDate") is { Length: > 0 } text
            && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
            : item.ModifiedUtc ?? item.PublishedUtc ?? item.CreatedUtc ?? DateTime.UnixEpoch;
    }

    // The text's UTF-8 bytes, cut after the last whole character that fits in MaxSnippetSourceBytes:
    // a snippet only looks at a body's first part.
    private static BytesRef Utf8Prefix(string text)
    {
        var buffer = new byte[Math.Min(Encoding.UTF8.GetMaxByteCount(text.Length), MaxSnippetSourceBytes)];
        Encoding.UTF8.GetEncoder().Convert(text, buffer, flush: true, out _, out var bytesUsed, out _);
        return new BytesRef(buffer, 0, bytesUsed);
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
