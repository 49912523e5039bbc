using CsCheck;
using Netvaerk.Search.Lucene.Analysis;
using Netvaerk.Search.Lucene.Searching;

namespace NetvaerkPortal.Tests.Search;

/// <summary>Snippets mark the words the index matched (inflected, compound, transliterated), escape the
/// rest, and show the passages with the most query terms.</summary>
public sealed class SnippetsTests
{
    private static readonly DanishAnalyzer IndexAnalyzer = new();

    private static string Snippet(string query, string body) =>
        new Snippets(QueryText.Parse(query).ToQuery(DanishSynonyms.CreateQueryAnalyzer(null), IndexQuery.MatchFields), new IndexedWords(IndexAnalyzer)).For(body);

    [Theory]
    [InlineData("møde", "Vi holdt netværksmødet i går.", "Vi holdt <mark>netværksmødet</mark> i går.")]
    [InlineData("moede", "Næste Møde er i maj.", "Næste <mark>Møde</mark> er i maj.")]
    [InlineData("leder", "Ledernetværket mødes.", "<mark>Ledernetværket</mark> mødes.")]
    [InlineData("tillidsmand", "Spørg din TR om det.", "Spørg din <mark>TR</mark> om det.")]
    [InlineData("\"kollegial sparring\"", "Kollegial sparring hjælper.", "<mark>Kollegial</mark> <mark>sparring</mark> hjælper.")]
    [InlineData("møde -referat", "Referat fra mødet.", "Referat fra <mark>mødet</mark>.")]
    public void The_words_the_query_matched_are_marked(string query, string body, string expected)
    {
        Assert.Equal(expected, Snippet(query, body));
    }

    [Fact]
    public void Everything_but_the_marks_is_escaped()
    {
        Assert.Equal("&lt;b&gt;<mark>møde</mark>&lt;/b&gt; &amp; &quot;mere&quot;", Snippet("møde", "<b>møde</b> & \"mere\""));
    }

    [Fact]
    public void The_passages_with_the_most_query_terms_are_shown_in_document_order()
    {
        var filler = string.Concat(Enumerable.Repeat("Der var mange andre punkter på dagsordenen den dag. ", 6));
        var body = "Første afsnit handler om sparring. " + filler
            + "Andet afsnit handler om trivsel. " + filler
            + "Tredje afsnit: trivsel kræver sparring. " + filler;

        var snippet = Snippet("trivsel sparring", body);

        Assert.StartsWith("Første afsnit handler om <mark>sparring</mark>.", snippet, StringComparison.Ordinal);
        Assert.Contains(" … Tredje afsnit: <mark>trivsel</mark> kræver <mark>sparring</mark>.", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("Andet afsnit", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passage_further_down_starts_at_its_sentence_and_says_that_text_came_before()
    {
        var body = string.Concat(Enumerable.Repeat("Intet at se her. ", 20)) + "Her står om evaluering af året. Mere tekst.";

        Assert.Equal("…Her står om <mark>evaluering</mark> af året. Mere tekst.", Snippet("evaluering", body));
    }

    [Fact]
    public void A_body_without_the_query_words_shows_its_opening()
    {
        var body = "Netværket mødes hver måned på rådhuset og deler erfaringer fra hverdagen som ledere i kommunen, " +
            "med faste roller, tidsplan og opfølgning på sidste gangs aftaler. Alle er velkomne.";

        var snippet = Snippet("budget", body);

        Assert.StartsWith("Netværket mødes hver måned", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_become_one_line()
    {
        Assert.Equal("Første linje. Anden linje om <mark>møde</mark>.", Snippet("møde", "Første linje.\n\nAnden linje om møde."));
    }
}

/// <summary>The words of snippets and titles are lowercased without ICU for Latin-1 text, exactly as the runtime does.</summary>
public sealed class IndexedWordsLowercaseTests
{
    [Fact]
    public void Lowercasing_agrees_with_the_runtime_for_every_latin1_letter_and_beyond()
    {
        Gen.Char['\u0000', '\u0400'].Array[1, 20].Select(chars => new string(chars))
            .Sample(word =>
            {
                var lower = new char[word.Length];
                var length = IndexedWords.ToLower(word, lower);
                Assert.Equal(word.ToLowerInvariant(), new string(lower, 0, length));
            }, iter: 20_000);
        Assert.Equal("æblerød ÅÆØ".ToLowerInvariant(), Lower("ÆBLERØD ÅÆØ"));
        Assert.Equal("ΣΟΦΙΑ".ToLowerInvariant(), Lower("ΣΟΦΙΑ"));
        Assert.Equal("𐐀".ToLowerInvariant(), Lower("𐐀"));
    }

    private static string Lower(string word)
    {
        var lower = new char[word.Length];
        return new string(lower, 0, IndexedWords.ToLower(word, lower));
    }
}
