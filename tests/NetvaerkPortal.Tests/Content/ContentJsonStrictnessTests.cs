using NetvaerkPortal.Content;

namespace NetvaerkPortal.Tests.Content;

/// <summary>Content JSON from outside is refused, naming the field, for what System.Text.Json accepts and then
/// fails on later: a key twice, a lone surrogate, nesting too deep.</summary>
public sealed class ContentJsonStrictnessTests
{
    public static TheoryData<string, string, string> RefusedJson() => new()
    {
        { "a part given twice", """{"ContentType": "Article", "TitlePart": {"Title": "a"}, "TitlePart": {"Title": "b"}}""", "TitlePart" },
        { "a field given twice", """{"ContentType": "Article", "TitlePart": {"Title": "a", "Title": "b"}}""", "TitlePart.Title" },
        { "an item property in two spellings", """{"ContentType": "Article", "contentType": "Network"}""", "contentType" },
        { "a lone high surrogate in a title", """{"ContentType": "Article", "TitlePart": {"Title": "x\ud800y"}}""", "TitlePart.Title" },
        { "a lone low surrogate in a key", """{"ContentType": "Article", "TitlePart": {"\udc00": "x"}}""", "TitlePart" },
        { "a lone surrogate in a tag", """{"ContentType": "Article", "TagsPart": {"Tags": ["ok", "\ud800"]}}""", "TagsPart.Tags" },
        { "a part nested 62 levels deep", """{"ContentType": "Article", "Extra": """ + new string('[', 62) + new string(']', 62) + "}", "Extra" },
    };

    [Theory]
    [MemberData(nameof(RefusedJson))]
    public void Refused_json_names_the_field(string because, string json, string field)
    {
        var refused = Assert.Throws<ContentValidationException>(() => ContentJson.Parse(json));

        Assert.True(refused.Field == field, $"{because}: field '{refused.Field}', {refused.Reason}");
        Assert.DoesNotContain("System.", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recipe_item_is_read_by_the_same_rules()
    {
        var parsed = System.Text.Json.Nodes.JsonNode.Parse("""{"ContentType": "Article", "TitlePart": {"Title": "a", "Title": "b"}}""")!.AsObject();

        var refused = Assert.Throws<ContentValidationException>(() => ContentJson.Read(parsed));

        Assert.Equal("TitlePart.Title", refused.Field);
    }

    [Fact]
    public void A_valid_surrogate_pair_is_text()
    {
        var item = ContentJson.Parse("""{"ContentType": "Article", "TitlePart": {"Title": "Møde \ud83d\ude00"}}""");

        Assert.Equal("Møde 😀", item.Text("TitlePart", "Title"));
    }

    [Fact]
    public void Thirty_two_levels_are_read_and_thirty_three_are_refused()
    {
        // The item is level 1, "Extra" level 2, and each {"a": ...} one more.
        static string Nested(int depth) =>
            """{"ContentType": "Article", "Extra": """ + string.Concat(Enumerable.Repeat("""{"a": """, depth - 2)) + "{}" + new string('}', depth - 2) + "}";

        ContentJson.Parse(Nested(JsonInput.MaxDepth));
        Assert.Throws<ContentValidationException>(() => ContentJson.Parse(Nested(JsonInput.MaxDepth + 1)));
    }
}
