using System.Text.Json.Nodes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>Content items for tests: the parts the Networks types need, nothing stored yet.</summary>
public static class TestItems
{
    /// <summary>The visibility rules with the Networks module's answer to "which network", as the portal registers them.</summary>
    public static ItemVisibility ItemVisibility { get; } = new([new Netvaerk.Networks.ContentTypes.NetworkItems()]);

    public static ContentItem Create(string type, string title, string body, string visibility = Visibility.Public,
        string? network = null, string[]? tags = null, string? path = null)
    {
        var item = new ContentItem { ContentItemId = ContentManager.NewId(), ContentType = type };
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = body;
        item.GetOrCreatePart("VisibilityPart")["Visibility"] = visibility;
        if (network is not null)
        {
            item.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = network;
        }

        if (type == "MeetingNote")
        {
            item.GetOrCreatePart("MeetingNotePart")["MeetingDate"] = "2026-09-16";
        }

        if (tags is not null)
        {
            item.GetOrCreatePart("TagsPart")["Tags"] = new JsonArray(tags.Select(tag => (JsonNode)tag).ToArray());
        }

        if (path is not null)
        {
            item.GetOrCreatePart("AutoroutePart")["Path"] = path;
        }

        return item;
    }
}
