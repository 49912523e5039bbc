using System.Diagnostics;
using CsCheck;
using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace NetvaerkPortal.Tests.Content;

/// <summary>Property tests: random and mutated content JSON and random Markdown never give anything but a result or a
/// clear validation error, never take a second, and what is accepted can be stored, read back and rendered.</summary>
public sealed class ContentFuzzTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, ContentPartShape> Shapes =
        ContentPartShape.Platform.Concat(NetworkPartShapes.All).ToDictionary(s => s.PartName, StringComparer.Ordinal);

    private static readonly MarkdownRenderer Renderer = new();

    /// <summary>The first use of Markdig, HtmlSanitizer and System.Text.Json compiles a lot of code; the hang guard is for inputs, not for that.</summary>
    static ContentFuzzTests()
    {
        var item = ContentJson.Parse("""{"ContentType": "Case", "TitlePart": {"Title": "Varm"}, "MarkdownBodyPart": {"Markdown": "# Varm\n\n*op* [x](https://x.dk) > - 1."}}""");
        ContentItemShape.Check(item, NetworkContentTypes.Definitions.Single(t => t.Name == "Case"), Shapes);
        Renderer.ToSafeHtml(item.Text("MarkdownBodyPart", "Markdown"));
    }

    [Fact]
    public void Mutated_content_json_is_read_or_refused_with_a_validation_error()
    {
        ContentFuzz.MutatedItem(ContentIds.New()).Sample(json =>
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var item = ContentJson.Parse(json);
                if (NetworkContentTypes.Definitions.FirstOrDefault(t => t.Name == item.ContentType) is { } type)
                {
                    ContentItemShape.Check(item, type, Shapes);

                    // Accepted by the write rules: it can be stored, read back, and written out as JSON.
                    var record = new ContentItemRecord { ContentItemId = ContentIds.New(), ContentItemVersionId = ContentIds.New(), ContentType = type.Name, Data = ContentRecords.Serialize(item) };
                    var (stored, problem) = ContentRecords.TryRead(record);
                    Assert.True(stored is not null, problem);
                    ContentJson.Write(stored).ToJsonString();
                }
            }
            catch (ContentValidationException error)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Reason));
                Assert.DoesNotContain("System.", error.Reason, StringComparison.Ordinal);
            }

            Assert.True(watch.Elapsed < HangGuard, $"took {watch.Elapsed}");
        }, iter: 3_000, threads: 1, print: json => json.Length <= 600 ? json : json[..600] + $"… ({json.Length} characters)");
    }

    [Fact]
    public void Random_json_text_is_read_or_refused_with_a_validation_error()
    {
        Gen.String.Sample(json =>
        {
            try
            {
                ContentJson.Parse(json);
            }
            catch (ContentValidationException error)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Reason));
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Random_markdown_renders_safely_within_the_hang_guard_and_what_is_accepted_renders_as_markdown()
    {
        ContentFuzz.Markdown.Sample(markdown =>
        {
            var watch = Stopwatch.StartNew();
            var measure = MarkdownNesting.Measure(markdown);
            var html = Renderer.ToSafeHtml(markdown + "<script>alert(1)</script>");
            if (measure.Acceptable)
            {
                // Text the write rules accept must never fall back to plain text on a page.
                Assert.True(MarkdownRenderer.CanRender(markdown), $"accepted ({measure}) but Markdig fails");
            }

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.True(watch.Elapsed < HangGuard, $"took {watch.Elapsed} ({measure}, {markdown.Length} characters)");
        }, iter: 400, threads: 1, print: markdown => markdown.Length <= 300 ? markdown : markdown[..300] + $"… ({markdown.Length} characters)");
    }
}
