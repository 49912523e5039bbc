using Netvaerk.Networks.Display;

namespace NetvaerkPortal.Tests.Site;

public sealed class TeaserTests
{
    [Fact]
    public void A_teaser_reads_as_plain_sentences()
    {
        Assert.Equal("Aftaler Vi mødes hver uge. Næste gang & i Odense.",
            Teasers.FromSafeHtml("<h2>Aftaler</h2><p>Vi mødes <strong>hver uge</strong>.</p><ul><li>Næste gang &amp; i <em>Odense</em>.</li></ul>"));
    }

    [Fact]
    public void A_long_text_is_cut_at_a_word_with_an_ellipsis()
    {
        var teaser = Teasers.FromSafeHtml("<p>" + string.Join(' ', Enumerable.Repeat("kollegial sparring", 60)) + "</p>");

        Assert.True(teaser.Length <= Teasers.MaxLength + 1);
        Assert.Matches("^kollegial sparring .*(kollegial|sparring)…$", teaser);
    }

    [Fact]
    public void No_text_gives_an_empty_teaser()
    {
        Assert.Equal("", Teasers.FromSafeHtml(null));
        Assert.Equal("", Teasers.FromSafeHtml("<p> </p>"));
    }
}
