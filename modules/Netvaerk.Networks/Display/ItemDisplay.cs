using System.Text.Json.Nodes;
using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Display;

/// <summary>The view model of a content item's page: what its parts show, in the parts' order. Labels are Danish
/// source texts that the templates translate with <c>t</c>; Markdown arrives sanitized as HTML.</summary>
public sealed record ItemShape(
    string ContentItemId,
    string ContentType,
    string TypeName,
    string Title,
    string Url,
    string? MeetingDate,
    IReadOnlyList<ItemFact> Facts,
    string BodyHtml,
    IReadOnlyList<string> Tags,
    string Visibility,
    DateTime? ModifiedUtc);

public sealed record ItemFact(string Label, string Html);

public static class ItemDisplay
{
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
        ("CasePart", "Approach", "Fremgangsmåde"),
        ("CasePart", "Results", "Resultater"),
    ];

    public static ItemShape Build(ContentItem item, string pathBase, MarkdownRenderer markdown)
    {
        var facts = new List<ItemFact>();
        foreach (var (part, field, label) in Fields)
        {
            if (item.Text(part, field) is { Length: > 0 } value)
            {
                // Authors write these fields in Markdown too (ground rules are usually a list).
                facts.Add(new ItemFact(label, markdown.ToSafeHtml(value, $"item {item.ContentItemId} {part}.{field}")));
            }
        }

        var tags = item.Part("TagsPart")?["Tags"] is JsonArray array ? array.OfType<JsonValue>().Select(t => t.ToString()).ToList() : [];
        return new ItemShape(
            item.ContentItemId,
            item.ContentType,
            NetworkContentTypes.DisplayName(item.ContentType),
            item.Text("TitlePart", "Title") ?? item.DisplayText,
            ContentUrls.Of(pathBase, item),
            item.Text("MeetingNotePart", "MeetingDate") is { Length: > 0 } date ? date : null,
            facts,
            markdown.ToSafeHtml(item.Text("MarkdownBodyPart", "Markdown"), $"item {item.ContentItemId} MarkdownBodyPart.Markdown"),
            tags,
            NetworkItems.VisibilityOf(item) switch
            {
                Visibility.Public => "Offentlig",
                Visibility.Tenant => "Organisationens medlemmer",
                _ => "Netværkets medlemmer",
            },
            item.ModifiedUtc);
    }
}
