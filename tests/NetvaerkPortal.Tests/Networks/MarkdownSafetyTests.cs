using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NetvaerkPortal.Display;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>Markdown written by authors renders without anything a browser could execute.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class MarkdownSafetyTests(NetworkPortal portal)
{
    public const string Hostile = """
        # Overskrift

        Almindelig **fed** tekst og [et godt link](https://example.dk/side).

        <script>alert('script')</script>
        <img src="x" onerror="alert('img')">
        <div onclick="alert('div')" onmouseover="alert('over')">klik</div>
        <svg onload="alert('svg')"><circle r="1"/></svg>
        <iframe src="https://evil.example/"></iframe>
        <object data="https://evil.example/x.swf"></object>
        <embed src="https://evil.example/x.swf">
        <form action="https://evil.example/"><button formaction="javascript:alert('form')">Send</button></form>
        <a href="JaVaScRiPt:alert('a')">blandet</a>
        <a href="&#106;avascript:alert('entity')">entitet</a>
        <a href=" javascript:alert('space')">mellemrum</a>
        <a href="vbscript:msgbox('vb')">vb</a>
        <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>
        <math><mi xlink:href="javascript:alert('math')">m</mi></math>
        <style>body { background: url("javascript:alert('css')") }</style>
        <p style="background:url(javascript:alert('style'))">stil</p>
        <meta http-equiv="refresh" content="0;url=javascript:alert('meta')">
        <base href="javascript:alert('base')//">

        [markdown-link](javascript:alert('md'))
        [markdown-link-2](<javascript:alert('md2')>)
        ![billede](javascript:alert('mdimg'))
        <javascript:alert('autolink')>
        """;

    [Fact]
    public void Hostile_markdown_renders_without_executable_content()
    {
        var html = new MarkdownRenderer().ToSafeHtml(Hostile);

        AssertNothingExecutable(new HtmlParser().ParseDocument($"<html><body>{html}</body></html>"));
        Assert.Contains("<strong>fed</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.dk/side\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_page_with_hostile_markdown_carries_no_executable_content()
    {
        var item = NetworkPortal.Item("KnowledgeArticle", "Fjendtlig markdown 8008", Hostile, "Public");
        await portal.PublishAsync(portal.Alfa, item);
        using var client = portal.Client(ReaderKind.Anonymous);

        var page = await client.GetStringAsync(new Uri($"/alfa/content/{item.ContentItemId}", UriKind.Relative));

        var document = new HtmlParser().ParseDocument(page);
        AssertNothingExecutable(document);
        Assert.Equal("Fjendtlig markdown 8008", document.QuerySelector("h1")!.TextContent);
        Assert.NotNull(document.QuerySelector(".body strong"));
    }

    private static void AssertNothingExecutable(IDocument document)
    {
        var forbidden = new[] { "script", "iframe", "object", "embed", "form", "button", "style", "meta", "base", "frame", "frameset", "link", "applet" };
        foreach (var tag in forbidden)
        {
            // The page's own <meta charset> and stylesheet <link> are in the head; author content is in the body.
            Assert.Empty(document.Body!.QuerySelectorAll(tag));
        }

        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}> survived.");
                Assert.NotEqual("style", attribute.Name);
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                Assert.False(value.Contains("javascript:", StringComparison.Ordinal) || value.Contains("vbscript:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal),
                    $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\"> survived.");
            }
        }
    }
}
