namespace NetvaerkPortal.Tests.Recipes;

/// <summary>A recipe's content step is checked like any other write: an id not of Orchard's shape, Markdown nested
/// too deeply or a part the type does not define stops the run naming the item and field, and no tenant is left.</summary>
public sealed class RecipeContentRulesTests : IDisposable
{
    private readonly PortalCommandRunner _portal = new();

    public void Dispose() => _portal.Dispose();

    private static string Recipe(string item) => $$"""
        { "name": "x", "steps": [
          { "name": "feature", "enable": [ "Netvaerk.Networks" ] },
          { "name": "content", "data": [ {{item}} ] } ] }
        """;

    public static TheoryData<string, string, string> RefusedItems() => new()
    {
        { "an id that climbs out", """{ "ContentItemId": "../../etc", "ContentType": "KnowledgeArticle", "TitlePart": { "Title": "Sti" } }""", "field 'ContentItemId'" },
        { "Markdown nested 30,000 deep", $$$"""{ "ContentType": "KnowledgeArticle", "TitlePart": { "Title": "Dyb" }, "MarkdownBodyPart": { "Markdown": "{{{new string('>', 30_000)}}}" } }""", "field 'MarkdownBodyPart.Markdown'" },
        { "a part the type does not define", """{ "ContentType": "KnowledgeArticle", "TitlePart": { "Title": "Ekstra" }, "Extra": { "a": 1 } }""", "field 'Extra'" },
        { "a path to another host", """{ "ContentType": "KnowledgeArticle", "TitlePart": { "Title": "Sti" }, "AutoroutePart": { "Path": "\\\\evil.example/x" } }""", "field 'AutoroutePart.Path'" },
    };

    [Theory]
    [MemberData(nameof(RefusedItems))]
    public async Task A_refused_item_stops_the_recipe_naming_item_and_field(string because, string item, string expected)
    {
        var result = await _portal.RunAsync("tenants", "create", "Refused", "--prefix", "refused", "--recipe", _portal.WriteRecipe(Recipe(item)));

        Assert.True(result.ExitCode != 0, because);
        Assert.Contains("item 1", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error.Contains(expected, StringComparison.Ordinal), $"{because}: {result.Error}");
        Assert.False(Directory.Exists(_portal.SiteFolder("Refused")), because);
    }

    [Fact]
    public async Task With_skip_unsupported_parts_the_type_does_not_define_are_left_out_and_reported()
    {
        var item = """{ "ContentType": "KnowledgeArticle", "Published": true, "TitlePart": { "Title": "Fra Orchard" }, "ContainedPart": { "ListContentItemId": "x" } }""";

        var result = await _portal.RunAsync("tenants", "create", "Orchard", "--prefix", "orchard", "--recipe", _portal.WriteRecipe(Recipe(item)), "--skip-unsupported");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("KnowledgeArticle.ContainedPart", result.Output, StringComparison.Ordinal);
    }
}
