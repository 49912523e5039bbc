using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NetvaerkPortal.Display;

/// <summary>Turns an author's Markdown into HTML that is safe to put on a page: Markdig renders it,
/// HtmlSanitizer removes everything that could run (script, event handlers, javascript: URLs,
/// iframes, forms). Both are built once; each is safe to share between requests once configured.
/// Text that nests too deeply for Markdig (<see cref="MarkdownNesting"/>), or that fails to render, is shown
/// as escaped plain text and logged: one stored text never makes a page fail.</summary>
public sealed class MarkdownRenderer(ILogger<MarkdownRenderer> logger)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();


    // Rendering and sanitising cost far more than a page's other work, and the same text always gives the same
    // HTML: keep recent results, bounded by their size in characters.
    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 64_000_000 });

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public MarkdownRenderer()
        : this(NullLogger<MarkdownRenderer>.Instance)
    {
    }

    /// <param name="source">What the text is (e.g. "item 4x… MarkdownBodyPart.Markdown"), for the log when it falls back to plain text.</param>
    public string ToSafeHtml(string? markdown, string? source = null)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        if (Rendered.TryGetValue(markdown, out string? kept) && kept is not null)
        {
            return kept;
        }

        var html = Render(markdown, source);
        Rendered.Set(markdown, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Length, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return html;
    }

    private string Render(string markdown, string? source)
    {
        var measure = MarkdownNesting.Measure(markdown);
        if (!measure.Acceptable)
        {
            logger.LogWarning("Markdown of {Source} is shown as plain text: it nests {What} {Depth} levels deep and has {Marks} marks in one paragraph (limits {MaxDepth} and {MaxMarks}).",
                source ?? "a text", measure.What, measure.Depth, measure.MarksPerParagraph, MarkdownNesting.MaxDepth, MarkdownNesting.MaxMarksPerParagraph);
            return PlainText(markdown);
        }

        try
        {
            return _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            logger.LogWarning(error, "Markdown of {Source} is shown as plain text: it could not be rendered.", source ?? "a text");
            return PlainText(markdown);
        }
    }

    /// <summary>Does Markdig render this text? Checked when a text is written, so that pages never meet one it cannot.</summary>
    public static bool CanRender(string markdown)
    {
        try
        {
            Markdown.ToHtml(markdown, Pipeline);
            return true;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>The text escaped, its paragraphs and line breaks kept.</summary>
    private static string PlainText(string text)
    {
        var html = new StringBuilder(text.Length + 64).Append("<div class=\"plain-text\">");
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(Html.Encoder.Encode(paragraph).Replace("&#xA;", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return html.Append("</div>").ToString();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        // Authors write text, not layout: no inline styles, no classes that could borrow the portal's own.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedCssProperties.Clear();
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "textarea", "label", "fieldset", "legend" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        // Links leave the portal without handing it the window or the referrer.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
