using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Display;

/// <summary>A content item as a simple server-rendered page in Danish, until the theme renders items with
/// Liquid: title, the type's own fields, the Markdown body (sanitized) and tags. Works without JavaScript.</summary>
public static class ItemPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private static readonly (string Part, string Field, string Label)[] Fields =
    [
        ("NetworkPart", "Purpose", "Formål"),
        ("NetworkPart", "DesiredEffect", "Ønsket effekt"),
        ("NetworkPart", "TargetGroup", "Målgruppe"),
        ("NetworkPart", "GroundRules", "Spilleregler"),
        ("NetworkPart", "Cadence", "Mødekadence"),
        ("CasePart", "Organisation", "Organisation"),
        ("CasePart", "Sector", "Sektor"),
        ("CasePart", "Challenge", "Udfordring"),
        ("CasePart", "Approach", "Tilgang"),
        ("CasePart", "Results", "Resultater"),
    ];

    public static string Render(ContentItem item, string siteName, string pathBase, MarkdownRenderer markdown)
    {
        var title = item.Text("TitlePart", "Title") ?? item.DisplayText;
        var page = new StringBuilder(4096);
        page.Append("<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.Encode(title)).Append(" – ").Append(Html.Encode(siteName)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Html.Encode(pathBase)).Append("/css/portal.css\"></head><body>")
            .Append("<a class=\"skip\" href=\"#indhold\">Gå til indhold</a>")
            .Append("<header class=\"site\"><a class=\"brand\" href=\"").Append(Html.Encode(pathBase)).Append("/\">Netværk Portal</a>")
            .Append("<nav aria-label=\"Hovedmenu\"><ul><li><a href=\"").Append(Html.Encode(pathBase)).Append("/\">Forside</a></li><li><a href=\"")
            .Append(Html.Encode(pathBase)).Append("/search\">Søg</a></li></ul></nav></header>")
            .Append("<main id=\"indhold\" tabindex=\"-1\"><article>")
            .Append("<p class=\"type\">").Append(Html.Encode(NetworkContentTypes.DisplayName(item.ContentType))).Append("</p>")
            .Append("<h1>").Append(Html.Encode(title)).Append("</h1>");

        var facts = new StringBuilder();
        if (item.Text("MeetingNotePart", "MeetingDate") is { Length: > 0 } date)
        {
            var shown = DateOnly.TryParse(date, CultureInfo.InvariantCulture, out var day) ? day.ToString("d. MMMM yyyy", Danish) : date;
            Fact(facts, "Mødedato", shown);
        }

        foreach (var (part, field, label) in Fields)
        {
            if (item.Text(part, field) is { Length: > 0 } value)
            {
                // Authors write these fields in Markdown too (ground rules are usually a list).
                facts.Append("<dt>").Append(Html.Encode(label)).Append("</dt><dd>").Append(markdown.ToSafeHtml(value, $"item {item.ContentItemId} {part}.{field}")).Append("</dd>");
            }
        }

        Fact(facts, "Synlighed", Visibility.Of(item) switch
        {
            Visibility.Public => "Offentlig",
            Visibility.Tenant => "Organisationens medlemmer",
            _ => "Netværkets medlemmer",
        });
        page.Append("<dl class=\"facts\">").Append(facts).Append("</dl>");

        page.Append("<div class=\"body\">").Append(markdown.ToSafeHtml(item.Text("MarkdownBodyPart", "Markdown"), $"item {item.ContentItemId} MarkdownBodyPart.Markdown")).Append("</div>");

        if (item.Part("TagsPart")?["Tags"] is JsonArray tags && tags.Count > 0)
        {
            page.Append("<ul class=\"tags\" aria-label=\"Emner\">");
            foreach (var tag in tags.OfType<JsonValue>().Select(t => t.ToString()))
            {
                page.Append("<li>").Append(Html.Encode(tag)).Append("</li>");
            }

            page.Append("</ul>");
        }

        return page.Append("</article></main></body></html>").ToString();
    }

    private static void Fact(StringBuilder facts, string label, string value) =>
        facts.Append("<dt>").Append(Html.Encode(label)).Append("</dt><dd>").Append(Html.Encode(value)).Append("</dd>");
}
