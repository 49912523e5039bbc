using System.Globalization;
using Netvaerk.Search.Lucene.Analysis;

namespace NetvaerkPortal.Tests.Search;

/// <summary>Query words find the indexed compounds that begin or end with them, from the index's own words, without
/// the shipped parts list (these indexes are built without it); derivations and chance letters are not compounds.</summary>
public sealed class CompoundExpansionTests
{
    [Fact]
    public void A_word_used_only_inside_compounds_finds_those_that_begin_and_end_with_it()
    {
        using var index = Index(
            ("a", "Madaffald og haveaffaldet hentes hver uge"),
            ("b", "Affaldssorteringen begynder i april"),
            ("c", "Storskrald hentes efter aftale"));

        Assert.Equal(["a", "b"], index.Search("affald").Order());
    }

    [Fact]
    public void A_word_typed_with_its_linking_letter_finds_the_compounds_it_begins()
    {
        using var index = Index(("a", "Klasselæreren og lærerne holder møde"), ("b", "Lærerne holder møde"));

        Assert.Equal(["a"], index.Search("klasse"));
    }

    [Theory]
    [InlineData("park", "Parkeringen bag rådhuset er lukket")]
    [InlineData("elev", "Elevatoren virker ikke")]
    [InlineData("handling", "Forhandlingen gik godt")]
    [InlineData("led", "Vejledningen er anderledes")]
    public void A_derivation_or_a_chance_beginning_is_not_a_compound(string word, string text)
    {
        using var index = Index(("a", text), ("b", "Ingen af ordene står her"));

        Assert.Empty(index.Search(word));
    }

    [Fact]
    public void A_short_word_finds_a_compound_whose_other_part_the_texts_use_on_its_own()
    {
        using var index = Index(("a", "Parkafdelingen slår græsset"), ("b", "Afdelingen har fået ny leder"));

        Assert.Contains("a", index.Search("park"));
    }

    [Fact]
    public void The_word_itself_ranks_above_the_rarer_compounds_that_contain_it()
    {
        using var index = Index(
            ("madaffald", "Madaffald hentes om mandagen"),
            ("word", "Affald hentes om mandagen"),
            ("haveaffald", "Haveaffaldet hentes om mandagen"),
            ("other", "Affald og pap sorteres"));

        var hits = index.Search("affald");

        Assert.Equal(4, hits.Count);
        Assert.Equal(["other", "word"], hits.Take(2).Order());
    }

    [Fact]
    public void A_word_that_begins_thousands_of_indexed_words_expands_to_a_bounded_number()
    {
        var documents = Enumerable.Range(0, 3_000)
            .Select(i => ($"d{i}", $"Mødelokale{Letters(i)} er booket"))
            .ToArray();
        using var index = Index(documents);

        var compounds = index.Compounds()!;
        var expanded = compounds.For("mød", "møde");

        Assert.InRange(expanded.Count, 1, CompoundExpansion.MaxTermsPerWord);
        Assert.Equal(10, index.Search("møde").Count);
    }

    [Theory]
    [InlineData("😀😀😀affald😀")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("s e s e s e")]
    [InlineData("123456 affald789")]
    public void Odd_words_are_expanded_without_failing(string query)
    {
        using var index = Index(("a", "Madaffald 😀😀 og 123456789 hentes"), ("b", "sss eee sesese"));

        _ = index.Search(query);
        Assert.Empty(index.Compounds()!.For(new string('a', 10_000), new string('a', 10_000)));
    }

    [Fact]
    public void The_reversed_field_holds_the_stem_of_each_long_word_backwards() =>
        Assert.Equal(["dlaffadam", "gniretros"],
            AnalyzerTokens.Terms(new DanishAnalyzer(), "Madaffald i haven, 😀 og sorteringen 2024", "body" + DanishAnalyzer.ReversedFieldSuffix));

    private static SearchTestIndex Index(params (string Id, string Text)[] documents) =>
        SearchTestIndex.DanishWithoutCompoundList(documents.Select(document => new RelevanceDocument(document.Id, "", document.Text)));

    // 0 → "a", 1 → "b", … 26 → "ba": distinct words of letters only.
    private static string Letters(int number)
    {
        var text = "";
        do
        {
            text = (char)('a' + number % 26) + text;
            number /= 26;
        }
        while (number > 0);

        return text.ToString(CultureInfo.InvariantCulture);
    }
}
