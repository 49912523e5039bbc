using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Netvaerk.Search.Lucene.Analysis;
using Netvaerk.Search.Lucene.Indexes;
using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Content;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Search;

/// <summary>IndexQuery on documents as SearchDocuments builds them: matching on the body field (which holds
/// title and tags), the title weighed in for the best matches, and hits read from doc values.</summary>
public sealed class IndexQueryTests
{
    internal static SearchResults Search(IReadOnlyList<ContentItem> items, string query, int page = 1, int pageSize = 10, string analyzer = AnalyzerNames.Danish,
        SearchSort? sort = null)
    {
        using var directory = new RAMDirectory();
        using var indexAnalyzer = AnalyzerNames.CreateIndexAnalyzer(analyzer);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(DanishAnalyzer.Version, indexAnalyzer)))
        {
            foreach (var item in items)
            {
                item.Published = true;
                writer.AddDocument(SearchDocuments.Build(item, TestItems.ItemVisibility));
            }
        }

        using var reader = DirectoryReader.Open(directory);
        return IndexQuery.Run(new IndexSearcher(reader), AnalyzerNames.CreateQueryAnalyzer(analyzer), indexAnalyzer,
            new SearchRequest { Query = query, Page = page, PageSize = pageSize, Sort = sort }, readerTerms: null, (id, path) => path ?? id);
    }

    [Fact]
    public void A_word_in_the_title_or_a_tag_ranks_above_the_same_word_only_in_the_text()
    {
        var inText = TestItems.Create("Case", "Om året der gik", "Vi talte om budget, budget og atter budget i netværket.");
        var inTitle = TestItems.Create("Case", "Budget for næste år", "Vi talte om planer i netværket og om budget.");
        var inTag = TestItems.Create("Case", "Planlægning", "Vi talte om budget i netværket.", tags: ["Budget"]);

        var hits = Search([inText, inTitle, inTag], "budget").Hits.Select(hit => hit.ContentItemId).ToList();

        Assert.Equal(3, hits.Count);
        Assert.Equal(inText.ContentItemId, hits[^1]);
    }

    [Fact]
    public void A_hit_found_by_its_title_or_tags_only_shows_its_opening_and_says_so()
    {
        var titled = TestItems.Create("Case", "Vagtplanlægning i weekenden", "Hvordan fordeler vi de svære timer? Det tager vi op.");
        var inText = TestItems.Create("Case", "Erfaringer", "Vagtplanlægning er svært, siger lederne.");

        var hits = Search([titled, inText], "vagtplanlægning").Hits;

        var byTitle = Assert.Single(hits, hit => hit.ContentItemId == titled.ContentItemId);
        Assert.True(byTitle.MatchedTitleOrTagsOnly);
        Assert.StartsWith("Hvordan fordeler vi", byTitle.Snippet, StringComparison.Ordinal);
        Assert.False(Assert.Single(hits, hit => hit.ContentItemId == inText.ContentItemId).MatchedTitleOrTagsOnly);
        Assert.All(Search([titled, inText], "").Hits, hit => Assert.False(hit.MatchedTitleOrTagsOnly));
    }

    [Fact]
    public void Words_only_in_the_title_or_a_tag_are_found()
    {
        var titled = TestItems.Create("Case", "Vagtplanlægning i weekenden", "Hvordan fordeler vi de svære timer?");
        var tagged = TestItems.Create("Case", "Erfaringer", "Noget helt andet.", tags: ["Rekruttering"]);

        Assert.Equal(titled.ContentItemId, Assert.Single(Search([titled, tagged], "vagtplan").Hits).ContentItemId);
        Assert.Equal(tagged.ContentItemId, Assert.Single(Search([titled, tagged], "rekruttering").Hits).ContentItemId);
    }

    [Theory]
    [InlineData(AnalyzerNames.Danish, "Et godt år for kollegial", "Sparring virker.", "\"kollegial sparring\"")]
    [InlineData(AnalyzerNames.English, "A good year for peer", "Coaching works.", "\"peer coaching\"")]
    [InlineData(AnalyzerNames.Standard, "A good year for peer", "Coaching works.", "\"peer coaching\"")]
    public void A_phrase_does_not_run_from_the_title_into_the_text(string analyzer, string title, string body, string phrase)
    {
        var item = TestItems.Create("Case", title, body);

        Assert.Empty(Search([item], phrase, analyzer: analyzer).Hits);
        Assert.Single(Search([item], phrase.Trim('"'), analyzer: analyzer).Hits);
    }

    [Fact]
    public void A_hit_carries_its_id_type_title_url_network_date_and_snippet()
    {
        var item = TestItems.Create("MeetingNote", "Referat af mødet", "Vi evaluerede <året> & planlagde.", network: "netvaerk-1", path: "netvaerk/referat");
        item.PublishedUtc = item.ModifiedUtc = new DateTime(2026, 9, 20, 8, 0, 0, DateTimeKind.Utc);

        var hit = Assert.Single(Search([item], "referat").Hits);

        // A meeting note's date is the day of the meeting (TestItems: 2026-09-16), not the day it was written down.
        Assert.Equal((item.ContentItemId, "MeetingNote", "Referat af mødet", "netvaerk/referat", "netvaerk-1", new DateTime(2026, 9, 16, 0, 0, 0, DateTimeKind.Utc)),
            (hit.ContentItemId, hit.ContentType, hit.DisplayText, hit.Url, hit.Network, hit.Date));
        Assert.Equal("Vi evaluerede &lt;året&gt; &amp; planlagde.", hit.Snippet);
    }

    [Fact]
    public void Other_hits_carry_their_last_change_and_newest_first_orders_by_the_date_shown()
    {
        var article = TestItems.Create("KnowledgeArticle", "Artikel om møder", "Om møder.");
        article.PublishedUtc = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        article.ModifiedUtc = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);
        var note = TestItems.Create("MeetingNote", "Notat om møder", "Om møder.", network: "netvaerk-1");
        note.PublishedUtc = note.ModifiedUtc = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

        var hits = Search([article, note], "møder", sort: SearchSort.Date).Hits;

        Assert.Equal([article.ContentItemId, note.ContentItemId], hits.Select(hit => hit.ContentItemId));
        Assert.Equal(article.ModifiedUtc, hits[0].Date);
        Assert.Equal(new DateTime(2026, 9, 16, 0, 0, 0, DateTimeKind.Utc), hits[1].Date);
    }

    [Fact]
    public void A_very_long_text_is_indexed_whole_and_keeps_its_opening_for_the_snippet()
    {
        // 40,000 characters of mostly two-byte letters: more than one doc value may hold.
        var body = "Trivsel står først. " + string.Concat(Enumerable.Repeat("Æbler og øl på åen. ", 2_000)) + "Sidst står sygefravær.";
        var item = TestItems.Create("KnowledgeArticle", "Lang artikel", body);

        Assert.StartsWith("<mark>Trivsel</mark> står først.", Assert.Single(Search([item], "trivsel").Hits).Snippet, StringComparison.Ordinal);
        Assert.Single(Search([item], "sygefravær").Hits);
    }

    [Fact]
    public void Pages_after_the_first_follow_the_same_ranking()
    {
        var items = Enumerable.Range(1, 25).Select(n => TestItems.Create("Case", $"Sag {n}", string.Concat(Enumerable.Repeat("møde ", n)) + "slut")).ToList();

        var all = Search(items, "møde", pageSize: 25).Hits.Select(hit => hit.ContentItemId).ToList();
        var pages = Enumerable.Range(1, 3).SelectMany(page => Search(items, "møde", page).Hits.Select(hit => hit.ContentItemId)).ToList();

        Assert.Equal(all, pages);
    }
}
