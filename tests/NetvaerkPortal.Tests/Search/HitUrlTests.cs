using Netvaerk.Search.Lucene.Searching;

namespace NetvaerkPortal.Tests.Search;

/// <summary>A hit links to the item's slug path, and never off-site for a path stored before paths were checked.</summary>
public sealed class HitUrlTests
{
    private const string Id = "0123456789abcdefghijklmnop";

    [Theory]
    [InlineData("viden/saadan-starter-i-et-netvaerk", "/alfa/viden/saadan-starter-i-et-netvaerk")]
    [InlineData(null, "/alfa/content/" + Id)]
    [InlineData("", "/alfa/content/" + Id)]
    [InlineData("\\\\evil.example/phish", "/alfa/content/" + Id)]
    [InlineData("//evil.example/phish", "/alfa/content/" + Id)]
    [InlineData("../../admin", "/alfa/content/" + Id)]
    public void A_hit_links_to_a_slug_path_or_the_items_id(string? storedPath, string expected) =>
        Assert.Equal(expected, SearchService.Url("/alfa", Id, storedPath));
}
