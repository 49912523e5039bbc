using System.Diagnostics;
using NetvaerkPortal.Content.Versions;

namespace NetvaerkPortal.Tests.Content;

public sealed class TextDiffTests
{
    private static string Older(IEnumerable<DiffSegment> segments) => string.Concat(segments.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text));

    private static string Newer(IEnumerable<DiffSegment> segments) => string.Concat(segments.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text));

    [Fact]
    public void Equal_texts_are_one_unchanged_segment()
    {
        var diff = TextDiff.Compare("Vi mødes i Odense.", "Vi mødes i Odense.");

        Assert.Equal([new DiffSegment(DiffKind.Same, "Vi mødes i Odense.")], diff);
    }

    [Fact]
    public void A_changed_word_is_shown_as_that_word_deleted_and_its_replacement_inserted()
    {
        var diff = TextDiff.Compare("Vi mødes hver sjette uge.", "Vi mødes hver fjerde uge.");

        Assert.Equal(
            [new DiffSegment(DiffKind.Same, "Vi mødes hver "), new DiffSegment(DiffKind.Deleted, "sjette"), new DiffSegment(DiffKind.Inserted, "fjerde"), new DiffSegment(DiffKind.Same, " uge.")],
            diff);
    }

    [Fact]
    public void Danish_words_stay_whole_and_an_added_word_is_one_insertion()
    {
        var diff = TextDiff.Compare("Tovholderen åbner mødet.", "Tovholderen åbner altid mødet.");

        Assert.Equal(new DiffSegment(DiffKind.Inserted, "altid "), Assert.Single(diff, s => s.Kind != DiffKind.Same));
    }

    [Fact]
    public void Only_the_changed_line_of_a_long_text_differs()
    {
        var lines = Enumerable.Range(1, 400).Select(i => $"Linje {i} om netværket.\n").ToList();
        var older = string.Concat(lines);
        lines[200] = "Linje 201 om hele netværket.\n";

        var diff = TextDiff.Compare(older, string.Concat(lines));

        Assert.Equal(new DiffSegment(DiffKind.Inserted, "hele "), Assert.Single(diff, s => s.Kind != DiffKind.Same));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Both_texts_can_always_be_read_back_from_the_difference(int seed)
    {
        var random = new Random(seed);
        string[] words = ["møde", "tillid", " ", " ", "\n", "roller", ".", "æble", "sparring", ",", "🙂", "kollega"];
        for (var round = 0; round < 200; round++)
        {
            var older = string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => words[random.Next(words.Length)]));
            var newer = string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => words[random.Next(words.Length)]));

            var diff = TextDiff.Compare(older, newer);

            Assert.Equal(older, Older(diff));
            Assert.Equal(newer, Newer(diff));
            Assert.DoesNotContain(diff, s => s.Text.Length == 0);
        }
    }

    [Fact]
    public void Two_unrelated_long_texts_are_compared_quickly_as_a_replacement()
    {
        var older = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => "a" + i));
        var newer = string.Join('\n', Enumerable.Range(0, 20_000).Select(i => "b" + i));
        var clock = Stopwatch.StartNew();

        var diff = TextDiff.Compare(older, newer);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(older, Older(diff));
        Assert.Equal(newer, Newer(diff));
    }

    [Fact]
    public void Condense_shortens_long_unchanged_stretches_and_keeps_every_change()
    {
        var filler = string.Join(' ', Enumerable.Repeat("uændret tekst", 200));
        var diff = TextDiff.Compare(filler + " sjette " + filler, filler + " fjerde " + filler);

        var condensed = TextDiff.Condense(diff);

        Assert.Equal(diff.Where(s => s.Kind != DiffKind.Same), condensed.Where(s => s.Kind != DiffKind.Same));
        Assert.True(string.Concat(condensed.Select(s => s.Text)).Length < 800);
        Assert.Contains(condensed, s => s.Kind == DiffKind.Same && s.Text.Contains(" … ", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_and_null_texts_compare_as_all_inserted_or_all_deleted()
    {
        Assert.Equal([new DiffSegment(DiffKind.Inserted, "ny")], TextDiff.Compare(null, "ny"));
        Assert.Equal([new DiffSegment(DiffKind.Deleted, "gammel")], TextDiff.Compare("gammel", ""));
        Assert.Empty(TextDiff.Compare("", null));
    }
}
