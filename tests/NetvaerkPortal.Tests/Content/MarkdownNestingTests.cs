using NetvaerkPortal.Display;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Content;

/// <summary>The nesting pre-scan counts what Markdig nests (and what makes it slow) and leaves real writing alone;
/// the renderer never fails on stored text, however it nests.</summary>
public sealed class MarkdownNestingTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    public static TheoryData<string, string> DeepTexts() => new()
    {
        { "30,000 '>' (the probe's note)", new string('>', 30_000) },
        { "quotes with spaces", Repeat("> ", 40) + "x" },
        { "ordered lists on one line", Repeat("1. ", 40) + "x" },
        { "lists nested by indentation", string.Join('\n', Enumerable.Range(0, 40).Select(i => new string(' ', i * 2) + "- x")) },
        { "open brackets", new string('[', 40) },
        { "unclosed links (quadratic in Markdig)", Repeat("[a](b", 40) },
        { "unclosed link titles (quadratic in Markdig)", Repeat("[a](b (", 40) },
        { "nested emphasis", Repeat("*a ", 40) + Repeat(" b*", 40) },
        { "emphasis inside words", Repeat("**a", 40) },
        { "strikethrough", Repeat("~~a ", 40) },
        { "HTML tags", Repeat("<div>", 40) },
        { "HTML tags across paragraphs", Repeat("<b>\n\n", 40) },
        { "brackets after backticks that open a code span, not a fence (CI seed 6i4vCKHdxPj8)", Repeat("```[# |", 350) },
    };

    [Theory]
    [MemberData(nameof(DeepTexts))]
    public void Deep_nesting_is_measured_as_too_deep(string because, string markdown)
    {
        var measure = MarkdownNesting.Measure(markdown);

        Assert.True(measure.TooDeep, $"{because}: {measure}");
    }

    [Fact]
    public void Many_emphasis_marks_or_web_addresses_in_one_paragraph_are_too_many()
    {
        Assert.True(MarkdownNesting.Measure(Repeat("*a* ", 300)).TooManyMarks);
        Assert.True(MarkdownNesting.Measure(Repeat("www.example.dk ", 600)).TooManyMarks);
        Assert.False(MarkdownNesting.Measure(Repeat("*a*\n\n", 3000)).TooManyMarks);
    }

    public static TheoryData<string> OrdinaryTexts() => new()
    {
        "# Mødestruktur\n\nFire faser: **check-in**, _cases_, ~~pause~~ og evaluering.\n\n- a\n  - b\n    - c\n\n> citat\n> > svar",
        "1. Første\n2. Anden\n   1. Under\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] opgave\n- [x] færdig",
        "Se [dagsordenen](https://example.dk/a(b)c) og <https://example.dk>, www.example.dk eller mail@example.dk.",
        "- - -\n\n* * *\n\n---\n\n" + Repeat("- ~5 min: punkt\n", 60),
        "```\n" + new string('[', 100) + "\n" + Repeat("> ", 100) + "\n```\n\n    " + new string('(', 100),
        "snake_case_name, 2*3*4, C++ og ==markeret== tekst, <br> " + Repeat("<br>", 50) + " og <3 og a < b",
        "<details><summary>Mere</summary>\n\n<p>Tekst<p>Mere tekst</details>",
    };

    [Theory]
    [MemberData(nameof(OrdinaryTexts))]
    public void Ordinary_writing_stays_well_within_the_limits(string markdown)
    {
        var measure = MarkdownNesting.Measure(markdown);

        Assert.True(measure.Acceptable, measure.ToString());
        Assert.True(measure.Depth <= 4, measure.ToString());
        Assert.True(MarkdownRenderer.CanRender(markdown));
    }

    [Fact]
    public void Shipped_recipes_and_orchard_fixtures_have_no_text_near_the_limits()
    {
        var deepest = Directory.GetFiles(Path.Combine(PortalCommandRunner.RepositoryRoot, "recipes"), "*.recipe.json")
            .Concat(Directory.GetFiles(Path.GetDirectoryName(PortalCommandRunner.Fixture("blog.recipe.json"))!, "*.json"))
            .SelectMany(file => Strings(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file),
                documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })))
            .Select(MarkdownNesting.Measure)
            .Max(m => m.Depth);

        Assert.InRange(deepest, 0, 4);
    }

    [Theory]
    [MemberData(nameof(DeepTexts))]
    public void Stored_text_that_nests_too_deeply_renders_as_escaped_plain_text(string because, string markdown)
    {
        var html = new MarkdownRenderer().ToSafeHtml(markdown + "\n\n<script>alert(1)</script>");

        Assert.True(html.StartsWith("<div class=\"plain-text\">", StringComparison.Ordinal), because);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Strings(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        System.Text.Json.Nodes.JsonArray array => array.SelectMany(Strings),
        System.Text.Json.Nodes.JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
