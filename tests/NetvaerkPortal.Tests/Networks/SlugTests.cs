using System.Text.Json.Nodes;
using Netvaerk.Networks.ContentTypes;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>Readable URLs made from Danish titles.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class SlugTests(NetworkPortal portal)
{
    [Theory]
    [InlineData("Sådan starter I et selvledende netværk", "saadan-starter-i-et-selvledende-netvaerk")]
    [InlineData("Ørkenens ÆBLER på Åen", "oerkenens-aebler-paa-aaen")]
    [InlineData("18-årsovergangen: fælles tjekliste!", "18-aarsovergangen-faelles-tjekliste")]
    [InlineData("Café & crème brûlée", "cafe-creme-brulee")]
    [InlineData("  --  ", "indhold")]
    public void Titles_become_slugs_with_Danish_letters_transliterated(string title, string slug) =>
        Assert.Equal(slug, Slugs.FromTitle(title));

    [Fact]
    public void A_long_title_is_cut_at_a_word()
    {
        var slug = Slugs.FromTitle(string.Join(' ', Enumerable.Repeat("mødestruktur", 20)));

        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.EndsWith("moedestruktur", slug, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_with_the_same_title_get_unique_paths_and_keep_them_when_edited()
    {
        using var editor = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "redaktoer"));
        const string body = """{"ContentType": "KnowledgeArticle", "Published": true, "TitlePart": {"Title": "Tovholderens tjekliste"}, "VisibilityPart": {"Visibility": "Public"}}""";

        var first = JsonNode.Parse(await (await editor.PostAsync(new Uri("/alfa/api/content", UriKind.Relative), NetworkPortal.Json(body))).Content.ReadAsStringAsync())!;
        var second = JsonNode.Parse(await (await editor.PostAsync(new Uri("/alfa/api/content", UriKind.Relative), NetworkPortal.Json(body))).Content.ReadAsStringAsync())!;
        var renamed = JsonNode.Parse(await (await editor.PutAsync(new Uri($"/alfa/api/content/{first["ContentItemId"]}", UriKind.Relative),
            NetworkPortal.Json("""{"Published": true, "TitlePart": {"Title": "Ny titel"}, "VisibilityPart": {"Visibility": "Public"}}"""))).Content.ReadAsStringAsync())!;

        Assert.Equal("viden/tovholderens-tjekliste", (string)first["AutoroutePart"]!["Path"]!);
        Assert.Equal("viden/tovholderens-tjekliste-2", (string)second["AutoroutePart"]!["Path"]!);
        Assert.Equal("viden/tovholderens-tjekliste", (string)renamed["AutoroutePart"]!["Path"]!);
        using var anonymous = portal.Client(ReaderKind.Anonymous);
        Assert.Contains("<h1>Ny titel</h1>", await anonymous.GetStringAsync(new Uri("/alfa/viden/tovholderens-tjekliste", UriKind.Relative)), StringComparison.Ordinal);
    }
}
